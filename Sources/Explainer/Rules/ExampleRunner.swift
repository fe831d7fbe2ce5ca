import Ledger

/// Runs the examples written in rule files (`credits rules test`): each example's
/// snapshot is explained with the whole pack, and what its rule produced is
/// compared with what the example expects.
public struct ExampleRunner: Sendable {
    public let pack: RulePack

    public init(pack: RulePack) {
        self.pack = pack
    }

    /// The outcome of one example.
    public struct Outcome: Sendable {
        public let rule: String
        public let example: String
        /// What differed, worded for the rule author; empty when the example passed.
        public let failures: [String]
        /// The analysis, for further checks (the invariants test uses it).
        public let explanation: Explanation
        /// When it failed: the rule traced over the example, so that the author sees the false
        /// parts and their values without running anything else.
        public let trace: RuleTrace?

        public var passed: Bool { failures.isEmpty }

        /// `PASS rule: example` or `FAIL rule: example: what differed; ...`.
        public var line: String {
            passed ? "PASS \(rule): \(example)" : "FAIL \(rule): \(example): \(failures.joined(separator: "; "))"
        }
    }

    /// Every example of every rule, in rule order, then example order.
    public func runAll() -> [Outcome] {
        pack.rules.flatMap { rule in rule.examples.map { run($0, of: rule) } }
    }

    public func run(_ example: RuleExample, of rule: Rule) -> Outcome {
        let question = example.question
        let explanation: Explanation
        do {
            let query = try ExplainQuery.resolve(
                snapshot: example.snapshot, expected: question.expected, actual: question.actual,
                since: question.since, until: question.until, now: question.now, timeZone: question.timeZone)
            // Every candidate's message: the example may check one no answer shows.
            explanation = Explainer(pack: pack, messages: .all).explain(example.snapshot, query)
        } catch {
            // The loader resolved this query already; it cannot fail here.
            preconditionFailure("example query no longer resolves: \(error)")
        }
        let failures = failures(example.expectation, rule: rule, explanation)
        return Outcome(rule: rule.id, example: example.name, failures: failures, explanation: explanation,
                       trace: failures.isEmpty ? nil : RuleTracer(pack: pack).trace(explanation, rule: rule.id))
    }

    private func failures(_ expect: ExampleExpectation, rule: Rule, _ explanation: Explanation) -> [String] {
        let causes = explanation.candidates.filter { $0.rule == rule.id }
        let findings = explanation.findings.filter { $0.rule == rule.id }
        var failures: [String] = explanation.problems.filter { $0.rule == rule.id }.map { "the rule failed: \($0.message)" }
        let fired = !causes.isEmpty || !findings.isEmpty
        if fired != expect.fires {
            failures.append(expect.fires ? "expected the rule to fire, it did not" : "expected the rule not to fire, it did")
        }
        func check<T: Equatable>(_ what: String, _ expected: T?, _ actual: T, show: (T) -> String) {
            if let expected, expected != actual { failures.append("expected \(what) \(show(expected)), got \(show(actual))") }
        }
        let entryIDs = Set(causes.flatMap(\.entries) + findings.flatMap(\.entries))
        let order = Dictionary(explanation.snapshot.entries.map { ($0.id, ($0.at, $0.logIndex)) }, uniquingKeysWith: { a, _ in a })
        let entries = entryIDs.sorted { (order[$0] ?? (.distantFuture, 0)) < (order[$1] ?? (.distantFuture, 0)) }
        check("amount", expect.amount, causes.reduce(0) { $0 + $1.amount }) { "\($0)" }
        check("entries", expect.entries, entries) { "[\($0.joined(separator: ", "))]" }
        // A finding that accounts for tokens is a cause too: it counts once, as the finding.
        check("count", expect.count, rule.kind == .finding ? findings.count : causes.count) { "\($0)" }
        check("message", expect.message, causes.first?.text ?? findings.first?.text ?? "") { "\"\($0)\"" }
        check("status", expect.status, explanation.status) { $0.rawValue }
        check("explained", expect.explained, explanation.explained) { "\($0)" }
        let inBest = explanation.hypotheses.first?.causes.contains { $0.rule == rule.id } ?? false
        check("the rule in the best answer:", expect.best, inBest) { $0 ? "yes" : "no" }
        return failures
    }
}
