import CEL
import Testing

/// The strings extension: every function's values and edge cases (empty strings, code points beyond
/// ASCII, indexes at and past the ends), its run-time and compile-time errors, and being off by default.
struct StringsExtensionTests {
    static let environment: CELEnvironment = {
        var environment = testEnvironment()
        environment.enable(.strings)
        return environment
    }()

    @Test(arguments: [
        ("'tacocat'.charAt(3)", #""o""#), ("'tacocat'.charAt(0)", #""t""#), ("'tacocat'.charAt(7)", #""""#),
        ("'©αT'.charAt(1)", #""α""#), ("'😀x'.charAt(1)", #""x""#), ("''.charAt(0)", #""""#),
        ("'e\\u0301'.charAt(1)", #""\#u{301}""#),
    ])
    func charAt(source: String, expected: String) {
        #expect(outcome(source, environment: Self.environment, bindings: testBindings) == expected)
    }

    @Test(arguments: [
        ("'tacocat'.indexOf('')", "0"), ("'tacocat'.indexOf('ac')", "1"), ("'tacocat'.indexOf('none')", "-1"),
        ("'tacocat'.indexOf('', 3)", "3"), ("'tacocat'.indexOf('a', 3)", "5"), ("'tacocat'.indexOf('at', 3)", "5"),
        ("'ta©o©αT'.indexOf('©')", "2"), ("'ta©o©αT'.indexOf('©', 3)", "4"), ("'ta©o©αT'.indexOf('©αT', 3)", "4"),
        ("'ta©o©αT'.indexOf('©α', 5)", "-1"), ("'hello wello'.indexOf('ello', 6)", "7"),
        ("'hello wello'.indexOf('elbo room!!')", "-1"), ("'tacocat'.indexOf('a', 30)", "-1"),
        ("'tacocat'.indexOf('', 7)", "7"), ("'tacocat'.indexOf('', 30)", "7"), ("''.indexOf('')", "0"), ("''.indexOf('a')", "-1"),
        ("''.lastIndexOf('@@')", "-1"), ("'tacocat'.lastIndexOf('')", "7"), ("'tacocat'.lastIndexOf('at')", "5"),
        ("'tacocat'.lastIndexOf('none')", "-1"), ("'tacocat'.lastIndexOf('', 3)", "3"), ("'tacocat'.lastIndexOf('a', 3)", "1"),
        ("'ta©o©αT'.lastIndexOf('©')", "4"), ("'ta©o©αT'.lastIndexOf('©', 3)", "2"), ("'ta©o©αT'.lastIndexOf('©α', 4)", "4"),
        ("'hello wello'.lastIndexOf('ello', 6)", "1"), ("'hello wello'.lastIndexOf('hello wello')", "0"),
        ("'bananananana'.lastIndexOf('nana', 7)", "6"), ("'tacocat'.lastIndexOf('a', 30)", "-1"),
        ("'tacocat'.lastIndexOf('', 30)", "7"), ("'tacocat'.lastIndexOf('t', 6)", "6"),
        // Code points, not Swift characters: an accent after 'e' is its own code point, and 'é' differs from 'e\u0301'.
        ("'cafe\\u0301'.indexOf('\\u0301')", "4"), ("'café'.indexOf('e\\u0301')", "-1"),
    ])
    func indexOf(source: String, expected: String) {
        #expect(outcome(source, environment: Self.environment, bindings: testBindings) == expected)
    }

    @Test(arguments: [
        ("'tacocat'.substring(4)", #""cat""#), ("'tacocat'.substring(7)", #""""#), ("'tacocat'.substring(0, 4)", #""taco""#),
        ("'tacocat'.substring(4, 4)", #""""#), ("'ta©o©αT'.substring(2, 6)", #""©o©α""#), ("'ta©o©αT'.substring(7, 7)", #""""#),
        ("''.substring(0)", #""""#), ("''.substring(0, 0)", #""""#),
        ("'TacoCat'.lowerAscii()", #""tacocat""#), ("'TacoCÆt Xii'.lowerAscii()", #""tacocÆt xii""#),
        ("'tacoCat'.upperAscii()", #""TACOCAT""#), ("'tacoCαt @[`{'.upperAscii()", #""TACOCαT @[`{""#), ("''.upperAscii()", #""""#),
        ("'{0} days {0} hours'.replace('{0}', '2')", #""2 days 2 hours""#),
        ("'{0} days {0} hours'.replace('{0}', '2', 1).replace('{0}', '23')", #""2 days 23 hours""#),
        ("'1 ©αT taco'.replace('αT', 'o©α')", #""1 ©o©α taco""#), ("'hello hello'.replace('', '_')", #""_h_e_l_l_o_ _h_e_l_l_o_""#),
        ("'hello hello'.replace('h', '')", #""ello ello""#), ("'aaa'.replace('a', 'b', 0)", #""aaa""#),
        ("'aaa'.replace('a', 'b', -1)", #""bbb""#), ("'aaa'.replace('a', 'b', 2)", #""bba""#), ("'aaaa'.replace('aa', 'a')", #""aa""#),
        ("'é€'.replace('', '|', 2)", #""|é|€""#), ("''.replace('', 'x')", #""x""#), ("'abc'.replace('abcd', 'x')", #""abc""#),
        ("'hello world'.split(' ')", #"["hello", "world"]"#), ("'hello world events!'.split(' ', 0)", "[]"),
        ("'hello world events!'.split(' ', 1)", #"["hello world events!"]"#),
        ("'hello world events!'.split(' ', 2)", #"["hello", "world events!"]"#),
        ("'o©o©o©o'.split('©', -1)", #"["o", "o", "o", "o"]"#), ("',a,'.split(',')", #"["", "a", ""]"#),
        ("''.split(',')", #"[""]"#), ("''.split('')", "[]"), ("'a©c'.split('')", #"["a", "©", "c"]"#),
        ("'a©cd'.split('', 2)", #"["a", "©cd"]"#), ("'ab'.split('', 5)", #"["a", "b"]"#),
        (#"' \f\n\r\t\vtext  '.trim()"#, #""text""#), (#"'\u0085\u00a0\u1680text\u2000\u3000'.trim()"#, #""text""#),
        (#"'\u200btext\ufeff'.trim()"#, #""\#u{200B}text\#u{FEFF}""#), ("'   '.trim()", #""""#), ("''.trim()", #""""#),
        ("'a b'.trim()", #""a b""#),
        ("'gums'.reverse()", #""smug""#), ("'ta©o😀'.reverse()", #""😀o©at""#), ("''.reverse()", #""""#),
        ("'e\\u0301x'.reverse()", #""x\#u{301}e""#),
        ("['x', 'y'].join()", #""xy""#), ("['x', 'y'].join('-')", #""x-y""#), ("[].join()", #""""#), ("[].join('-')", #""""#),
        ("['©', '', 'α'].join(', ')", #""©, , α""#), ("'a,b,c'.split(',').join(';')", #""a;b;c""#),
        (#"strings.quote('first\nsecond')"#, #""\"first\\nsecond\"""#),
        (#"strings.quote('\a\b\f\r\t\v')"#, #""\"\\a\\b\\f\\r\\t\\v\"""#),
        (#"strings.quote('back \\ slash and \"quotes\"')"#, #""\"back \\\\ slash and \\\"quotes\\\"\"""#),
        ("strings.quote('ta©o😀')", #""\"ta©o😀\"""#), ("strings.quote('')", #""\"\"""#),
        ("name.substring(1) + name.charAt(0)", #""bca""#),
    ])
    func transformations(source: String, expected: String) {
        #expect(outcome(source, environment: Self.environment, bindings: testBindings) == expected)
    }

    @Test(arguments: [
        ("'tacocat'.charAt(30)", "error at 1:11: index out of range: 30 (the string has 7 code points)"),
        ("'tacocat'.charAt(-1)", "error at 1:11: index out of range: -1 (the string has 7 code points)"),
        ("''.charAt(1)", "error at 1:4: index out of range: 1 (the string has 0 code points)"),
        ("'é'.charAt(2)", "error at 1:5: index out of range: 2 (the string has 1 code point)"),
        ("'tacocat'.indexOf('', -1)", "error at 1:11: index out of range: -1 (the string has 7 code points)"),
        ("'tacocat'.lastIndexOf('a', -1)", "error at 1:11: index out of range: -1 (the string has 7 code points)"),
        ("'tacocat'.substring(40)", "error at 1:11: index out of range: 40 (the string has 7 code points)"),
        ("'tacocat'.substring(-1)", "error at 1:11: index out of range: -1 (the string has 7 code points)"),
        ("'tacocat'.substring(1, 50)", "error at 1:11: index out of range: 50 (the string has 7 code points)"),
        ("'tacocat'.substring(49, 50)", "error at 1:11: index out of range: 49 (the string has 7 code points)"),
        ("'tacocat'.substring(4, 3)", "error at 1:11: invalid substring range: start 4 is after end 3"),
        ("dyn([1, 'a']).join()", #"error at 1:15: join() needs a list of strings; element 0 is 1 of type int"#),
        ("d.join('-')", #"error at 1:3: join() needs a list of strings; element 0 is 1 of type int"#),
        ("dyn(1).charAt(0)", "error at 1:8: no matching overload for 'charAt' applied to (int, int)"),
        ("'a'.replace('a', dyn(1))", "error at 1:5: no matching overload for 'replace' applied to (string, string, int)"),
        ("strings.quote(dyn(1))", "error at 1:1: no matching overload for 'strings.quote' applied to (int)"),
    ])
    func evaluationErrors(source: String, expected: String) {
        #expect(outcome(source, environment: Self.environment, bindings: testBindings) == expected)
    }

    @Test(arguments: [
        ("'a'.charAt('x')", "1:5: error: found no matching overload for 'charAt' applied to 'string.(string)'", "  'a'.charAt('x')\n      ^"),
        ("'a'.indexOf('a', 'b')", "1:5: error: found no matching overload for 'indexOf' applied to 'string.(string, string)'", "  'a'.indexOf('a', 'b')\n      ^"),
        ("x.lowerAscii()", "1:3: error: found no matching overload for 'lowerAscii' applied to 'int.()'", "  x.lowerAscii()\n    ^"),
        ("[1, 2].join()", "1:8: error: found no matching overload for 'join' applied to 'list(int).()'", "  [1, 2].join()\n         ^"),
        ("'a'.split(',', 1, 2)", "1:5: error: found no matching overload for 'split' applied to 'string.(string, int, int)'", "  'a'.split(',', 1, 2)\n      ^"),
        ("charAt('a', 0)", "1:1: error: found no matching overload for 'charAt' applied to '(string, int)'", "  charAt('a', 0)\n  ^"),
        ("strings.quote(1)", "1:1: error: found no matching overload for 'strings.quote' applied to '(int)'", "  strings.quote(1)\n  ^"),
        ("'a'.trimm()", "1:5: error: undeclared function 'trimm' (did you mean 'trim'?)", "  'a'.trimm()\n      ^"),
    ])
    func compileErrors(source: String, headline: String, caret: String) {
        #expect(outcome(source, environment: Self.environment) == "<expression>:\(headline)\n\(caret)")
    }

    @Test func resultTypes() throws {
        #expect(try Self.environment.compile("name.split(',')").resultType == .list(.string))
        #expect(try Self.environment.compile("name.indexOf('a')").resultType == .int)
        #expect(try Self.environment.compile("['a'].join()").resultType == .string)
    }

    @Test(arguments: [
        ("'a'.lowerAscii()", "1:5: error: undeclared function 'lowerAscii' (it is in the strings extension, which this environment does not enable)", "  'a'.lowerAscii()\n      ^"),
        ("strings.quote('a')", "1:1: error: undeclared function 'strings.quote' (it is in the strings extension, which this environment does not enable)", "  strings.quote('a')\n  ^"),
    ])
    func offByDefault(source: String, headline: String, caret: String) {
        #expect(outcome(source, environment: testEnvironment()) == "<expression>:\(headline)\n\(caret)")
    }

    @Test func uncheckedProgramsDispatchAtRunTime() {
        var environment = Self.environment
        environment.checksTypes = false
        #expect(outcome("'a,b'.split(',').join('+').upperAscii()", environment: environment) == #""A+B""#)
        #expect(outcome("1.charAt(0)", environment: environment) == "error at 1:3: no matching overload for 'charAt' applied to (int, int)")
    }
}
