import CEL
import Foundation
import Testing

/// Tracked evaluation (`CELProgram.tracking()`): the value of every sub-expression, by its text, what
/// decided `&&`, `||` and `?:`, and the step that decided `all` and `exists`.
struct TrackingTests {
    /// Each sub-expression's text with its last outcome (`-` when never evaluated); texts that occur
    /// twice keep the last.
    static func outcomes(_ state: CELEvaluationState) -> [String: String] {
        var shown: [String: String] = [:]
        for expression in state.expressions {
            shown[expression.text] = switch expression.outcome {
            case .value(let value)?: value.description
            case .error(let message)?: "error: \(message)"
            case nil: "-"
            }
        }
        return shown
    }

    static func state(_ source: String, _ bindings: [String: CELValue] = testBindings) throws -> CELEvaluationState {
        var environment = testEnvironment()
        environment.enable(.bindings)
        return try environment.compile(source).tracking().evaluate(bindings)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let source: String
        /// Texts of sub-expressions and what they gave.
        let outcomes: [String: String]
        /// The texts of the operands that decided the root (`&&`, `||`, `?:`).
        var decidedBy: [String] = []
        var testDescription: String { source }
    }

    static let cases: [Case] = [
        Case(source: #"entry.type == "submission" && entry.amount < x"#,
             outcomes: [#"entry.type == "submission""#: "true", "entry.type": #""submission""#, #""submission""#: #""submission""#,
                        "entry.amount < x": "true", "entry.amount": "-40", "x": "3", "entry": "-"],
             decidedBy: [#"entry.type == "submission""#, "entry.amount < x"]),
        // `&&` stops at a false left operand: the right one is never evaluated.
        Case(source: #"entry.type == "auto_reload" && entry.amount > 0"#,
             outcomes: [#"entry.type == "auto_reload""#: "false", "entry.type": #""submission""#, "entry.amount > 0": "-", "entry.amount": "-"],
             decidedBy: [#"entry.type == "auto_reload""#]),
        Case(source: "x > 5 && (name == 'abc' || x < 0)",
             outcomes: ["x > 5": "false", "(name == 'abc' || x < 0)": "-", "name == 'abc'": "-"],
             decidedBy: ["x > 5"]),
        Case(source: "x < 5 && (name == 'abd' || x < 0)",
             outcomes: ["x < 5": "true", "(name == 'abd' || x < 0)": "false", "name == 'abd'": "false", "x < 0": "false", "name": #""abc""#],
             decidedBy: ["(name == 'abd' || x < 0)"]),
        // Error absorption: the decisive right operand wins over the left error.
        Case(source: "1 / (x - 3) > 0 || x == 3",
             outcomes: ["1 / (x - 3) > 0": "error: division by zero in 1 / 0", "1 / (x - 3)": "error: division by zero in 1 / 0",
                        "(x - 3)": "0", "x == 3": "true"],
             decidedBy: ["x == 3"]),
        Case(source: "x > 2 ? name.size() : 0",
             outcomes: ["x > 2": "true", "name.size()": "3", "0": "0"],
             decidedBy: ["x > 2", "name.size()"]),
        // Folded constants are given their value.
        Case(source: "x + (2 * 3)", outcomes: ["x + (2 * 3)": "9", "(2 * 3)": "6", "2": "2"]),
        Case(source: "has(entry.note) || !(entry.type in ['a', 'b'])",
             outcomes: ["has(entry.note)": "false", "!(entry.type in ['a', 'b'])": "true", "(entry.type in ['a', 'b'])": "false",
                        "['a', 'b']": #"["a", "b"]"#],
             decidedBy: ["!(entry.type in ['a', 'b'])"]),
        Case(source: "cel.bind(a, x * 2, a + a)", outcomes: ["x * 2": "6", "a + a": "12", "a": "6"]),
        Case(source: "m['c'] == 1", outcomes: ["m['c'] == 1": #"error: no such key: "c""#, "m['c']": #"error: no such key: "c""#, "m": #"{"a": 1, "b": 2}"#]),
    ]

    @Test(arguments: cases) func everySubExpressionIsRecorded(_ test: Case) throws {
        let state = try Self.state(test.source)
        let shown = Self.outcomes(state)
        for (text, expected) in test.outcomes {
            #expect(shown[text] == expected, "\(text)")
        }
        #expect(state.root.text == test.source)
        #expect(state.root.decidedBy.map { state[$0].text } == test.decidedBy)
    }

    /// `exists` true and `all` false stop at the element that decides them; the condition's parts keep
    /// that element's values.
    @Test(arguments: [
        ("entries.exists(e, e.amount == -88)", 3, 2, "e.amount", "-88"),
        ("entries.exists(e, e.amount == 1)", 3, nil, "e.amount", "-88"),
        ("entries.all(e, e.type == 'submission')", 2, 1, "e.type", #""plan_allocation""#),
        ("entries.all(e, e.amount != 0)", 3, nil, "e.amount", "-88"),
        ("entries.filter(e, e.amount < 0).size() == 2", 3, nil, "e.amount", "-88"),
    ] as [(String, Int, Int?, String, String)])
    func comprehensionsNameTheDecidingElement(source: String, iterations: Int, deciding: Int?, part: String, value: String) throws {
        let state = try Self.state(source)
        let comprehension = try #require(state.expressions.first { if case .comprehension = $0.kind { true } else { false } })
        #expect(comprehension.iterations == iterations)
        #expect(comprehension.decidingIteration == deciding)
        #expect(Self.outcomes(state)[part] == value)
    }

    @Test func countsOfTrueAndFalseCoverEveryStep() throws {
        let state = try Self.state("entries.filter(e, e.amount < 0 && e.type == 'submission').size()")
        let condition = try #require(state.expressions.first { $0.text == "e.amount < 0" })
        #expect((condition.evaluations, condition.trueCount, condition.falseCount) == (3, 2, 1))
        let type = try #require(state.expressions.first { $0.text == "e.type == 'submission'" })
        #expect((type.evaluations, type.trueCount, type.falseCount) == (2, 2, 0))
    }

    @Test func rangesAndLocationsPointIntoTheSource() throws {
        let state = try Self.state("x +\n  (name.size()\n   * 2)")
        let product = try #require(state.expressions.first { $0.text.hasPrefix("(name") })
        #expect(product.text == "(name.size()\n   * 2)")
        #expect((product.location.line, product.location.column) == (2, 3))
        #expect(product.range == 6..<26)
        #expect(state.root.kind == .operator("+"))
        #expect(state.operands(of: state.root).map(\.kind) == [.identifier("x"), .operator("*")])
    }

    @Test func activationsOfTheProgramWorkAndOthersAreRefused() throws {
        let program = try testEnvironment().compile("entries.filter(e, e.amount < x).size() + size(name)")
        let tracking = program.tracking()
        var activation = program.makeActivation()
        activation["entries"] = testBindings["entries"]
        activation["x"] = .int(0)
        activation["name"] = .string("ab")
        #expect(try tracking.evaluate(&activation).result.get() == .int(4))
        #expect(try program.evaluate(&activation) == .int(4))
        var other = try testEnvironment().compile("x").makeActivation()
        #expect(throws: CELError("this activation was made by another program; use this program's makeActivation()")) {
            try tracking.evaluate(&other).result.get()
        }
    }

    @Test func errorsAreTheProgramsWithTheirLocation() throws {
        let program = try testEnvironment().compile("x + 9223372036854775807")
        let state = program.tracking().evaluate(testBindings)
        #expect(throws: CELError("integer overflow in 3 + 9223372036854775807", location: .init(file: "<expression>", line: 1, column: 3))) {
            try state.result.get()
        }
        #expect(state.root.outcome == .error("integer overflow in 3 + 9223372036854775807"))
    }

    /// Every conformance case gives the same result tracked as untracked, and records it as the value
    /// of the whole expression.
    @Test func conformanceCasesGiveTheSameResultTracked() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ConformanceTests.folder.path).filter { $0.hasSuffix(".json") }
        var total = ConformanceSuite.Result()
        for name in names {
            total = total + (try ConformanceSuite(path: ConformanceTests.folder.appendingPathComponent(name).path)).run(tracking: true)
        }
        #expect(total.failures.filter { $0.contains("tracking:") } == [])
        #expect(total.passed >= ConformanceTests.floor, "\(total.summary)")
    }
}
