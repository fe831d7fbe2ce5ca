import CEL
import Ledger

/// Which parts of a rule its examples exercise (`credits rules test --coverage`), as `opa test
/// --coverage` does for Rego: every part of `when` (the whole condition and each operand of its `&&`,
/// `||` and `!`) and of the message's conditional expressions (each `?:` condition and its operands)
/// should be seen both true and false over the items of the examples.
public struct RuleCoverage: Sendable {
    public let rule: String
    /// The rule's file: `Rules/causes/auto-reload.yaml`.
    public let file: String
    public let parts: [Part]

    /// One part and how often it was true and false.
    public struct Part: Sendable {
        public let expression: String
        /// `Rules/causes/x.yaml:7:38`.
        public let location: String
        /// `when` or `message`.
        public let place: String
        public let trueCount: Int
        public let falseCount: Int

        public var isCovered: Bool { trueCount > 0 && falseCount > 0 }

        /// `never true`, `never false`, `never evaluated`.
        public var missing: String {
            switch (trueCount > 0, falseCount > 0) {
            case (false, false): "never evaluated to true or false"
            case (false, true): "never true"
            case (true, false): "never false"
            case (true, true): "covered"
            }
        }
    }

    public var uncovered: [Part] { parts.filter { !$0.isCovered } }

    /// The coverage of every rule over the outcomes of its own examples (`ExampleRunner.runAll`).
    public static func measure(_ pack: RulePack, outcomes: [ExampleRunner.Outcome]) -> [RuleCoverage] {
        pack.rules.map { rule in
            var tally = Tally(rule: rule)
            for outcome in outcomes where outcome.rule == rule.id { tally.add(outcome.explanation) }
            return tally.coverage()
        }
    }

    /// The counts of one rule's parts, example after example.
    private struct Tally {
        let rule: Rule
        let condition: CELTrackingProgram
        let holes: [(expression: RuleExpression, tracking: CELTrackingProgram)]
        /// Per expression (the condition first, then each hole): true and false counts by node id.
        var counts: [[Int: (true: Int, false: Int)]]

        init(rule: Rule) {
            self.rule = rule
            condition = rule.condition.program.tracking()
            holes = rule.message.expressions.map { ($0, $0.program.tracking()) }
            counts = Array(repeating: [:], count: 1 + holes.count)
        }

        mutating func add(_ explanation: Explanation) {
            let (facts, _) = RuleTracer.facts(for: rule, explanation.facts, explanation)
            DisplayTime.$format.withValue(facts.query.time) {
                var matches: [RuleEvaluator.Match] = []
                for item in facts.items[rule.iteration] ?? [] {
                    let (_, state, bindings) = RuleTracer.evaluate(item, rule, condition, facts)
                    count(state, into: 0)
                    // A rule that fails on an item is reported by the examples; its message is not counted.
                    guard state.result == .success(.bool(true)), let match = try? RuleEvaluator.match(rule, item, bindings) else { continue }
                    matches.append(match)
                }
                for group in RuleEvaluator(facts: facts).groups(matches, by: rule.grouping) {
                    let amount = rule.kind == .cause ? group.reduce(0) { $0 + $1.amount } : 0
                    guard let bindings = RuleEvaluator.groupBindings(group, amount: amount, globals: facts.globals) else { continue }
                    for (index, hole) in holes.enumerated() { count(hole.tracking.evaluate(bindings), into: index + 1) }
                }
            }
        }

        private mutating func count(_ state: CELEvaluationState, into index: Int) {
            for expression in state.expressions where expression.evaluations > 0 {
                counts[index][expression.id, default: (0, 0)].true += expression.trueCount
                counts[index][expression.id, default: (0, 0)].false += expression.falseCount
            }
        }

        func coverage() -> RuleCoverage {
            var parts: [Part] = []
            parts += Self.parts(of: condition, whole: true).map { part($0, rule.condition, counts[0], "when") }
            for (index, hole) in holes.enumerated() {
                parts += Self.parts(of: hole.tracking, whole: false).map { part($0, hole.expression, counts[index + 1], "message") }
            }
            return RuleCoverage(rule: rule.id, file: rule.location.file, parts: parts)
        }

        private func part(_ expression: CELTracedExpression, _ rule: RuleExpression, _ counts: [Int: (true: Int, false: Int)], _ place: String) -> Part {
            let seen = counts[expression.id] ?? (0, 0)
            return Part(expression: expression.text, location: rule.place(of: expression.location).description,
                        place: place, trueCount: seen.true, falseCount: seen.false)
        }

        /// The parts of an expression, literals left out: with `whole`, the expression itself; then each `?:` condition; and
        /// the operands of their `&&` and `||`, down to what is not itself an `&&` or `||` (`a && b && c`
        /// has the parts `a`, `b` and `c`, not `a && b`; `!a` is a part, and `a` is not another).
        private static func parts(of tracking: CELTrackingProgram, whole: Bool) -> [CELTracedExpression] {
            let expressions = tracking.expressions
            var found: [Int] = []
            func isLogic(_ node: CELTracedExpression) -> Bool { node.kind == .operator("&&") || node.kind == .operator("||") }
            func leaves(_ id: Int) {
                let node = expressions[id]
                if isLogic(node) { node.children.forEach(leaves) } else { found.append(id) }
            }
            func part(_ id: Int) {
                found.append(id)
                if isLogic(expressions[id]) { expressions[id].children.forEach(leaves) }
            }
            if whole { part(tracking.rootID) }
            for node in expressions where node.kind == .operator("?:") { part(node.children[0]) }
            // A literal (`when: true`) says what always holds: nothing to cover.
            var seen = Set<Int>()
            return found.filter { expressions[$0].kind != .literal && seen.insert($0).inserted }.sorted { expressions[$0].range.lowerBound < expressions[$1].range.lowerBound }.map { expressions[$0] }
        }
    }
}

/// `credits rules test --coverage` in words: per rule file, the parts never both true and false.
public struct CoverageReport {
    public let rules: [RuleCoverage]

    public init(_ rules: [RuleCoverage]) {
        self.rules = rules
    }

    /// How many parts are not covered, over every rule.
    public var uncovered: Int { rules.reduce(0) { $0 + $1.uncovered.count } }

    public func text() -> String {
        var lines = ["Coverage: the parts of `when` and of the messages' conditions that the examples make both true and false"]
        for rule in rules {
            let covered = rule.parts.count - rule.uncovered.count
            lines.append("\(rule.file): \(covered) of \(rule.parts.count) \(rule.parts.count == 1 ? "part" : "parts") covered")
            for part in rule.uncovered {
                lines.append("  \(part.location): `\(part.expression)` (\(part.place)): \(part.missing)")
            }
        }
        let total = rules.reduce(0) { $0 + $1.parts.count }
        lines.append("\(total - uncovered) of \(total) parts covered in \(rules.count) rules")
        return lines.joined(separator: "\n") + "\n"
    }
}
