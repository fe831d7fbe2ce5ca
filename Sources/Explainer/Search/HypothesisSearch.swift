import Foundation

/// Finds the sets of causes whose amounts add up to a difference without taking
/// more out of any movement than it holds, and ranks them.
///
/// Causes that claim a common movement form a conflict group; each group offers
/// its valid subsets as options, and at most one option is taken per group. A
/// bitset over reachable sums first settles whether the difference can be met
/// exactly and, if not, which sum comes closest (the largest explainable part);
/// then a dynamic program over sums, keeping the best few partial answers per
/// sum, reads back the best sets for that target. Every transition counts
/// against a budget; when it runs out the search stops and says so.
public struct HypothesisSearch: Sendable {
    /// How many hypotheses to keep.
    public var top: Int
    /// Transitions of the dynamic program before it stops early.
    public var budget: Int
    /// Conflict groups up to this size offer every valid subset; larger ones offer single causes.
    public var groupLimit = 10
    /// Sum ranges wider than this skip the bitset (the target is then the difference itself).
    public var bitsetLimit = 1 << 24
    /// Nor is the bitset filled when that would take more word operations than this (about
    /// 50 ms): 100,000 candidates over a range of millions took seconds.
    public var bitsetWorkLimit = 1 << 26

    public init(top: Int = 3, budget: Int = 1_500_000) {
        self.top = top
        self.budget = budget
    }

    /// The ranked hypotheses, and whether the budget ran out.
    public struct Result: Sendable {
        public let hypotheses: [Hypothesis]
        public let stoppedEarly: Bool
        /// Transitions used.
        public let steps: Int
    }

    /// One way to take causes from a conflict group.
    struct Option {
        let members: [Int]
        let amount: Int
        let key: RankKey
    }

    /// What ranks two answers that explain the same amount: fewer causes, higher
    /// weights, more recent; added up over causes, so the program stays exact.
    struct RankKey: Comparable {
        var count = 0
        var weight = 0.0
        var recency = 0.0

        static func + (a: RankKey, b: RankKey) -> RankKey {
            RankKey(count: a.count + b.count, weight: a.weight + b.weight, recency: a.recency + b.recency)
        }

        /// Better first.
        static func < (a: RankKey, b: RankKey) -> Bool {
            if a.count != b.count { return a.count < b.count }
            if abs(a.weight - b.weight) > 1e-9 { return a.weight > b.weight }
            if abs(a.recency - b.recency) > 1e-9 { return a.recency > b.recency }
            return false
        }
    }

    /// - Parameters:
    ///   - movements: every movement's signed amount by id, what claims are checked against.
    ///   - since, until: the window, for recency.
    public func run(_ causes: [Cause], movements: [String: Int], delta: Int, since: Date, until: Date) -> Result {
        let causes = causes.filter { $0.amount != 0 }
        guard delta != 0, !causes.isEmpty else { return Result(hypotheses: [], stoppedEarly: false, steps: 0) }
        let span = max(1, until.timeIntervalSince(since))
        let keys = causes.map { cause in
            let recency = cause.latest.map { min(1, max(0, $0.timeIntervalSince(since) / span)) } ?? 0
            return RankKey(count: 1, weight: cause.weight, recency: recency)
        }
        let groups = ConflictGroups(causes).groups
        var options: [[Option]] = groups.map { groupOptions(for: $0, causes: causes, keys: keys, movements: movements) }
        // Best groups first, so that a search that stops early has looked at the likeliest causes.
        options.sort { a, b in
            let bestA = a.map(\.key).min()!, bestB = b.map(\.key).min()!
            return bestA < bestB || (!(bestB < bestA) && a[0].members[0] < b[0].members[0])
        }
        let target = ReachableSums(options.map { $0.map(\.amount) }, limit: bitsetLimit, workLimit: bitsetWorkLimit).target(for: delta)
        guard let target else { return Result(hypotheses: [], stoppedEarly: false, steps: 0) }
        // Half the budget for answers of up to four causes, the rest for the program.
        let dominance = Dominance(causes.map(\.amount))
        let few = FewCauses(options).find(target: target, keep: top, budget: budget / 2) { !dominance.isDominated($0) }
        var answers = few.answers
        var steps = few.steps
        var programStopped = false
        if answers.count < top {
            var program = SumProgram(options: options, keep: top, budget: budget - steps)
            program.run(toward: target)
            let known = Set(answers.map(\.members))
            answers += program.best(toward: target, delta: delta).filter { !known.contains($0.members) && !dominance.isDominated($0.members) }
            steps += program.steps
            programStopped = program.stoppedEarly
        }
        // Fewer causes rank first: a best answer found at a level searched completely stands,
        // even when the search for alternatives stops early.
        let stoppedEarly = !few.settled && (few.stoppedEarly || programStopped)
        // Causes that rest on the same entries (a reload and the charge it paid for, a renewal
        // and the plan tokens it expired) tell one story: among answers with as many causes,
        // the more linked ones rank first.
        answers = answers.map { answer in
            var linked = answer
            linked.links = Self.links(answer.members.map { causes[$0] })
            return linked
        }
        let hypotheses = Self.ranked(answers, delta: delta).prefix(top).map { answer in
            hypothesis(answer.members, links: answer.links, causes: causes, keys: keys, delta: delta)
        }
        return Result(hypotheses: Array(hypotheses), stoppedEarly: stoppedEarly, steps: steps)
    }

    /// How many pairs of causes share an entry they cite or a movement they claim.
    static func links(_ causes: [Cause]) -> Int {
        var links = 0
        for (i, a) in causes.enumerated() {
            let mine = Set(a.entries + a.claims.map(\.movement))
            for b in causes[(i + 1)...] where !mine.isDisjoint(with: b.entries + b.claims.map(\.movement)) { links += 1 }
        }
        return links
    }

    /// Answers best first: closest to the difference, then fewer causes, then more linked,
    /// then by rank (weights, recency), then by the causes taken.
    static func ranked(_ answers: [Answer], delta: Int) -> [Answer] {
        answers.sorted { a, b in
            let (da, db) = (abs(delta - a.sum), abs(delta - b.sum))
            if da != db { return da < db }
            if a.key.count != b.key.count { return a.key.count < b.key.count }
            if a.links != b.links { return a.links > b.links }
            if a.key < b.key { return true }
            if b.key < a.key { return false }
            return a.members.lexicographicallyPrecedes(b.members)
        }
    }

    /// A set of causes (indices, sorted) that adds up to `sum`, with its rank.
    struct Answer {
        let members: [Int]
        let key: RankKey
        let sum: Int
        /// See `links(_:)`; counted once answers are collected.
        var links = 0
    }

    /// The valid subsets of one conflict group (or its single causes when it is large).
    private func groupOptions(for group: [Int], causes: [Cause], keys: [RankKey], movements: [String: Int]) -> [Option] {
        var result: [Option] = []
        if group.count <= groupLimit {
            for mask in 1..<(1 << group.count) {
                let members = group.indices.filter { mask & (1 << $0) != 0 }.map { group[$0] }
                guard Self.fits(members, of: causes, movements: movements) else { continue }
                result.append(option(members, causes: causes, keys: keys))
            }
        } else {
            result = group.map { option([$0], causes: causes, keys: keys) }
        }
        return result
    }

    private func option(_ members: [Int], causes: [Cause], keys: [RankKey]) -> Option {
        Option(members: members, amount: members.reduce(0) { $0 + causes[$1].amount },
               key: members.reduce(RankKey()) { $0 + keys[$1] })
    }

    /// Whether causes together take no more out of any movement than it holds.
    static func fits(_ members: [Int], of causes: [Cause], movements: [String: Int]) -> Bool {
        var taken = IdTally<Int>()
        for member in members {
            for claim in causes[member].claims { taken[taken.position(of: claim.movement, initial: 0)] += claim.amount }
        }
        return taken.items.allSatisfy { id, amount in
            let holds = movements[id] ?? 0
            return (holds < 0) == (amount < 0) && abs(amount) <= abs(holds)
        }
    }

    private func hypothesis(_ members: [Int], links: Int, causes: [Cause], keys: [RankKey], delta: Int) -> Hypothesis {
        let chosen = members.map { causes[$0] }.sorted { ($0.latest ?? .distantPast, $0.order) < ($1.latest ?? .distantPast, $1.order) }
        let explained = chosen.reduce(0) { $0 + $1.amount }
        let coverage = 1 - Double(abs(delta - explained)) / Double(abs(delta))
        let meanWeight = chosen.isEmpty ? 0 : chosen.reduce(0) { $0 + $1.weight } / Double(chosen.count)
        let raw = max(0, coverage) * (0.5 + 0.5 * meanWeight) * pow(0.9, Double(max(0, chosen.count - 1)))
        return Hypothesis(causes: chosen, explained: explained, unexplained: delta - explained,
                          score: (raw * 100).rounded() / 100, confidence: .low,
                          stories: [links > 0 ? .linked : .coincidence], startsAtBalance: false, reason: nil)
    }
}
