import Foundation

/// Ranks answers by how likely a customer is to have made exactly that mistake
/// (`Rules/README.md`, "How the answer is chosen"), not by how few causes add up.
///
/// The rules' causes are first put together into stories, each one mistake a customer
/// makes: one cause; causes resting on the same entries (a charge and the reload it
/// triggered, a renewal and its expiry); creatives still in production together; every
/// deposit since a moment; every movement since the balance was the expected number; what a
/// finding says is wrong. A hypothesis is one story, or two at once (among the likeliest
/// stories only). Whatever else adds up is a coincidence, found by `HypothesisSearch` and
/// reported apart, never as a hypothesis. Every step counts against one budget.
public struct StorySearch: Sendable {
    /// How many hypotheses, and how many coincidences, to keep.
    public var top: Int
    /// Steps for the whole search; the coincidence search has what the stories left.
    public var budget: Int
    /// A `together` rule with up to this many causes offers every set of them; with more,
    /// those since a moment.
    public var togetherLimit = 8
    /// The coincidence search looks at this many of the latest causes at most.
    public var coincidenceLimit = 2_000
    /// Stories "since a moment" start at one of this many latest causes of their rule: a
    /// customer's moment is recent, and a whole-history window must not make them quadratic.
    public var sinceLimit = 64
    /// Two mistakes at once pair at most this many stories of one amount (the likeliest):
    /// hundreds of equal charges must not make the pairs quadratic.
    public var pairsPerAmount = 4
    /// A story's score is its causes' weight times this much plus the rest times its recency.
    public var oldFactor = 0.7
    /// Two stories at once: the product of their scores times this (0.5: two mistakes never
    /// outrank one whole-movement story).
    public var pairFactor = 0.5
    /// Part of a charge alone (one creative named by its cost): its score times this.
    public var partFactor = 0.5
    /// A single story at least this likely is `high`; below, `medium`.
    public var highScore = 0.35

    public init(top: Int = 3, budget: Int = 1_500_000) {
        self.top = top
        self.budget = budget
    }

    /// The story "your balance was N then; since then ...": the causes that cite every
    /// movement since that moment.
    public struct BalanceStory: Sendable {
        public let moment: BalanceHistory.Moment
        /// Indices into the causes.
        public let members: [Int]
        /// Every movement since the moment, by id.
        public let movements: Set<String>
        /// The `rest` rule's weight: how likely this story is.
        public let weight: Double

        public init(moment: BalanceHistory.Moment, members: [Int], movements: Set<String>, weight: Double) {
            self.moment = moment
            self.members = members
            self.movements = movements
            self.weight = weight
        }
    }

    /// Where the search put one candidate cause.
    public enum Placement: Sendable, Equatable {
        /// In the hypothesis of this rank (1 is the best).
        case hypothesis(rank: Int)
        /// Only in the coincidence of this rank.
        case coincidence(rank: Int)
        /// In no answer shown.
        case unused
    }

    public struct Result: Sendable {
        /// Best first: exact before inexact, then by score.
        public let hypotheses: [Hypothesis]
        /// Unrelated movements that add up to the difference (confidence low), best first.
        public let coincidences: [Hypothesis]
        /// The budget ran out before every combination was tried.
        public let stoppedEarly: Bool
        public let steps: Int
        /// The first two hypotheses are exact and alike in everything the ranking weighs
        /// but recency: the log alone cannot tell which one it was.
        public let isAmbiguous: Bool
        /// For each candidate cause, by position, where it ended.
        public let placements: [Placement]
    }

    /// One story: causes that make one mistake.
    struct Story {
        var members: [Int]
        var amount: Int
        var shape: StoryShape
        var score: Double
        var startsAtBalance = false
        /// What it takes (`Takings.key`), set when duplicates are dropped.
        var key: [Int] = []
    }

    /// An answer being ranked: one or two stories.
    private struct Ranked {
        var stories: [Story]
        var members: [Int]
        var amount: Int
        var score: Double
    }

    public func run(_ causes: [Cause], movements: [String: Int], delta: Int, since: Date, until: Date,
                    balance: BalanceStory? = nil) -> Result {
        let none = Result(hypotheses: [], coincidences: [], stoppedEarly: false, steps: 0, isAmbiguous: false,
                          placements: Array(repeating: .unused, count: causes.count))
        guard delta != 0, !causes.isEmpty else { return none }
        let span = max(1, until.timeIntervalSince(since))
        let recency = causes.map { cause in cause.latest.map { min(1, max(0, $0.timeIntervalSince(since) / span)) } ?? 1 }
        let base = causes.indices.map { causes[$0].weight * (oldFactor + (1 - oldFactor) * recency[$0]) }
        // The stories, and what each cause takes (to find stories that take the same), side by side.
        let (story, takings) = Parallel.both(together: Parallel.isLong(causes.count), { () -> (stories: [Story], steps: Int) in
            var steps = 0
            return (self.stories(causes, base: base, movements: movements, steps: &steps), steps)
        }, { Takings(causes) })
        var (stories, steps) = story
        if let balance, !balance.members.isEmpty {
            stories.append(Story(members: balance.members.sorted(), amount: balance.members.reduce(0) { $0 + causes[$1].amount },
                                 shape: .balanceSince, score: balance.weight, startsAtBalance: true))
        }
        // A story that cites every movement since the balance was the expected number starts
        // where the customer's number was real: at least as likely as that story.
        if let balance {
            // (A story claiming fewer movements than moved since cannot cite them all.)
            for index in stories.indices where stories[index].shape != .balanceSince
                && stories[index].members.reduce(0, { $0 + causes[$1].claims.count }) >= balance.movements.count {
                let claimed = Set(stories[index].members.flatMap { causes[$0].claims.map(\.movement) })
                if claimed == balance.movements {
                    stories[index].startsAtBalance = true
                    stories[index].score = max(stories[index].score, balance.weight)
                }
            }
        }
        stories = Self.unique(stories, causes, takings)
        steps += stories.count

        // Exact answers: one story, or two of the likeliest at once.
        var exact = stories.filter { $0.amount == delta }.map { Ranked(stories: [$0], members: $0.members, amount: $0.amount, score: $0.score) }
        // Two mistakes at once: any two stories on different movements (never a part of a
        // charge, never the balance story, which holds every movement since its moment).
        let candidates = stories.indices.filter { stories[$0].shape != .part && stories[$0].shape != .balanceSince }
        var byAmount: [Int: [Int]] = [:]
        for i in candidates.sorted(by: { (stories[$0].score, $1) > (stories[$1].score, $0) }) where byAmount[stories[i].amount, default: []].count < pairsPerAmount {
            byAmount[stories[i].amount, default: []].append(i)
        }
        let pairable = byAmount.values.flatMap { $0 }.sorted()
        var pairsStopped = false
        for i in pairable {
            steps += 1
            if steps >= budget / 4 {
                pairsStopped = true
                break
            }
            for j in byAmount[delta - stories[i].amount] ?? [] where j > i {
                steps += 1
                let (a, b) = (stories[i], stories[j])
                let members = a.members + b.members
                guard Set(members).count == members.count,
                      HypothesisSearch.fits(members, of: causes, movements: movements) else { continue }
                exact.append(Ranked(stories: [a, b], members: members.sorted(), amount: delta, score: a.score * b.score * pairFactor))
            }
        }
        exact = Self.ranked(exact, causes)
        var seen = Set<[Int]>()
        exact = exact.filter { seen.insert($0.members).inserted }
        // Two mistakes at once are a hypothesis only when one pair of stories reaches the
        // difference (pairs that differ only by interchangeable movements, the same rule and
        // amount, are one): when unrelated pairs reach it in several ways, reaching it says
        // nothing, and they are coincidences.
        let pairs = exact.filter { $0.stories.count > 1 }
        let kinds = Set(pairs.map { pair in pair.members.map { "\(causes[$0].rule):\(causes[$0].amount)" }.sorted() })
        let demoted = kinds.count > 1 ? pairs : []
        if !demoted.isEmpty { exact.removeAll { $0.stories.count > 1 } }

        // Coincidences: whatever else adds up, with the steps left, among the latest causes
        // (a whole-history window is answered by its stories, not by sums of years of entries).
        let search = HypothesisSearch(top: top + min(exact.count, top), budget: max(0, budget - steps))
        var plain = causes.indices.filter { causes[$0].story != .rest }
        let capped = plain.count > coincidenceLimit
        if capped {
            plain = Array(plain.sorted { (causes[$0].latest ?? .distantPast, $0) > (causes[$1].latest ?? .distantPast, $1) }
                .prefix(coincidenceLimit)).sorted()
        }
        let found = search.run(plain.map { causes[$0] }, movements: movements, delta: delta, since: since, until: until)
        steps += found.steps
        // A coincidence taking the same tokens as a story (the plain submission of a creative in
        // production) is that story, already ranked; one cause alone is always a story.
        let byOrder = Dictionary(causes.indices.map { (causes[$0].order, $0) }, uniquingKeysWith: { a, _ in a })
        let known = Set(stories.map(\.key)).union(exact.map { takings.key($0.members) })
        // Among pairs demoted to coincidences, those of fewer movements first: the simpler to check.
        let fewestFirst = demoted.enumerated().sorted { ($0.element.members.count, $0.offset) < ($1.element.members.count, $1.offset) }.map(\.element)
        let coincidences = (fewestFirst.prefix(top).map { pair in (coincidence(pair, causes: causes, delta: delta), pair.members) }
            + found.hypotheses.filter { $0.isExact && $0.causes.count > 1 }.compactMap { hypothesis -> (Hypothesis, [Int])? in
                let members = hypothesis.causes.compactMap { byOrder[$0.order] }.sorted()
                return known.contains(takings.key(members)) ? nil : (hypothesis, members)
            }).prefix(top)
        let coincidencesCut = (found.stoppedEarly || capped) && exact.isEmpty

        var answers = Array(exact.prefix(top))
        // Nothing adds up as a story, and no coincidence does either: the story that explains
        // the largest part, as a partial answer.
        if answers.isEmpty && coincidences.isEmpty {
            let partial = stories.filter { $0.shape != .balanceSince && $0.amount != 0 && ($0.amount < 0) == (delta < 0) && abs($0.amount) < abs(delta) }
                .max { (abs($0.amount), $0.score, $1.members.count) < (abs($1.amount), $1.score, $0.members.count) }
            if let partial { answers = [Ranked(stories: [partial], members: partial.members, amount: partial.amount, score: partial.score)] }
        }
        var hypotheses = answers.map { hypothesis($0, causes: causes, delta: delta, balance: balance) }
        for i in hypotheses.indices {
            if i + 1 < hypotheses.count {
                hypotheses[i].reason = Self.reason(hypotheses[i], above: hypotheses[i + 1], causes: causes, recency: recency, balance: balance)
            } else if !coincidences.isEmpty {
                hypotheses[i].reason = .notCoincidence
            }
        }
        let ambiguous = hypotheses.count > 1 && hypotheses[0].isExact && hypotheses[1].isExact
            && (hypotheses[0].reason == nil || hypotheses[0].reason == .moreRecent)
        var placements = [Placement](repeating: .unused, count: causes.count)
        for (rank, answer) in answers.enumerated().reversed() {
            for member in answer.members { placements[member] = .hypothesis(rank: rank + 1) }
        }
        for (rank, coincidence) in coincidences.enumerated().reversed() {
            for member in coincidence.1 where placements[member] == .unused || {
                if case .coincidence = placements[member] { return true } else { return false }
            }() { placements[member] = .coincidence(rank: rank + 1) }
        }
        return Result(hypotheses: hypotheses, coincidences: coincidences.map(\.0), stoppedEarly: coincidencesCut || pairsStopped,
                      steps: steps, isAmbiguous: ambiguous, placements: placements)
    }

    /// Every story the causes tell, before duplicates are dropped.
    func stories(_ causes: [Cause], base: [Double], movements: [String: Int], steps: inout Int) -> [Story] {
        var stories: [Story] = []
        let usable = causes.indices.filter { causes[$0].story != .rest }
        let latest = causes.map { $0.latest ?? .distantPast }
        // Part of a charge alone is a story for the creative a customer asks about by its cost:
        // the latest one submitted. Any other one alone would be a guess.
        var latestPart: [String: Int] = [:]
        for i in usable where causes[i].isFiller {
            if let other = latestPart[causes[i].rule],
               (latest[other], other) > (latest[i], i) { continue }
            latestPart[causes[i].rule] = i
        }
        for i in usable where !causes[i].isFiller || latestPart[causes[i].rule] == i {
            // Read in place: a copy of a cause retains each of its fields.
            let shape: StoryShape = causes[i].finding != nil ? .finding : causes[i].isFiller ? .part : .single
            stories.append(Story(members: [i], amount: causes[i].amount, shape: shape,
                                 score: base[i] * (causes[i].isFiller ? partFactor : 1)))
        }
        steps += usable.count
        // Causes resting on a common entry or movement: one story (two of them at a time, then three).
        // Each id numbered once (links apart: a link names a creative, not a movement), the
        // causes resting on it listed by number, in the order the ids first came.
        var numbers: [String: Int] = Dictionary(minimumCapacity: usable.reduce(0) { $0 + causes[$1].entries.count + causes[$1].claims.count })
        var linkNumbers: [String: Int] = [:]
        var byNumber: [[Int]] = []
        /// For each cause, by position, the numbers of the ids it rests on.
        var numbersOf: [[Int]] = Array(repeating: [], count: causes.count)
        func share(_ id: String, _ i: Int, in numbers: inout [String: Int]) {
            let number = Self.number(of: id, in: &numbers, next: byNumber.count)
            if number == byNumber.count { byNumber.append([]) }
            if byNumber[number].last != i {
                byNumber[number].append(i)
                numbersOf[i].append(number)
            }
        }
        for i in usable where !causes[i].isFiller && causes[i].finding == nil {
            for id in causes[i].entries { share(id, i, in: &numbers) }
            for claim in causes[i].claims { share(claim.movement, i, in: &numbers) }
            for link in causes[i].links { share(link, i, in: &linkNumbers) }
        }
        // Then a third cause resting on an entry of either (a reload, the charge it paid for,
        // and that creative's refund): a chain of shared entries is still one mistake.
        var linked = Set<[Int]>()
        var pairs: [[Int]] = []
        func link(_ members: [Int]) {
            steps += 1
            guard HypothesisSearch.fits(members, of: causes, movements: movements) else { return }
            stories.append(Story(members: members, amount: members.reduce(0) { $0 + causes[$1].amount }, shape: .linked,
                                 score: members.map { base[$0] }.max() ?? 0))
            if members.count == 2 { pairs.append(members) }
        }
        for sharing in byNumber where sharing.count > 1 && sharing.count <= 4 {
            for (a, i) in sharing.enumerated() {
                for j in sharing[(a + 1)...] where linked.insert([i, j]).inserted { link([i, j]) }
            }
        }
        for pair in pairs {
            for number in pair.flatMap({ numbersOf[$0] }) where byNumber[number].count <= 4 {
                for k in byNumber[number] where !pair.contains(k) {
                    let members = (pair + [k]).sorted()
                    if linked.insert(members).inserted { link(members) }
                }
            }
        }
        // Rules whose causes go together: any set (or those since a moment), or those since a moment.
        var byRule: [String: [Int]] = [:]
        for i in usable where causes[i].story == .together || causes[i].story == .since {
            byRule[causes[i].rule, default: []].append(i)
        }
        for rule in byRule.keys.sorted() {
            let members = Array(byRule[rule]!.sorted { (latest[$0], $0) < (latest[$1], $1) }
                .suffix(sinceLimit))
            guard members.count > 1 else { continue }
            let together = causes[members[0]].story == .together
            var sets: [[Int]] = []
            if together && members.count <= togetherLimit {
                for mask in 1..<(1 << members.count) where mask.nonzeroBitCount > 1 {
                    sets.append(members.indices.filter { mask & (1 << $0) != 0 }.map { members[$0] })
                }
            } else {
                for start in 0..<(members.count - 1) { sets.append(Array(members[start...])) }
            }
            for set in sets {
                steps += set.count
                let score = set.reduce(0) { $0 + base[$1] } / Double(set.count)
                stories.append(Story(members: set.sorted(), amount: set.reduce(0) { $0 + causes[$1].amount },
                                     shape: together ? .together : .since, score: score))
            }
        }
        return stories
    }

    /// One story per set of movements taken (two rules can name the same charge): the likeliest.
    /// The number of `id` in `numbers`, given `next` when it is new: one hash.
    static func number(of id: String, in numbers: inout [String: Int], next: Int) -> Int {
        return { (number: inout Int) in number }(&numbers[id, default: next])
    }

    static func unique(_ stories: [Story], _ causes: [Cause], _ takings: Takings) -> [Story] {
        var best: [[Int]: Int] = Dictionary(minimumCapacity: stories.count)
        var result: [Story] = []
        for var story in stories {
            story.key = takings.key(story.members)
            guard let other = best[story.key] else {
                best[story.key] = result.count
                result.append(story)
                continue
            }
            let kept = result[other]
            // The balance story made of exactly one other story is that story, starting where
            // the balance was: it keeps its own shape (it can pair, or be a partial answer).
            if (story.shape == .balanceSince) != (kept.shape == .balanceSince) {
                var merged = story.shape == .balanceSince ? kept : story
                merged.score = max(story.score, kept.score)
                merged.startsAtBalance = true
                result[other] = merged
                continue
            }
            // The likelier story; at the same score, the more specific rules (higher weights:
            // "still in production" rather than "submitted").
            let weight = { (s: Story) in s.members.reduce(0) { $0 + causes[$1].weight } / Double(s.members.count) }
            if story.score > kept.score + 1e-9
                || (abs(story.score - kept.score) <= 1e-9 && (weight(story), -story.members.count) > (weight(kept), -kept.members.count)) {
                story.startsAtBalance = story.startsAtBalance || kept.startsAtBalance
                result[other] = story
            }
        }
        return result
    }

    /// What each cause takes, with movements numbered once: a set of causes' key is the same
    /// for two rules naming the same movements, and cheap to hash over a long window.
    struct Takings {
        /// Per cause, its (movement number, amount) pairs, flattened and sorted. A finding's
        /// tokens that are in no movement count as a movement of their own.
        let perCause: [[Int]]

        init(_ causes: [Cause]) {
            var numbers: [String: Int] = Dictionary(minimumCapacity: causes.reduce(0) { $0 + $1.claims.count })
            perCause = causes.indices.map { i in
                guard !causes[i].claims.isEmpty else { return [-1 - i, causes[i].amount] }
                var pairs: [(Int, Int)] = []
                pairs.reserveCapacity(causes[i].claims.count)
                for claim in causes[i].claims {
                    let number = StorySearch.number(of: claim.movement, in: &numbers, next: numbers.count)
                    pairs.append((number, claim.amount))
                }
                return Self.flattened(pairs)
            }
        }

        func key(_ members: [Int]) -> [Int] {
            if members.count == 1 { return perCause[members[0]] }
            var pairs: [(Int, Int)] = []
            for member in members {
                let flat = perCause[member]
                for k in stride(from: 0, to: flat.count, by: 2) { pairs.append((flat[k], flat[k + 1])) }
            }
            return Self.flattened(pairs)
        }

        /// The pairs sorted, as one flat list (no list per pair: there is a key per candidate).
        private static func flattened(_ pairs: [(Int, Int)]) -> [Int] {
            var flat: [Int] = []
            flat.reserveCapacity(pairs.count * 2)
            for pair in pairs.count > 1 ? pairs.sorted(by: <) : pairs {
                flat.append(pair.0)
                flat.append(pair.1)
            }
            return flat
        }
    }

    /// Best first: higher score, fewer causes, more recent, then by the causes taken.
    private static func ranked(_ answers: [Ranked], _ causes: [Cause]) -> [Ranked] {
        func latest(_ r: Ranked) -> Date { r.members.compactMap { causes[$0].latest }.max() ?? .distantPast }
        return answers.sorted { a, b in
            if abs(a.score - b.score) > 1e-9 { return a.score > b.score }
            if a.members.count != b.members.count { return a.members.count < b.members.count }
            let (la, lb) = (latest(a), latest(b))
            if la != lb { return la > lb }
            return a.members.lexicographicallyPrecedes(b.members)
        }
    }

    private func hypothesis(_ answer: Ranked, causes: [Cause], delta: Int, balance: BalanceStory?) -> Hypothesis {
        let chosen = answer.members.map { causes[$0] }
            .sorted { ($0.latest ?? .distantPast, $0.order) < ($1.latest ?? .distantPast, $1.order) }
        let shapes = answer.stories.map(\.shape)
        let confidence: Confidence = answer.stories.count == 1 && shapes[0] != .part && answer.score >= highScore
            && answer.amount == delta ? .high : .medium
        return Hypothesis(causes: chosen, explained: answer.amount, unexplained: delta - answer.amount,
                          score: (answer.score * 100).rounded() / 100, confidence: confidence, stories: shapes,
                          startsAtBalance: answer.stories.contains(where: \.startsAtBalance), reason: nil)
    }

    /// Two stories that reach the difference among other pairs that do too: a coincidence.
    private func coincidence(_ pair: Ranked, causes: [Cause], delta: Int) -> Hypothesis {
        let chosen = pair.members.map { causes[$0] }
            .sorted { ($0.latest ?? .distantPast, $0.order) < ($1.latest ?? .distantPast, $1.order) }
        return Hypothesis(causes: chosen, explained: pair.amount, unexplained: delta - pair.amount,
                          score: (pair.score * 100).rounded() / 100, confidence: .low, stories: [.coincidence],
                          startsAtBalance: false, reason: nil)
    }

    /// What puts `a` above `b`, in the order the model weighs it; nil when only the causes'
    /// order tells them apart.
    private static func reason(_ a: Hypothesis, above b: Hypothesis, causes: [Cause], recency: [Double],
                               balance: BalanceStory?) -> RankReason? {
        if abs(a.unexplained) != abs(b.unexplained) { return .accountsForMore }
        if a.startsAtBalance && !b.startsAtBalance, let balance {
            return .startsAtBalance(balance: balance.moment.balance, at: balance.moment.at)
        }
        if a.stories.contains(.finding) && !b.stories.contains(.finding) { return .finding }
        if a.stories.count < b.stories.count { return .oneMistake }
        if !a.stories.contains(.part) && b.stories.contains(.part) { return .wholeMovements }
        if a.stories.contains(.linked) && !b.stories.contains(.linked) { return .linked }
        let weight = { (h: Hypothesis) in h.causes.reduce(0) { $0 + $1.weight } / Double(max(1, h.causes.count)) }
        if weight(a) > weight(b) + 1e-9 { return .likelierKind }
        let latest = { (h: Hypothesis) in h.causes.compactMap(\.latest).max() ?? .distantPast }
        if latest(a) > latest(b) { return .moreRecent }
        if a.score > b.score + 1e-9 { return .likelierKind }
        return nil
    }
}
