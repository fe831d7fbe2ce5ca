/// The dynamic program over sums: group by group, every sum reached keeps its few
/// best partial answers (by `RankKey`, which adds up, so keeping the best few per
/// sum keeps the best few overall). States that can no longer reach the target
/// are dropped; every transition counts against the budget.
struct SumProgram {
    typealias Option = HypothesisSearch.Option
    typealias RankKey = HypothesisSearch.RankKey

    /// One partial answer: its rank and the last option it took (a path in `nodes`).
    struct Partial {
        var key: RankKey
        var node: Int32
    }

    let options: [[Option]]
    let keep: Int
    let budget: Int
    private(set) var steps = 0
    private(set) var stoppedEarly = false
    /// Paths of taken options: (group, option, previous node); -1 ends a path.
    private var nodes: [(group: Int32, option: Int32, parent: Int32)] = []
    private var states: [Int: [Partial]] = [0: [Partial(key: RankKey(), node: -1)]]

    init(options: [[Option]], keep: Int, budget: Int) {
        self.options = options
        self.keep = max(1, keep)
        self.budget = budget
    }

    mutating func run(toward target: Int) {
        // What the groups after each one can still add, to drop hopeless states.
        var lowAfter = [Int](repeating: 0, count: options.count + 1)
        var highAfter = [Int](repeating: 0, count: options.count + 1)
        for j in stride(from: options.count - 1, through: 0, by: -1) {
            lowAfter[j] = lowAfter[j + 1] + min(0, options[j].map(\.amount).min() ?? 0)
            highAfter[j] = highAfter[j + 1] + max(0, options[j].map(\.amount).max() ?? 0)
        }
        func canReach(_ sum: Int, after j: Int) -> Bool {
            let rest = target - sum
            return lowAfter[j + 1] <= rest && rest <= highAfter[j + 1]
        }
        for (j, group) in options.enumerated() {
            // The budget is checked per group, from counts alone, so that where the
            // program stops never depends on the order a dictionary is visited in.
            let cost = states.values.reduce(0) { $0 + $1.count } * group.count
            if steps + cost > budget {
                stoppedEarly = true
                return
            }
            steps += cost
            var next: [Int: [Partial]] = [:]
            for (sum, partials) in states where canReach(sum, after: j) {
                for partial in partials { insert(partial, at: sum, into: &next) }
            }
            for (sum, partials) in states {
                for (o, option) in group.enumerated() {
                    let reached = sum + option.amount
                    guard canReach(reached, after: j) else { continue }
                    for partial in partials {
                        nodes.append((Int32(j), Int32(o), partial.node))
                        insert(Partial(key: partial.key + option.key, node: Int32(nodes.count - 1)), at: reached, into: &next)
                    }
                }
            }
            states = next
        }
    }

    /// The best answers for `target`, or, when the program stopped before reaching it,
    /// for the reachable sum of the delta's sign that explains the most.
    func best(toward target: Int, delta: Int) -> [HypothesisSearch.Answer] {
        var sum = target
        if states[target] == nil {
            let candidates = states.keys.filter { $0 != 0 && ($0 < 0) == (delta < 0) && abs($0) <= abs(delta) }
            guard let closest = candidates.max(by: { abs($0) < abs($1) || (abs($0) == abs($1) && $0 > $1) }) else { return [] }
            sum = closest
        }
        return (states[sum] ?? []).map { HypothesisSearch.Answer(members: members(of: $0.node), key: $0.key, sum: sum) }
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

    /// Keeps the best `keep` partials at a sum; ties broken by the causes taken, so that
    /// the result does not depend on the order states were visited in.
    private func insert(_ partial: Partial, at sum: Int, into table: inout [Int: [Partial]]) {
        var list = table[sum] ?? []
        var index = list.count
        while index > 0, better(partial, than: list[index - 1]) { index -= 1 }
        guard index < keep else { return }
        list.insert(partial, at: index)
        if list.count > keep { list.removeLast() }
        table[sum] = list
    }

    private func better(_ a: Partial, than b: Partial) -> Bool {
        if a.key < b.key { return true }
        if b.key < a.key { return false }
        return members(of: a.node).lexicographicallyPrecedes(members(of: b.node))
    }
}
