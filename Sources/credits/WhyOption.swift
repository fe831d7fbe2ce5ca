import ArgumentParser
import Explainer
import Ledger

/// `--why [RULE]` of `credits explain`: with a rule id, the rule's trace over the question (every item
/// it looked at, its false parts, what the search did with its causes); alone, one line a rule.
struct WhyOptions: ParsableArguments {
    @Flag(help: "Say why rules did or did not fire: one line per rule, or with a rule id after it, item by item.")
    var why = false

    @Argument(help: ArgumentHelp("With --why: the rule to trace, item by item.", valueName: "rule"))
    var rule: String?

    func validate() throws {
        if let rule, !why { throw ValidationError("unexpected argument '\(rule)' (a rule id goes after --why)") }
    }

    /// The trace report for an explanation, or nil without `--why`; an unknown rule is a usage error.
    func report(_ explanation: Explanation, pack: RulePack) throws -> TraceReport? {
        guard why else { return nil }
        let tracer = RuleTracer(pack: pack)
        guard let rule else { return TraceReport(traces: tracer.traces(explanation), detailed: false) }
        guard let trace = tracer.trace(explanation, rule: rule) else {
            let known = pack.rules.map(\.id).sorted().joined(separator: ", ")
            throw SnapshotOptions.usageError("--why: no rule '\(rule)' in the rule pack (its rules: \(known))")
        }
        return TraceReport(traces: [trace], detailed: true)
    }
}
