/// Every sum that can be made by taking at most one amount from each group, as a
/// bitset: O(groups x amounts x range / 64). Settles quickly whether a difference
/// can be explained exactly, and if not, the largest part that can.
struct ReachableSums {
    /// The sum bit 0 stands for.
    private let low: Int
    private let width: Int
    /// nil when the range was too wide to hold, or too long to fill: every sum then
    /// counts as reachable, and the search itself (which has a budget) finds out.
    private let bits: [UInt64]?

    /// The sums of `groups`, unless their range is wider than `limit` bits or filling
    /// it would take more than `workLimit` word operations (one pass over the range per amount).
    init(_ groups: [[Int]], limit: Int, workLimit: Int = .max) {
        low = groups.reduce(0) { $0 + min(0, $1.min() ?? 0) }
        let high = groups.reduce(0) { $0 + max(0, $1.max() ?? 0) }
        width = high - low + 1
        let amounts = groups.reduce(0) { $0 + $1.count }
        let work = amounts.multipliedReportingOverflow(by: (width + 63) / 64)
        guard width <= limit, !work.overflow, work.partialValue <= workLimit else {
            bits = nil
            return
        }
        var reach = [UInt64](repeating: 0, count: (width + 63) / 64)
        reach[(-low) / 64] |= 1 << UInt64((-low) % 64)
        for group in groups {
            var next = reach
            for amount in Set(group) { Self.or(&next, reach, shiftedBy: amount) }
            reach = next
        }
        bits = reach
    }

    func contains(_ sum: Int) -> Bool {
        guard let bits else { return true }
        let index = sum - low
        guard index >= 0, index < width else { return false }
        return bits[index / 64] & (1 << UInt64(index % 64)) != 0
    }

    /// The sum to look for: the difference when it can be made, else the reachable sum
    /// of the same sign closest to it (the largest explainable part); nil when none.
    func target(for delta: Int) -> Int? {
        if contains(delta) { return delta }
        guard bits != nil else { return delta }
        // Only sums inside the range can be reached: start there, not at a difference of 10^12.
        let high = low + width - 1
        let step = delta < 0 ? 1 : -1
        var sum = delta < 0 ? max(delta + 1, low) : min(delta - 1, high)
        while sum != 0 && (sum < 0) == (delta < 0) {
            if contains(sum) { return sum }
            sum += step
        }
        return nil
    }

    /// `target |= source << shift` over the whole bitset (a negative shift moves down).
    private static func or(_ target: inout [UInt64], _ source: [UInt64], shiftedBy shift: Int) {
        let words = source.count
        let wordShift = abs(shift) / 64, bitShift = UInt64(abs(shift) % 64)
        if shift >= 0 {
            for i in stride(from: words - 1 - wordShift, through: 0, by: -1) where source[i] != 0 {
                target[i + wordShift] |= source[i] << bitShift
                if bitShift != 0, i + wordShift + 1 < words { target[i + wordShift + 1] |= source[i] >> (64 - bitShift) }
            }
        } else {
            for i in stride(from: wordShift, to: words, by: 1) where source[i] != 0 {
                target[i - wordShift] |= source[i] >> bitShift
                if bitShift != 0, i - wordShift - 1 >= 0 { target[i - wordShift - 1] |= source[i] << (64 - bitShift) }
            }
        }
    }
}
