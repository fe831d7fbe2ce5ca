import CEL
import Testing

/// Literal forms, escapes, precedence and macros: each expression with the exact value it gives.
struct ParserTests {
    @Test(arguments: [
        ("0", "0"), ("42u", "42u"), ("0x1F", "31"), ("0x1fU", "31u"), ("-0x10", "-16"),
        ("-9223372036854775808", "-9223372036854775808"), ("18446744073709551615u", "18446744073709551615u"),
        ("1.5", "1.5"), (".5", "0.5"), ("1e3", "1000.0"), ("2.5E-1", "0.25"), ("-1.0e+2", "-100.0"),
        ("'a\\'b'", #""a'b""#), (#""\x41\101\u0041\U00000041""#, #""AAAA""#), (#"'\a\b\f\v\?\`'"#, #""\x07\x08\x0c\x0b?`""#),
        ("r'\\n'", #""\\n""#), ("R\"\\d+\"", #""\\d+""#), ("'''a\n'b'''", "\"a\\n'b\""), ("\"\"\"x\"\"y\"\"\"", #""x\"\"y""#),
        ("b'\\xff\\377'", #"b"\xff\xff""#), ("B\"\\u00ff\"", #"b"\xc3\xbf""#), ("rb'\\x'", #"b"\\x""#), ("BR'a'", #"b"a""#),
        ("\"\\303\\277\"", #""Ã¿""#), ("'ÿ'", #""ÿ""#),
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("10 - 4 - 3", "3"), ("2 * 6 / 4 % 2", "1"),
        ("!true || true", "true"), ("true || false && false", "true"), ("1 < 2 == true", "true"),
        ("true ? 1 : false ? 2 : 3", "1"), ("false ? 1 : false ? 2 : 3", "3"), ("--1", "1"), ("!!false", "false"),
        ("- -1", "1"), ("-(1)", "-1"), ("[1, 2, 3,]", "[1, 2, 3]"), ("{'a': 1,}", #"{"a": 1}"#), ("[]", "[]"), ("{}", "{}"),
        ("1 in [1, 2]", "true"), ("'a' in {'a': 1}", "true"), ("[1, 2][1]", "2"), ("{'a': {'b': 5}}.a.b", "5"),
        ("{'a': {'b': 5}}['a']['b']", "5"), ("'abc'.size()", "3"), ("size([1, 2])", "2"),
        ("// comment\n1 +\n// another\n2", "3"), ("\t1\r\n+\u{0C}2", "3"),
    ])
    func literalsAndPrecedence(source: String, expected: String) {
        #expect(outcome(source) == expected)
    }

    @Test(arguments: [
        ("[1, 2, 3].all(x, x > 0)", "true"), ("[1, 2, 3].exists(x, x > 2)", "true"),
        ("[1, 2, 3].exists_one(x, x > 1)", "false"), ("[1, 2, 3].map(x, x * 2)", "[2, 4, 6]"),
        ("[1, 2, 3].map(x, x > 1, x * 10)", "[20, 30]"), ("[1, 2, 3].filter(x, x != 2)", "[1, 3]"),
        ("{'a': 1, 'b': 2}.map(k, k + k)", #"["aa", "bb"]"#), ("{'a': 1}.all(k, k == 'a')", "true"),
        ("has({'a': 1}.a)", "true"), ("has({'a': 1}.b)", "false"),
        ("[[1], [2, 3]].map(l, l.map(x, x + 1))", "[[2], [3, 4]]"),
        ("[1, 2].exists(x, [3].exists(x, x == 3))", "true"), ("[1, 2].map(x, [x].map(x, x * 3))", "[[3], [6]]"),
        ("[0, 1].filter(x, 1 / x == 1)", "error at 1:20: division by zero in 1 / 0"),
        ("[0, 1].exists(x, 1 / x == 1)", "true"), ("[1, 0].all(x, 1 / x == 2)", "false"),
        ("[0].all(x, 1 / x == 2)", "error at 1:14: division by zero in 1 / 0"),
    ])
    func macros(source: String, expected: String) {
        #expect(outcome(source) == expected)
    }

    @Test func macrosCanBeTurnedOff() {
        var environment = CELEnvironment()
        environment.expandsMacros = false
        environment.checksTypes = false
        #expect(outcome("[1].all(x, x > 0)", environment: environment) == "error at 1:5: unbound function 'all'")
    }
}
