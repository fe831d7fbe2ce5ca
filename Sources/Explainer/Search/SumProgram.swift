/// The dynamic program over sums: group by group, every sum reached keeps its few
/// best partial answers (by `RankKey`, which adds up, so keeping the best few per
/// sum keeps the best few overall). Sums live in flat arrays indexed from the
/// lowest reachable sum; states that can no longer reach the target are dropped;
/// every transition counts against the budget.
struct SumProgram {
    typealias Option = HypothesisSearch.Option
    typealias RankKey = HypothesisSearch.RankKey

    /// One partial answer: its rank and the last option it took (a path in `nodes`).
    struct Partial {
        var key: RankKey
        var node: Int32
    }

    /// Sum ranges wider than this (times `keep`) are not attempted: the answer then comes
    /// from `FewCauses` alone, and the search says it stopped early.
    static let cellLimit = 1_000_000

    let options: [[Option]]
    let keep: Int
    let budget: Int
    private(set) var steps = 0
    private(set) var stoppedEarly = false
    /// Paths of taken options: (group, option, previous node); -1 ends a path.
    private var nodes: [(group: Int32, option: Int32, parent: Int32)] = []
    /// The sum index 0 stands for, and how many sums there are.
    private let low: Int
    private let width: Int
    /// The partials of each sum (`keep` cells per sum), how many each has, which sums have any.
    private var cells: [Partial]
    private var counts: [UInt8]
    private var active: [Int] = []

    init(options: [[Option]], keep: Int, budget: Int) {
        self.options = options
        self.keep = max(1, min(keep, 255))
        self.budget = budget
        low = options.reduce(0) { $0 + min(0, $1.map(\.amount).min() ?? 0) }
        let high = options.reduce(0) { $0 + max(0, $1.map(\.amount).max() ?? 0) }
        width = high - low + 1
        cells = []
        counts = []
    }

    mutating func run(toward target: Int) {
        guard width * keep <= Self.cellLimit, target >= low, target - low < width else {
            stoppedEarly = true
            return
        }
        cells = Array(repeating: Partial(key: RankKey(), node: -1), count: width * keep)
        counts = Array(repeating: 0, count: width)
        var nextCells = cells
        var nextCounts = counts
        counts[-low] = 1
        active = [-low]
        // What the groups after each one can still add, to drop hopeless states.
        var lowAfter = [Int](repeating: 0, count: options.count + 1)
        var highAfter = [Int](repeating: 0, count: options.count + 1)
        for j in stride(from: options.count - 1, through: 0, by: -1) {
            lowAfter[j] = lowAfter[j + 1] + min(0, options[j].map(\.amount).min() ?? 0)
            highAfter[j] = highAfter[j + 1] + max(0, options[j].map(\.amount).max() ?? 0)
        }
        let targetIndex = target - low
        for (j, group) in options.enumerated() {
            // The budget is checked per group, from counts alone, so that where the
            // program stops never depends on anything but the input.
            var cost = active.reduce(0) { $0 + Int(counts[$1]) } * (group.count + 1)
            // Each group left may spend an equal share of what the budget has left; a group
            // that would spend more goes on as a beam, keeping only the sums nearest the
            // target (the program then says it stopped early: the answer is the best found).
            let share = (budget - steps) / (options.count - j)
            if cost > share {
                stoppedEarly = true
                let beam = share / ((group.count + 1) * keep)
                guard beam >= 4 else { return }
                if active.count > beam {
                    active.sort { (abs(targetIndex - $0), $0) < (abs(targetIndex - $1), $1) }
                    for index in active[beam...] { counts[index] = 0 }
                    active.removeSubrange(beam...)
                }
                cost = active.reduce(0) { $0 + Int(counts[$1]) } * (group.count + 1)
            }
            steps += cost
            let (restLow, restHigh) = (lowAfter[j + 1], highAfter[j + 1])
            var nextActive: [Int] = []
            func place(_ partial: Partial, at index: Int) {
                if nextCounts[index] == 0 { nextActive.append(index) }
                insert(partial, at: index, cells: &nextCells, counts: &nextCounts)
            }
            for index in active {
                let rest = targetIndex - index
                let base = index * keep
                if restLow <= rest && rest <= restHigh {
                    for r in 0..<Int(counts[index]) { place(cells[base + r], at: index) }
                }
                for (o, option) in group.enumerated() {
                    let reached = index + option.amount
                    let left = targetIndex - reached
                    guard restLow <= left && left <= restHigh else { continue }
                    for r in 0..<Int(counts[index]) {
                        let partial = cells[base + r]
                        nodes.append((Int32(j), Int32(o), partial.node))
                        place(Partial(key: partial.key + option.key, node: Int32(nodes.count - 1)), at: reached)
                    }
                }
            }
            for index in active { counts[index] = 0 }
            swap(&cells, &nextCells)
            swap(&counts, &nextCounts)
            active = nextActive
        }
    }

    /// The best answers for `target`, or, when the program stopped before reaching it,
    /// for the reachable sum of the delta's sign that explains the most.
    func best(toward target: Int, delta: Int) -> [HypothesisSearch.Answer] {
        guard !counts.isEmpty else { return [] }
        var index = target - low
        if index < 0 || index >= width || counts[index] == 0 {
            let sums = active.map { $0 + low }.filter { $0 != 0 && ($0 < 0) == (delta < 0) && abs($0) <= abs(delta) }
            guard let closest = sums.max(by: { abs($0) < abs($1) || (abs($0) == abs($1) && $0 > $1) }) else { return [] }
            index = closest - low
        }
        return (0..<Int(counts[index])).map { r in
            let partial = cells[index * keep + r]
            return HypothesisSearch.Answer(members: members(of: partial.node), key: partial.key, sum: index + low)
        }
    }

    /// The causes a path took, sorted.
    private func members(of node: Int32) -> [Int] {
        var result: [Int] = []
        var node = node
        while node >= 0 {
            let step = nodes[Int(node)]
            result += options[Int(step.group)][Int(step.option)].members
            node = step.parent
        }
        return result.sorted()
    }

    /// Keeps the best `keep` partials at a sum; ties go to the path found first (states are
    /// visited in an order that depends only on the input, never on hashing).
    private func insert(_ partial: Partial, at index: Int, cells: inout [Partial], counts: inout [UInt8]) {
        let base = index * keep
        var count = Int(counts[index])
        var position = count
        while position > 0, better(partial, than: cells[base + position - 1]) { position -= 1 }
        guard position < keep else { return }
        if count == keep { count -= 1 }
        var r = count
        while r > position {
            cells[base + r] = cells[base + r - 1]
            r -= 1
        }
        cells[base + position] = partial
        counts[index] = UInt8(count + 1)
    }

    private func better(_ a: Partial, than b: Partial) -> Bool {
        if a.key < b.key { return true }
        if b.key < a.key { return false }
        return a.node < b.node
    }
}
