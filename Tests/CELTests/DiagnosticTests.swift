import CEL
import Diagnostics
import Testing

/// Compile-time problems: each expression with its exact diagnostic, caret included.
struct DiagnosticTests {
    @Test(arguments: [
        ("1 +", "1:4: error: unexpected end of input, expected an expression", "  1 +\n     ^"),
        ("(1 + 2", "1:7: error: expected ')' to close the parenthesis, found end of input", "  (1 + 2\n        ^"),
        ("[1, 2", "1:6: error: expected ']' to close the list, found end of input", "  [1, 2\n       ^"),
        ("{'a' 1}", "1:6: error: expected ':' between a map key and its value, found '1'", "  {'a' 1}\n       ^"),
        ("a.true", "1:3: error: keyword 'true' cannot be a field name", "  a.true\n    ^"),
        ("if", "1:1: error: reserved word 'if' cannot be used as a name", "  if\n  ^"),
        ("x = 1", "1:3: error: unexpected '='; did you mean '=='?", "  x = 1\n    ^"),
        ("1 & 2", "1:3: error: unexpected '&'; did you mean '&&'?", "  1 & 2\n    ^"),
        ("'abc", "1:1: error: unterminated string literal", "  'abc\n  ^"),
        ("'\\q'", "1:2: error: invalid escape sequence '\\q'", "  '\\q'\n   ^"),
        ("\"\\uD800\"", "1:2: error: invalid unicode code point in escape '\\uD800'", "  \"\\uD800\"\n   ^"),
        ("b'\\U0001F600'", "1:3: error: '\\U' escapes are only allowed in string literals", "  b'\\U0001F600'\n    ^"),
        ("'\\12'", "1:2: error: octal escape needs three digits: '\\1'", "  '\\12'\n   ^"),
        ("'\\x4'", "1:2: error: escape needs 2 hexadecimal digits: '\\x4'", "  '\\x4'\n   ^"),
        ("'a\nb'", "1:3: error: newline in string literal; use a triple-quoted string or '\\n'", "  'a\n    ^"),
        ("9223372036854775808", "1:1: error: int literal out of range: '9223372036854775808'", "  9223372036854775808\n  ^"),
        ("18446744073709551616u", "1:1: error: uint literal out of range: '18446744073709551616'", "  18446744073709551616u\n  ^"),
        ("12abc", "1:1: error: invalid number literal '12a'", "  12abc\n  ^"),
        ("1 + # 2", "1:5: error: unexpected character '#'", "  1 + # 2\n      ^"),
        ("1 + é", "1:5: error: unexpected character 'é'", "  1 + é\n      ^"),
        ("entries.all(1, true)", "1:13: error: the first argument of all() must be a simple name, such as e", "  entries.all(1, true)\n              ^"),
        ("has(x)", "1:5: error: has() needs a field selection, such as has(entry.note)", "  has(x)\n      ^"),
        ("1 2", "1:3: error: unexpected '2' after the end of the expression", "  1 2\n    ^"),
        ("x.`a b`()", "1:8: error: unexpected '(' after the end of the expression", "  x.`a b`()\n         ^"),
        ("1e", "1:1: error: invalid number literal '1e'", "  1e\n  ^"),
        ("0x", "1:1: error: hexadecimal literal without digits", "  0x\n  ^"),
        ("1.", "1:3: error: expected a field name after '.', found end of input", "  1.\n    ^"),
        ("a.in", "1:3: error: keyword 'in' cannot be a field name", "  a.in\n    ^"),
        ("in", "1:1: error: unexpected 'in', expected an expression", "  in\n  ^"),
        ("'é' + # 1", "1:7: error: unexpected character '#'", "  'é' + # 1\n        ^"),
        ("{1: 2, 3}", "1:9: error: expected ':' between a map key and its value, found '}'", "  {1: 2, 3}\n          ^"),
        ("Entry{1: 2}", "1:7: error: expected a field name, found '1'", "  Entry{1: 2}\n        ^"),
        ("x ? 1", "1:6: error: expected ':' in a conditional expression, found end of input", "  x ? 1\n       ^"),
        ("[1,\n  2,,]", "2:5: error: unexpected ',', expected an expression", "    2,,]\n      ^"),
    ])
    func syntaxErrors(source: String, headline: String, caret: String) {
        #expect(outcome(source, environment: testEnvironment()) == "<expression>:\(headline)\n\(caret)")
    }

    @Test(arguments: [
        ("entries.filter(e, e.amout < 0)", "1:20: error: no such field 'amout' on type 'Entry' (did you mean 'amount'?)", "  entries.filter(e, e.amout < 0)\n                     ^"),
        ("balance + 1", "1:1: error: undeclared reference to 'balance'", "  balance + 1\n  ^"),
        ("nme.startsWith('a')", "1:1: error: undeclared reference to 'nme' (did you mean 'name'?)", "  nme.startsWith('a')\n  ^"),
        ("entry.amount + 'a'", "1:14: error: found no matching overload for '+' applied to '(int, string)'", "  entry.amount + 'a'\n               ^"),
        ("x.size()", "1:3: error: found no matching overload for 'size' applied to 'int.()'", "  x.size()\n    ^"),
        ("x in ['a']", "1:3: error: found no matching overload for 'in' applied to '(int, list(string))'", "  x in ['a']\n    ^"),
        ("1 == 'a'", "1:3: error: found no matching overload for '==' applied to '(int, string)'", "  1 == 'a'\n    ^"),
        ("sizee(x)", "1:1: error: undeclared function 'sizee' (did you mean 'size'?)", "  sizee(x)\n  ^"),
        ("Entry{typo: 1}", "1:7: error: no such field 'typo' on type 'Entry'", "  Entry{typo: 1}\n        ^"),
        ("Entry{amount: 'a'}", "1:15: error: field 'amount' of type 'Entry' is int, not string", "  Entry{amount: 'a'}\n                ^"),
        ("Nope{}", "1:1: error: undeclared type 'Nope'", "  Nope{}\n  ^"),
        ("{1.5: 1}", "1:2: error: a map key cannot be of type 'double'", "  {1.5: 1}\n   ^"),
        ("[1,2,3].map(x, x, x)", "1:16: error: the condition of map() must be a bool, not int", "  [1,2,3].map(x, x, x)\n                 ^"),
        ("x.all(y, true)", "1:1: error: all() needs a list or a map, not int", "  x.all(y, true)\n  ^"),
        ("has(entry.amout)", "1:10: error: no such field 'amout' on type 'Entry'", "  has(entry.amout)\n           ^"),
        ("x.field", "1:2: error: type 'int' does not support field selection (selecting 'field')", "  x.field\n   ^"),
        ("'x'.matches('[')", "1:13: error: invalid regular expression '[': missing ] in [", "  'x'.matches('[')\n              ^"),
    ])
    func checkErrors(source: String, headline: String, caret: String) {
        #expect(outcome(source, environment: testEnvironment()) == "<expression>:\(headline)\n\(caret)")
    }

    @Test func everyCheckProblemIsReportedAtOnce() throws {
        let error = #expect(throws: DiagnosticsError.self) {
            try testEnvironment().compile("balance > 0 && entry.amout < 0 && size(1) == 1", name: "rules.yaml#when")
        }
        #expect(error?.diagnostics.map(\.headline) == [
            "rules.yaml#when:1:1: error: undeclared reference to 'balance'",
            "rules.yaml#when:1:21: error: no such field 'amout' on type 'Entry' (did you mean 'amount'?)",
            "rules.yaml#when:1:35: error: found no matching overload for 'size' applied to '(int)'",
        ])
    }

    @Test func nestingBeyondTheLimitIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        #expect(outcome(deep).hasPrefix("<expression>:1:101: error: expression nests too deeply (more than 100 levels)"))
        let long = Array(repeating: "1", count: 300).joined(separator: " + ")
        #expect(outcome(long).hasPrefix("<expression>:1:399: error: expression nests too deeply (more than 100 levels)"))
        let negations = String(repeating: "-", count: 5000) + "1"
        #expect(outcome(negations).hasPrefix("<expression>:1:102: error: expression nests too deeply"))
        #expect(outcome(Array(repeating: "1", count: 100).joined(separator: " + ")) == "100")
        for hostile in [
            String(repeating: "[", count: 20_000), String(repeating: "{'a':", count: 20_000), String(repeating: "f(", count: 20_000),
            "a" + String(repeating: ".b", count: 20_000), "x" + String(repeating: "[0]", count: 20_000),
            String(repeating: "!", count: 20_000) + "true", String(repeating: "true ? 1 : ", count: 20_000) + "2",
            String(repeating: "[1].all(x, ", count: 20_000), "x" + String(repeating: ".y()", count: 20_000),
        ] {
            #expect(outcome(hostile).contains("error: expression nests too deeply"), "\(hostile.prefix(20))")
        }
    }
}
