import Ledger

extension Explainer {
    /// What every finding rule says about one snapshot, without causes or the search:
    /// what `credits audit` asks of each client. Rule problems come back beside them.
    public func findings(_ snapshot: Snapshot, _ query: ExplainQuery) -> (findings: [Finding], problems: [RuleProblem]) {
        let replay = Replay.run(snapshot, policy: pack.policy)
        let facts = Facts(snapshot: snapshot, policy: pack.policy, replay: replay, query: query)
        let output = RuleEvaluator(facts: facts).run(findingRules)
        return (output.findings, output.problems)
    }
}
