import Ledger

/// The front door: one snapshot, one question, one rule pack in; the explanation out.
/// The pipeline is snapshot -> replay -> facts -> candidate causes and findings ->
/// hypotheses; rendering is separate (`TextReport`, `MarkdownReport`, `JSONReport`).
public struct Explainer: Sendable {
    public let pack: RulePack
    public var search: HypothesisSearch

    public init(pack: RulePack, top: Int = 3) {
        self.pack = pack
        self.search = HypothesisSearch(top: top)
    }

    public func explain(_ snapshot: Snapshot, _ query: ExplainQuery) -> Explanation {
        explain(snapshot, query, replay: Replay.run(snapshot, policy: pack.policy))
    }

    /// The same, reusing a replay already made.
    public func explain(_ snapshot: Snapshot, _ query: ExplainQuery, replay: Replay) -> Explanation {
        let facts = Facts(snapshot: snapshot, policy: pack.policy, replay: replay, query: query)
        let output = RuleEvaluator(facts: facts).run(pack.rules)
        var claimed: [String: Int] = [:]
        for claim in output.causes.flatMap(\.claims) { claimed[claim.movement] = facts.movements[claim.movement]?.amount }
        let result = search.run(output.causes, movements: claimed, delta: query.delta,
                                since: query.since, until: query.until)
        let status = ExplanationStatus.of(delta: query.delta, best: result.hypotheses.first, findings: output.findings)
        return Explanation(snapshot: snapshot, query: query, replay: replay, hypotheses: result.hypotheses,
                           findings: output.findings, status: status, stoppedEarly: result.stoppedEarly,
                           candidates: output.causes, problems: output.problems)
    }
}
