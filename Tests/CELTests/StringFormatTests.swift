import CEL
import Testing

/// `format` of the strings extension: every clause, precision, how `%s` shows each kind of value,
/// and the errors, at compile time for a constant format string and at run time otherwise.
struct StringFormatTests {
    @Test(arguments: [
        ("'%s and %s'.format(['a', 1])", "a and 1"), ("'%d|%d|%d'.format([42, 42u, 1.5])", "42|42|1.5"),
        ("'%.2f'.format([3.14159])", "3.14"), ("'%f'.format([1])", "1.000000"), ("'%.0f'.format([2.5])", "2"),
        ("'%.3f'.format([18446744073709551615u])", "18446744073709551616.000"),
        ("'%e'.format([1234.5678])", "1.234568e+03"), ("'%.2e'.format([0.000123])", "1.23e-04"), ("'%.0e'.format([-5])", "-5e+00"),
        ("'%b %b %b %b'.format([5, true, false, -5])", "101 1 0 -101"), ("'%o %o'.format([8, 64u])", "10 100"),
        ("'%x %X %x'.format([255, 255u, -255])", "ff FF -ff"), ("'%x'.format(['hello'])", "68656c6c6f"),
        ("'%X'.format([b'\\x01\\xff'])", "01FF"), ("'%x'.format(['é'])", "c3a9"),
        ("'100%% sure'.format([])", "100% sure"), ("'%%%s%%'.format(['x'])", "%x%"), ("''.format([])", ""),
        ("'%s'.format([[1, 'a', 2.5, null, [true]]])", "[1, a, 2.5, null, [true]]"),
        ("'%s'.format([{'b': 1, 'a': [2u], 'c': {'z': 'y'}}])", "{a: [2], b: 1, c: {z: y}}"),
        ("'%s %s %s %s'.format([1e21, 0.0000001, 1.0, -0.0])", "1000000000000000000000 0.0000001 1 -0"),
        ("'%s|%s'.format([123.456, 5e-324])", "123.456|0." + String(repeating: "0", count: 323) + "5"),
        ("'%s %s'.format([duration('1.5s'), timestamp('2024-01-02T03:04:05Z')])", "1.5s 2024-01-02T03:04:05Z"),
        ("'%s %s %s'.format([type(1), b'ab', type([])])", "int ab list"),
        ("'%f %e %d %s'.format([0.0/0.0, 1.0/0.0, -1.0/0.0, 0.0/0.0])", "NaN Infinity -Infinity NaN"),
        ("'é%sé'.format(['ü'])", "éüé"), ("name.format([])", "abc"), ("(name + '%d').format([x])", "abc3"),
        ("'%s %s'.format(d)", "1 two"), ("'%s'.format(['a', 'extra'].filter(s, true))", "a"),
    ])
    func values(source: String, expected: String) {
        #expect(outcome(source, environment: StringsExtensionTests.environment, bindings: testBindings) == CELValue.string(expected).description)
    }

    @Test(arguments: [
        ("'%z'.format([1])", "1:1: error: unknown format clause '%z' (use %s, %d, %f, %e, %b, %x, %X, %o, or %% for '%')", "  '%z'.format([1])\n  ^"),
        ("'a %'.format([1])", "1:1: error: format string ends inside clause 1 ('%')", "  'a %'.format([1])\n  ^"),
        ("'%s %.f'.format([1, 1.0])", "1:1: error: format clause 2 ('%.') needs digits after the '.'", "  '%s %.f'.format([1, 1.0])\n  ^"),
        ("'%.101f'.format([1.0])", "1:1: error: format clause 1 ('%.101'): precision 101 is more than 100", "  '%.101f'.format([1.0])\n  ^"),
        ("'%s %s'.format(['a'])", "1:16: error: the format string has 2 clauses but 1 argument is given", "  '%s %s'.format(['a'])\n                 ^"),
        ("'%s'.format(['a', 'b'])", "1:13: error: the format string has 1 clause but 2 arguments are given", "  '%s'.format(['a', 'b'])\n              ^"),
        ("'%s'.format(1)", "1:6: error: found no matching overload for 'format' applied to 'string.(int)'", "  '%s'.format(1)\n       ^"),
    ])
    func compileErrors(source: String, headline: String, caret: String) {
        #expect(outcome(source, environment: StringsExtensionTests.environment) == "<expression>:\(headline)\n\(caret)")
    }

    @Test(arguments: [
        ("'%d'.format(['a'])", #"error at 1:6: format clause '%d' cannot format "a" of type string"#),
        ("'%x'.format([1.5])", "error at 1:6: format clause '%x' cannot format 1.5 of type double"),
        ("'%b'.format([d])", #"error at 1:6: format clause '%b' cannot format [1, "two"] of type list"#),
        ("'%s'.format([entry])", #"error at 1:6: format clause '%s' cannot format Entry{amount: -40, type: "submission"} of type Entry"#),
        ("('%s' + name).format([])", "error at 1:15: format clause 1 ('%s') has no argument: 0 arguments are given"),
        ("(name + '%q').format([1])", "error at 1:15: unknown format clause '%q' (use %s, %d, %f, %e, %b, %x, %X, %o, or %% for '%')"),
    ])
    func evaluationErrors(source: String, expected: String) {
        #expect(outcome(source, environment: StringsExtensionTests.environment, bindings: testBindings) == expected)
    }
}
