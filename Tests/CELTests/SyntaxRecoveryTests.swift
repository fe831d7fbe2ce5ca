import CEL
import Diagnostics
import Testing

/// After a syntax error the parser resumes at the next `,` or closing bracket: independent mistakes are
/// all reported, in order, and one mistake gives one message, never a cascade.
struct SyntaxRecoveryTests {
    @Test(arguments: [
        ("1 + + 2, 3 +", ["1:5: error: unexpected '+', expected an expression", "1:13: error: unexpected end of input, expected an expression"]),
        ("[1 +, 2 +]", ["1:5: error: unexpected ',', expected an expression", "1:10: error: unexpected ']', expected an expression"]),
        ("[1, 2 +, 3, * 4]", ["1:8: error: unexpected ',', expected an expression", "1:13: error: unexpected '*', expected an expression"]),
        ("{'a': , 'b' 2}", ["1:7: error: unexpected ',', expected an expression", "1:13: error: expected ':' between a map key and its value, found '2'"]),
        ("f(1, 2 3, 4) + g(5 +)", ["1:8: error: expected ')' to close the argument list, found '3'", "1:21: error: unexpected ')', expected an expression"]),
        ("x.y(1 +) + z.w(2 *)", ["1:8: error: unexpected ')', expected an expression", "1:19: error: unexpected ')', expected an expression"]),
        ("[f(1 2), 3 +]", ["1:6: error: expected ')' to close the argument list, found '2'", "1:13: error: unexpected ']', expected an expression"]),
        ("Entry{1: 2, amount: }", ["1:7: error: expected a field name, found '1'", "1:21: error: unexpected '}', expected an expression"]),
        ("entries.all(1, true) && entries.map(2, x)", [
            "1:13: error: the first argument of all() must be a simple name, such as e",
            "1:37: error: the first argument of map() must be a simple name, such as e",
        ]),
        ("9223372036854775808 + 1 +", ["1:1: error: int literal out of range: '9223372036854775808'", "1:26: error: unexpected end of input, expected an expression"]),
        ("has(x + 1) || entries.all(e.f, true) && (", [
            "1:5: error: has() needs a field selection, such as has(entry.note)",
            "1:27: error: the first argument of all() must be a simple name, such as e",
            "1:42: error: unexpected end of input, expected an expression",
        ]),
        ("has(x) || has(y.z) && (", ["1:5: error: has() needs a field selection, such as has(entry.note)", "1:24: error: unexpected end of input, expected an expression"]),
        // One mistake, one message.
        ("f(1 + , 2)", ["1:7: error: unexpected ',', expected an expression"]),
        ("f(,,,,,,,,,,,,,,,,,,,,,,,,)", ["1:3: error: unexpected ',', expected an expression"]),
        ("((((1 + ))))", ["1:9: error: unexpected ')', expected an expression"]),
        ("[1, [2, [3 +]]]", ["1:13: error: unexpected ']', expected an expression"]),
        ("1 + ) + 2", ["1:5: error: unexpected ')', expected an expression"]),
        ("1 2 3", ["1:3: error: unexpected '2' after the end of the expression"]),
        ("size(x] + 1", ["1:7: error: expected ')' to close the argument list, found ']'"]),
        ("[1, 2)", ["1:6: error: expected ']' to close the list, found ')'"]),
        ("{'a': 1 'b': 2}", ["1:9: error: expected '}' to close the map, found string literal"]),
        ("if x > 0 then 1", ["1:1: error: reserved word 'if' cannot be used as a name"]),
        ("a.b.(c) + [1,,]", ["1:5: error: expected a field name after '.', found '('"]),
        ("a ? : c", ["1:5: error: unexpected ':', expected an expression"]),
        ("x == 1 &&", ["1:10: error: unexpected end of input, expected an expression"]),
    ])
    func everyIndependentMistakeOnce(source: String, headlines: [String]) {
        let error = #expect(throws: DiagnosticsError.self) { try testEnvironment().compile(source) }
        #expect(error?.diagnostics.map(\.headline) == headlines.map { "<expression>:" + $0 })
    }

    @Test func noMoreThanTenMessages() {
        let source = (0..<30).map { "f\($0)(1 +)" }.joined(separator: " + ")
        let error = #expect(throws: DiagnosticsError.self) { try testEnvironment().compile(source) }
        #expect(error?.diagnostics.count == 10)
    }

    @Test func extensionMacroMistakesAreAllReported() {
        let environment = CELEnvironment(extensions: [.bindings, .math])
        let error = #expect(throws: DiagnosticsError.self) {
            try environment.compile("math.greatest() + math.least('a', 1) + cel.bind(1, 2, 3)")
        }
        #expect(error?.diagnostics.map(\.headline) == [
            "<expression>:1:1: error: math.greatest() needs at least one argument",
            "<expression>:1:30: error: math.least() arguments must be numbers",
            "<expression>:1:49: error: the first argument of cel.bind() must be a simple name, such as x",
        ])
    }
}
