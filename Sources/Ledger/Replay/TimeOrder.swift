/// Positions of a list of times in ascending order, equal times kept in list
/// order: a natural merge sort over the runs already in order. Logs come nearly
/// sorted (oldest or newest first, with a few entries out of place), so this is
/// close to O(n) on them and O(n log n) at worst; it also avoids the closure calls
/// of a generic sort, which cost more than the replay itself on 100,000 entries.
enum TimeOrder {
    static func positions(of times: [Double]) -> [Int] {
        let count = times.count
        guard count > 1 else { return Array(0..<count) }
        var ascending = true
        var strictlyDescending = true
        for index in 1..<count {
            if times[index] < times[index - 1] { ascending = false }
            if times[index] >= times[index - 1] { strictlyDescending = false }
            if !ascending && !strictlyDescending { break }
        }
        if ascending { return Array(0..<count) }
        if strictlyDescending { return Array((0..<count).reversed()) }

        // Run starts: each run is non-decreasing in time.
        var bounds = [0]
        for index in 1..<count where times[index] < times[index - 1] { bounds.append(index) }
        bounds.append(count)

        var order = Array(0..<count)
        var buffer = order
        while bounds.count > 2 {
            var merged = [0]
            var run = 0
            while run + 1 < bounds.count {
                let low = bounds[run]
                let middle = bounds[run + 1]
                let high = run + 2 < bounds.count ? bounds[run + 2] : middle
                merge(order, into: &buffer, low: low, middle: middle, high: high, times: times)
                merged.append(high)
                run += 2
            }
            swap(&order, &buffer)
            bounds = merged
        }
        return order
    }

    /// Merges `source[low..<middle]` and `source[middle..<high]` into `target`; the
    /// left run wins ties, which keeps equal times in list order.
    private static func merge(_ source: [Int], into target: inout [Int], low: Int, middle: Int, high: Int, times: [Double]) {
        var left = low
        var right = middle
        var out = low
        while left < middle && right < high {
            if times[source[right]] < times[source[left]] {
                target[out] = source[right]
                right += 1
            } else {
                target[out] = source[left]
                left += 1
            }
            out += 1
        }
        while left < middle { target[out] = source[left]; left += 1; out += 1 }
        while right < high { target[out] = source[right]; right += 1; out += 1 }
    }
}
