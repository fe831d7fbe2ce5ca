import Ledger

/// The front door: one snapshot, one question, one rule pack in; the explanation out.
/// The pipeline is snapshot -> replay -> facts -> candidate causes and findings ->
/// stories -> hypotheses; rendering is separate (`TextReport`, `MarkdownReport`, `JSONReport`).
public struct Explainer: Sendable {
    public let pack: RulePack
    public var search: StorySearch
    /// Which candidate causes get their message written.
    public var messages: Messages
    /// The pack's rules by the part of a question they run in, chosen once (an audit asks
    /// thousands of questions): all but the `rest` rules, the `rest` rules (after a balance
    /// story is chosen), and the finding rules (an audit's whole question).
    let questionRules: [Rule], restRules: [Rule], findingRules: [Rule]

    /// The causes whose messages are written (each charged to the question's budget).
    public enum Messages: Sendable {
        /// Those of the hypotheses and coincidences, the only ones a report shows: a
        /// whole-history window has tens of thousands of candidates.
        case shown
        /// Every candidate's, for the rules' own examples, which check a candidate's message.
        case all
    }

    public init(pack: RulePack, top: Int = 3, messages: Messages = .shown) {
        self.pack = pack
        self.search = StorySearch(top: top)
        self.messages = messages
        questionRules = pack.rules.filter { $0.story != .rest }
        restRules = pack.rules.filter { $0.story == .rest }
        findingRules = pack.rules.filter { $0.kind == .finding }
    }

    public func explain(_ snapshot: Snapshot, _ query: ExplainQuery) -> Explanation {
        explain(snapshot, query, replay: Replay.run(snapshot, policy: pack.policy))
    }

    /// The same, reusing a replay already made.
    public func explain(_ snapshot: Snapshot, _ query: ExplainQuery, replay: Replay) -> Explanation {
        let (facts, history) = Parallel.both(together: Parallel.isLong(snapshot.entries.count), {
            Facts(snapshot: snapshot, policy: pack.policy, replay: replay, query: query)
        }, { BalanceHistory(replay: replay, opening: snapshot.opening, since: query.since, until: query.until) })
        let evaluator = RuleEvaluator(facts: facts)
        var output = evaluator.run(questionRules)
        let balanceWas = history.latest(balance: query.expected)
        var balanceStory: StorySearch.BalanceStory?
        if let moment = balanceWas, query.delta != 0 {
            balanceStory = story(since: moment, history: history, facts: facts, output: &output)
        }
        var claimed: [String: Int] = Dictionary(minimumCapacity: output.causes.reduce(0) { $0 + $1.claims.count })
        for cause in output.causes {
            for claim in cause.claims { claimed[claim.movement] = facts.movements[claim.movement]?.amount }
        }
        let result = search.run(output.causes, movements: claimed, delta: query.delta,
                                since: query.since, until: query.until, balance: balanceStory)
        // The messages, once the answers are known (a cause's `order` is its position).
        let answers = result.hypotheses + result.coincidences
        switch messages {
        case .shown: evaluator.write(Set(answers.flatMap { $0.causes.map(\.order) }).sorted(), in: &output)
        case .all: evaluator.write(output.causes.indices, in: &output)
        }
        let written = { (list: [Hypothesis]) in
            list.map { hypothesis in
                var hypothesis = hypothesis
                hypothesis.causes = hypothesis.causes.map { output.causes[$0.order] }
                return hypothesis
            }
        }
        let hypotheses = written(result.hypotheses), coincidences = written(result.coincidences)
        let status = ExplanationStatus.of(delta: query.delta, best: hypotheses.first, findings: output.findings)
        var explanation = Explanation(snapshot: snapshot, query: query, replay: replay, hypotheses: hypotheses,
                           coincidences: coincidences, findings: output.findings, status: status,
                           stoppedEarly: result.stoppedEarly, isAmbiguous: result.isAmbiguous,
                           candidates: output.causes, placements: result.placements, history: history,
                           balanceWas: balanceWas, problems: output.problems, facts: facts)
        explanation.rulesStopped = output.stopped
        return explanation
    }

    /// "Your balance was N then; since then: ...": the causes that name movements since the
    /// moment wholly (a creative in production, a renewal and its expiry, a reload), the
    /// likeliest first and no movement twice; then the `rest` rules over what none of them
    /// names (their causes are added to `output`).
    private func story(since moment: BalanceHistory.Moment, history: BalanceHistory, facts: Facts,
                       output: inout RuleEvaluator.Output) -> StorySearch.BalanceStory? {
        guard !restRules.isEmpty, let (restFacts, chosen, sinceSet, _) = Self.restFacts(since: moment, history: history, facts: facts, causes: output.causes) else {
            return nil
        }
        let restOutput = RuleEvaluator(facts: restFacts).run(restRules)
        let offset = output.causes.count
        output.causes += restOutput.causes.enumerated().map { $0.element.renumbered(offset + $0.offset) }
        output.unwritten += restOutput.unwritten
        output.problems += restOutput.problems
        output.stopped = output.stopped ?? restOutput.stopped
        return StorySearch.BalanceStory(moment: moment, members: chosen.sorted() + Array(offset..<output.causes.count),
                                        movements: sinceSet, weight: restRules.map(\.weight).max() ?? 0.5)
    }

    /// The facts the `rest` rules see: the movements since the moment that none of the specific
    /// causes chosen (`chosen`, by position in `causes`) names (`rest`); nil when nothing moved
    /// since. `credits explain --why` traces the `rest` rules over the same facts.
    static func restFacts(since moment: BalanceHistory.Moment, history: BalanceHistory, facts: Facts,
                          causes: [Cause]) -> (facts: Facts, chosen: [Int], since: Set<String>, rest: [String])? {
        let since = history.movements(after: moment, in: facts.replay)
        let sinceSet = Set(since)
        guard !since.isEmpty else { return nil }
        let inside = causes.indices.filter { i in
            let cause = causes[i]
            return !cause.isFiller && cause.finding == nil && !cause.claims.isEmpty
                && cause.claims.allSatisfy { sinceSet.contains($0.movement) }
        }
        // A `plain` rule's causes are counted by kind, unless it names just one movement since then.
        var plainCount: [String: Int] = [:]
        for i in inside where causes[i].story == .plain { plainCount[causes[i].rule, default: 0] += 1 }
        let specific = inside.filter { i in
            switch causes[i].story {
            case .alone, .together: true
            case .plain: plainCount[causes[i].rule] == 1
            case .since, .rest: false
            }
        }.sorted { (causes[$0].weight, -$0) > (causes[$1].weight, -$1) }
        var chosen: [Int] = []
        var taken = Set<String>()
        for i in specific where causes[i].claims.allSatisfy({ !taken.contains($0.movement) }) {
            chosen.append(i)
            taken.formUnion(causes[i].claims.map(\.movement))
        }
        let rest = since.filter { !taken.contains($0) }
        return (facts.with(balanceSince: moment, rest: rest), chosen, sinceSet, rest)
    }
}
