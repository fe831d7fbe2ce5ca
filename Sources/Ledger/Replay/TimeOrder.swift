/// Positions of a list of times in ascending order, equal times kept in list
/// order: a natural merge sort over the runs already in order, an entry a few rows
/// out of place first slid into its run. Logs come nearly sorted (oldest or newest
/// first, with a few entries out of place), so this is close to O(n) on them and
/// O(n log n) at worst; it also avoids the closure calls
/// of a generic sort, which cost more than the replay itself on 100,000 entries.
enum TimeOrder {
    /// How far back an entry written late may slide into the run before it, rather
    /// than start a run of its own.
    private static let reach = 8

    static func positions(of times: [Double]) -> [Int] {
        let count = times.count
        guard count > 1 else { return Array(0..<count) }
        if (1..<count).allSatisfy({ times[$0] < times[$0 - 1] }) { return Array((0..<count).reversed()) }

        // Runs, each non-decreasing in time. An entry out of place by a few rows (an
        // oldest-first log with a late entry) slides back into the run by insertion:
        // starting a run for it instead would cost a merge pass over the whole log for
        // every doubling of such entries. Sliding only past strictly later times keeps
        // equal times in list order.
        var order = Array(0..<count)
        var bounds = [0]
        var runStart = 0
        var latest = times[0]  // the last time of the current run
        for index in 1..<count {
            let time = times[index]
            guard time < latest else { latest = time; continue }
            var slot = index - 1
            while slot > runStart && index - slot < reach && times[order[slot - 1]] > time { slot -= 1 }
            if slot > runStart && times[order[slot - 1]] > time {
                // Too far back: a run of its own.
                bounds.append(index)
                runStart = index
                latest = time
                continue
            }
            for position in stride(from: index, to: slot, by: -1) { order[position] = order[position - 1] }
            order[slot] = index
        }
        bounds.append(count)
        guard bounds.count > 2 else { return order }

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
