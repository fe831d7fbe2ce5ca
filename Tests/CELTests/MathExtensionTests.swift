import CEL
import Testing

/// The math extension: greatest and least over mixed numbers and lists, rounding, sign, floating-point
/// tests, their errors at compile and run time, and being off by default.
struct MathExtensionTests {
    static let environment: CELEnvironment = {
        var environment = testEnvironment()
        environment.enable(.math)
        return environment
    }()

    @Test(arguments: [
        ("math.greatest(1, 2)", "2"), ("math.greatest(1, 2.5)", "2.5"), ("math.greatest(3u, 2)", "3u"),
        ("math.greatest(-1, 0u)", "0u"), ("math.greatest([1, 5, 3])", "5"), ("math.greatest(1, 2, 3.5, 4u)", "4u"),
        ("math.greatest(5)", "5"), ("math.greatest(-2.5)", "-2.5"), ("math.greatest(1, 1.0)", "1"), ("math.least(1.0, 1)", "1.0"),
        ("math.least(-3, -2.5, 7u)", "-3"), ("math.least([2u, 1u])", "1u"), ("math.least(18446744073709551615u, -1)", "-1"),
        ("math.greatest(x)", "3"), ("math.greatest(x, 2)", "3"),
        ("math.greatest(entries.map(e, e.amount))", "325"), ("math.least(entries.map(e, e.amount))", "-88"),
        ("math.greatest([-1.0/0.0, -5])", "-5"),
        ("math.abs(-5)", "5"), ("math.abs(5)", "5"), ("math.abs(5u)", "5u"), ("math.abs(-2.5)", "2.5"),
        ("math.abs(-9223372036854775807)", "9223372036854775807"), ("math.abs(-1.0/0.0)", "Infinity"),
        ("math.sign(-5)", "-1"), ("math.sign(0)", "0"), ("math.sign(42)", "1"), ("math.sign(7u)", "1u"), ("math.sign(0u)", "0u"),
        ("math.sign(-2.5)", "-1.0"), ("math.sign(0.0)", "0.0"), ("math.sign(1.0/0.0)", "1.0"), ("math.isNaN(math.sign(0.0/0.0))", "true"),
        ("math.ceil(1.2)", "2.0"), ("math.ceil(-1.2)", "-1.0"), ("math.floor(1.8)", "1.0"), ("math.floor(-1.2)", "-2.0"),
        ("math.round(2.5)", "3.0"), ("math.round(-2.5)", "-3.0"), ("math.round(1.4999)", "1.0"), ("math.trunc(-1.7)", "-1.0"),
        ("math.trunc(1.7)", "1.0"), ("math.isNaN(math.round(0.0/0.0))", "true"), ("math.floor(-1.0/0.0)", "-Infinity"),
        ("math.isInf(1.0/0.0)", "true"), ("math.isInf(-1.0/0.0)", "true"), ("math.isInf(0.0/0.0)", "false"), ("math.isInf(1.5)", "false"),
        ("math.isNaN(0.0/0.0)", "true"), ("math.isNaN(1.0/0.0)", "false"),
        ("math.isFinite(1.5)", "true"), ("math.isFinite(1.0/0.0)", "false"), ("math.isFinite(0.0/0.0)", "false"),
        ("math.sqrt(49.0)", "7.0"), ("math.sqrt(16)", "4.0"), ("math.sqrt(2u)", "1.4142135623730951"), ("math.isNaN(math.sqrt(-1.0))", "true"),
        ("math.bitAnd(3, 5)", "1"), ("math.bitOr(3u, 5u)", "7u"), ("math.bitXor(3, 5)", "6"), ("math.bitAnd(-1, 255)", "255"),
        ("math.bitNot(1)", "-2"), ("math.bitNot(0u)", "18446744073709551615u"),
        ("math.bitShiftLeft(1, 2)", "4"), ("math.bitShiftLeft(1u, 63)", "9223372036854775808u"), ("math.bitShiftLeft(1, 64)", "0"),
        ("math.bitShiftLeft(1, 63)", "-9223372036854775808"), ("math.bitShiftRight(1024u, 4)", "64u"),
        ("math.bitShiftRight(-1024, 3)", "2305843009213693824"), ("math.bitShiftRight(-1, 200)", "0"),
    ])
    func values(source: String, expected: String) {
        #expect(outcome(source, environment: Self.environment, bindings: testBindings) == expected)
    }

    @Test(arguments: [
        ("math.abs(-9223372036854775808)", "error at 1:1: integer overflow in math.abs(-9223372036854775808)"),
        ("math.greatest(entries.map(e, e.amount).filter(a, a > 1000))", "error at 1:1: math.greatest() of an empty list has no value"),
        ("math.least(dyn([]))", "error at 1:1: math.least() of an empty list has no value"),
        ("math.greatest(d)", #"error at 1:1: math.greatest() needs numbers, not "two" of type string"#),
        ("math.least(1, dyn('a'))", #"error at 1:1: math.least() needs numbers, not "a" of type string"#),
        ("math.greatest(dyn('a'))", "error at 1:1: no matching overload for 'math.greatest' applied to (string)"),
        ("math.greatest(1, 0.0/0.0)", "error at 1:1: math.greatest(): NaN values cannot be ordered"),
        ("math.least([0.0/0.0, 1.0])", "error at 1:1: math.least(): NaN values cannot be ordered"),
        ("math.isNaN(dyn(1u))", "error at 1:1: no matching overload for 'math.isNaN' applied to (uint)"),
        ("math.sign(dyn(''))", "error at 1:1: no matching overload for 'math.sign' applied to (string)"),
        ("math.bitShiftLeft(1, -2)", "error at 1:1: math.bitShiftLeft() needs a non-negative bit count, not -2"),
        ("math.bitShiftRight(1024u, -4)", "error at 1:1: math.bitShiftRight() needs a non-negative bit count, not -4"),
        ("math.bitOr(dyn(1.2), 1)", "error at 1:1: no matching overload for 'math.bitOr' applied to (double, int)"),
        ("math.bitXor(dyn(1), dyn(1u))", "error at 1:1: no matching overload for 'math.bitXor' applied to (int, uint)"),
        ("math.bitNot(dyn([1]))", "error at 1:1: no matching overload for 'math.bitNot' applied to (list)"),
        ("math.bitShiftLeft(dyn([1]), 1)", "error at 1:1: no matching overload for 'math.bitShiftLeft' applied to (list, int)"),
        ("math.sqrt(dyn('4'))", "error at 1:1: no matching overload for 'math.sqrt' applied to (string)"),
    ])
    func evaluationErrors(source: String, expected: String) {
        #expect(outcome(source, environment: Self.environment, bindings: testBindings) == expected)
    }

    @Test(arguments: [
        ("math.greatest()", "1:1: error: math.greatest() needs at least one argument", "  math.greatest()\n  ^"),
        ("math.greatest([])", "1:15: error: math.greatest() needs numbers or a non-empty list of numbers", "  math.greatest([])\n                ^"),
        ("math.least({})", "1:12: error: math.least() needs numbers or a non-empty list of numbers", "  math.least({})\n             ^"),
        ("math.least([1, true])", "1:12: error: math.least() needs numbers or a non-empty list of numbers", "  math.least([1, true])\n             ^"),
        ("math.greatest('a', 1)", "1:15: error: math.greatest() arguments must be numbers", "  math.greatest('a', 1)\n                ^"),
        ("math.greatest(1, 2, true)", "1:21: error: math.greatest() arguments must be numbers", "  math.greatest(1, 2, true)\n                      ^"),
        ("math.greatest(name)", "1:1: error: found no matching overload for 'math.greatest' applied to '(string)'", "  math.greatest(name)\n  ^"),
        ("math.least(x, name)", "1:1: error: found no matching overload for 'math.least' applied to '(int, string)'", "  math.least(x, name)\n  ^"),
        ("math.ceil(1)", "1:1: error: found no matching overload for 'math.ceil' applied to '(int)'", "  math.ceil(1)\n  ^"),
        ("math.isNaN(1u)", "1:1: error: found no matching overload for 'math.isNaN' applied to '(uint)'", "  math.isNaN(1u)\n  ^"),
        ("math.abs('a')", "1:1: error: found no matching overload for 'math.abs' applied to '(string)'", "  math.abs('a')\n  ^"),
        ("math.bitAnd(1, 2u)", "1:1: error: found no matching overload for 'math.bitAnd' applied to '(int, uint)'", "  math.bitAnd(1, 2u)\n  ^"),
        ("math.bitShiftLeft(1, 2u)", "1:1: error: found no matching overload for 'math.bitShiftLeft' applied to '(int, uint)'", "  math.bitShiftLeft(1, 2u)\n  ^"),
        ("math.absolute(1)", "1:1: error: undeclared function 'math.absolute'", "  math.absolute(1)\n  ^"),
        ("math.flor(1.5)", "1:1: error: undeclared function 'math.flor' (did you mean 'math.floor'?)", "  math.flor(1.5)\n  ^"),
        ("math.greates(1, 2)", "1:1: error: undeclared function 'math.greates' (did you mean 'math.greatest'?)", "  math.greates(1, 2)\n  ^"),
    ])
    func compileErrors(source: String, headline: String, caret: String) {
        #expect(outcome(source, environment: Self.environment) == "<expression>:\(headline)\n\(caret)")
    }

    @Test func resultTypes() throws {
        #expect(try Self.environment.compile("math.greatest(1, 2)").resultType == .int)
        #expect(try Self.environment.compile("math.least([1.5, 2.0])").resultType == .double)
        #expect(try Self.environment.compile("math.greatest(1, 2.0)").resultType == .dyn)
        #expect(try Self.environment.compile("math.sign(2u)").resultType == .uint)
    }

    @Test(arguments: [
        ("math.abs(1)", "1:1: error: undeclared function 'math.abs' (it is in the math extension, which this environment does not enable)", "  math.abs(1)\n  ^"),
        ("math.greatest(1, 2)", "1:1: error: undeclared function 'math.greatest' (it is in the math extension, which this environment does not enable)", "  math.greatest(1, 2)\n  ^"),
    ])
    func offByDefault(source: String, headline: String, caret: String) {
        #expect(outcome(source, environment: testEnvironment()) == "<expression>:\(headline)\n\(caret)")
    }

    @Test func aVariableNamedMathIsStillAVariable() {
        var environment = Self.environment
        environment.declareVariable("math", type: .map(key: .string, value: .int))
        #expect(outcome("math.abs(-1) + math.x", environment: environment, bindings: ["math": .map(CELMap([(.string("x"), .int(2))]))]) == "3")
    }

    @Test func everyExtensionTogether() {
        let environment = CELEnvironment(extensions: [.bindings, .strings, .math])
        #expect(outcome("cel.bind(parts, '3,-7,5'.split(','), math.greatest(parts.map(p, math.abs(int(p)))))", environment: environment) == "7")
    }
}
