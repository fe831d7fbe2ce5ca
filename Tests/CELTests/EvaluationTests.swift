import CEL
import Diagnostics
import Testing

/// Evaluation against declared variables: values, conversions and every runtime error by its message and place.
struct EvaluationTests {
    @Test(arguments: [
        ("entries.filter(e, e.type == 'submission' && e.amount < 0).size()", "2"),
        ("entries.exists(e, e.amount == -88)", "true"),
        ("entries.map(e, e.amount).filter(a, a < 0)", "[-40, -88]"),
        ("Entry{type: 'a', amount: 1}.amount", "1"),
        ("m.a + m['b']", "3"), ("d[0] + 1", "2"), ("d.size()", "2"), ("x in [1, 2]", "false"),
        ("has(entry.note)", "false"), ("has(entry.type)", "true"), ("entry == entry", "true"),
        ("type(entry)", "Entry"), ("type(1) == int && type('a') == string && type([]) == list && type({}) == map && type(int) == type", "true"),
        ("1 < 1.5", "true"), ("x < 2u", "false"), ("dyn(1) == 1.0", "true"), ("[1, 2] == [1.0, 2u]", "true"),
        ("size('héllo')", "5"), ("'héllo'.contains('él')", "true"), ("'abc'.endsWith('bc')", "true"),
        ("'abc'.matches('^a.c$')", "true"), ("name.matches('b')", "true"),
        ("'Am\\u00E9lie' == 'Ame\\u0301lie'", "false"), ("'b' > 'a' && 'é' > 'z'", "true"),
        ("x > 0 ? 'positive' : 'not'", #""positive""#), (".x + 1", "4"),
    ])
    func values(source: String, expected: String) {
        #expect(outcome(source, environment: testEnvironment(), bindings: testBindings) == expected)
    }

    @Test(arguments: [
        ("int('12') + int(2.9) + int(-2.9)", "12"), ("int(42u)", "42"), ("uint(42)", "42u"), ("uint(3.7)", "3u"),
        ("uint('18446744073709551615')", "18446744073709551615u"), ("double('1.5') + double(1u)", "2.5"), ("double(-7)", "-7.0"),
        ("string(1.5) + string(-3) + string(2u) + string(true) + string(b'ok')", #""1.5-32trueok""#),
        ("string(1e6) + ' ' + string(0.0001) + ' ' + string(1e-5) + ' ' + string(123456.0)", #""1e+06 0.0001 1e-05 123456""#),
        ("bytes('é')", #"b"\xc3\xa9""#), ("bytes(b'a')", #"b"a""#),
        ("bool('TRUE') && !bool('f') && bool('1') && !bool('False')", "true"), ("dyn('a')", #""a""#),
        ("type(dyn(1u))", "uint"), ("type(null)", "null_type"), ("type(1.0) == double", "true"),
    ])
    func conversions(source: String, expected: String) {
        #expect(outcome(source, environment: testEnvironment(), bindings: testBindings) == expected)
    }

    @Test(arguments: [
        ("1 / 0", "error at 1:3: division by zero in 1 / 0"),
        ("x % 0", "error at 1:3: modulus by zero in 3 % 0"),
        ("9223372036854775807 + x", "error at 1:21: integer overflow in 9223372036854775807 + 3"),
        ("-9223372036854775808 - 1", "error at 1:22: integer overflow in -9223372036854775808 - 1"),
        ("-9223372036854775808 / -1", "error at 1:22: integer overflow in -9223372036854775808 / -1"),
        ("-9223372036854775808 % -1", "error at 1:22: integer overflow in -9223372036854775808 % -1"),
        ("-(-9223372036854775808)", "error at 1:1: integer overflow in -(-9223372036854775808)"),
        ("0u - 1u", "error at 1:4: unsigned integer overflow in 0u - 1u"),
        ("5000000000u * 5000000000u", "error at 1:13: unsigned integer overflow in 5000000000u * 5000000000u"),
        ("uint(-1)", "error at 1:1: uint overflow converting -1 to uint"),
        ("int(9.3e18)", "error at 1:1: int overflow converting 9.3e+18 to int"),
        ("int(18446744073709551615u)", "error at 1:1: int overflow converting 18446744073709551615u to int"),
        ("int('1.5')", #"error at 1:1: cannot convert "1.5" to int"#),
        ("bool('yes')", #"error at 1:1: cannot convert "yes" to bool"#),
        ("string(b'\\xff')", #"error at 1:1: cannot convert b"\xff" to string: not valid UTF-8"#),
        ("dyn(1) + 1u", "error at 1:8: no matching overload for '+' applied to (int, uint)"),
        ("dyn('a') < 1", "error at 1:10: no matching overload for '<' applied to (string, int)"),
        ("[1, 2][5]", "error at 1:7: index out of range: 5 (the list has 2 elements)"),
        ("[1, 2][dyn(0.5)]", "error at 1:7: invalid list index 0.5: not a whole number"),
        ("[1, 2][dyn('a')]", #"error at 1:7: invalid list index of type string: "a""#),
        ("m.zz", "error at 1:2: no such key: 'zz'"),
        ("m['zz']", #"error at 1:2: no such key: "zz""#),
        ("entry.note", "error at 1:6: no field 'note' set on this Entry"),
        ("dyn(x).field", "error at 1:7: type 'int' does not support field selection (selecting 'field')"),
        ("{1: 'a', 1u: 'b'}", "error at 1:10: repeated map key 1u"),
        ("dyn(true) && dyn('a')", "error at 1:11: no matching overload for '&&' applied to (string)"),
        ("dyn(1) ? 1 : 2", "error at 1:8: no matching overload for '?:' applied to (int)"),
        ("!dyn(1)", "error at 1:1: no matching overload for '!' applied to (int)"),
        ("1 / 0 > 1 || x / 0 > 1", "error at 1:3: division by zero in 1 / 0"),
        ("1 / 0 > 1 || true", "true"), ("false && 1 / 0 > 1", "false"), ("1 / 0 > 1 && false", "false"),
        ("dyn(x).all(y, true)", "error at 1:8: all() cannot iterate over a value of type 'int'"),
        ("d.exists(e, e)", "error at 1:13: the condition of exists() must be a bool, not int"),
    ])
    func runtimeErrors(source: String, expected: String) {
        #expect(outcome(source, environment: testEnvironment(), bindings: testBindings) == expected)
    }

    @Test(arguments: [
        ("undeclared + 1", ["undeclared": CELValue.int(1)], "2"),
        ("undeclared + 1", [:], "error at 1:1: no value bound for variable 'undeclared'"),
        ("f(1) || true", [:], "true"),
        ("f(1)", [:], "error at 1:1: unbound function 'f'"),
        ("1 == 'a'", [:], "false"),
    ])
    func uncheckedPrograms(source: String, bindings: [String: CELValue], expected: String) {
        #expect(outcome(source, environment: testEnvironment(checked: false), bindings: bindings) == expected)
    }

    @Test func userFunctionsWithOverloadsAndReceivers() throws {
        var environment = testEnvironment()
        environment.declareFunction("deposit", overloads: [
            CELOverload(id: "deposit_list", parameters: [.list(.int)], result: .int) { arguments throws(CELError) in
                guard case .list(let clips) = arguments[0] else { throw CELError("deposit needs a list") }
                var total: Int64 = 0
                for case .int(let seconds) in clips { total += seconds * 2 }
                return .int(total)
            },
            CELOverload(id: "deposit_int", parameters: [.int], result: .int) { arguments in arguments[0] },
        ])
        environment.declareFunction("twice", overloads: [
            CELOverload(id: "string_twice", receiverStyle: true, parameters: [.string], result: .string) { arguments throws(CELError) in
                guard case .string(let text) = arguments[0] else { throw CELError("twice needs a string") }
                return .string(text + text)
            },
        ])
        environment.declareFunction("fail", overloads: [
            CELOverload(id: "fail", parameters: [], result: .bool) { _ throws(CELError) in throw CELError("it failed") },
        ])
        #expect(outcome("deposit([10, 20]) + deposit(x)", environment: environment, bindings: testBindings) == "63")
        #expect(outcome("name.twice()", environment: environment, bindings: testBindings) == #""abcabc""#)
        #expect(outcome("fail() || true", environment: environment) == "true")
        #expect(outcome("fail()", environment: environment) == "error at 1:1: it failed")
        #expect(outcome("deposit('a')", environment: environment)
            == "<expression>:1:1: error: found no matching overload for 'deposit' applied to '(string)'\n  deposit('a')\n  ^")
        #expect(outcome("deposit(dyn('a'))", environment: environment)
            == "error at 1:1: no matching overload for 'deposit' applied to (string)")
        #expect(try environment.compile("deposit([1])").resultType == .int)
        #expect(try environment.compile("entries.map(e, e.type)").resultType == .list(.string))
    }

    /// A function declared with a dotted name is called by that name, not as a field of a
    /// variable: the parser learns the name when it is declared.
    @Test func userFunctionsWithDottedNames() throws {
        var environment = testEnvironment()
        #expect(throws: DiagnosticsError.self) { try environment.compile("ledger.half(x)") }
        environment.declareFunction("ledger.half", overloads: [
            CELOverload(id: "ledger_half_int", parameters: [.int], result: .int) { arguments throws(CELError) in
                guard case .int(let value) = arguments[0] else { throw CELError("half needs an int") }
                return .int(value / 2)
            },
        ])
        #expect(outcome("ledger.half(x) + 1", environment: environment, bindings: testBindings) == "2")
    }

    @Test func containerResolvesNamesFromTheInnermostNamespace() {
        var environment = CELEnvironment(container: "credits.rules")
        environment.declareVariable("credits.rules.limit", type: .int)
        environment.declareVariable("limit", type: .string)
        let bindings: [String: CELValue] = ["credits.rules.limit": .int(5), "limit": .string("root")]
        #expect(outcome("limit + 1", environment: environment, bindings: bindings) == "6")
        #expect(outcome(".limit + '!'", environment: environment, bindings: bindings) == #""root!""#)
        #expect(outcome("credits.rules.limit", environment: environment, bindings: bindings) == "5")
    }
}
