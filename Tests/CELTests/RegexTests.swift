import CEL
import Foundation
import Testing

@Suite struct RegexTests {
    /// Pattern, text, and whether RE2 finds a match (each answer checked against RE2 itself,
    /// google-re2 1.1.20251105, when the table was written).
    @Test(arguments: [
        ("foo.*", "foobar", true),
        ("foo", "xxfooxx", true),
        ("foo", "fo", false),
        ("", "", true),
        ("", "abc", true),
        ("a.c", "abc", true),
        ("a.c", "a\nc", false),
        ("(?s)a.c", "a\nc", true),
        ("a.c", "aéc", true),
        ("^abc$", "abc", true),
        ("^abc$", "xabc", false),
        ("^abc$", "abc\n", false),
        ("abc$", "abc\n", false),
        ("(?m)abc$", "abc\n", true),
        ("(?m)^b", "a\nb", true),
        ("^b", "a\nb", false),
        ("\\Aabc\\z", "abc", true),
        ("\\Aabc\\z", "abc\n", false),
        ("(?m)\\Ab", "a\nb", false),
        ("(?m)a\\z", "a\nb", false),
        ("a\\.b", "a.b", true),
        ("a\\.b", "axb", false),
        ("\\x41", "A", true),
        ("\\x{263a}", "☺", true),
        ("\\101", "A", true),
        ("\\0", "\0", true),
        ("\\12", "\n", true),
        ("\\t", "\t", true),
        ("\\Qa.b\\E", "a.b", true),
        ("\\Qa.b\\E", "axb", false),
        ("\\Qa.b", "a.b", true),
        ("\\_", "_", true),
        ("\\-", "-", true),
        ("[abc]", "xbx", true),
        ("[abc]", "xyz", false),
        ("[^abc]", "abc", false),
        ("[^abc]", "abcd", true),
        ("[a-c]+$", "cab", true),
        ("[]a]", "]", true),
        ("[^]a]", "a]", false),
        ("[a-]", "-", true),
        ("[a\\-z]", "-", true),
        ("[a\\-z]", "b", false),
        ("[\\d.]", ".", true),
        ("[\\w]", "é", false),
        ("\\d", "7", true),
        ("\\d", "٣", false),
        ("\\D", "٣", true),
        ("\\w", "_", true),
        ("\\w", "é", false),
        ("\\W", "é", true),
        ("\\s", "\t", true),
        ("\\s", "\u{0B}", false),
        ("\\S", " ", false),
        ("[[:alpha:]]", "é", false),
        ("[[:alpha:]]", "Q", true),
        ("[[:^alpha:]]", "Q", false),
        ("[[:digit:][:upper:]]", "Z", true),
        ("[[:punct:]]", "!", true),
        ("[[:space:]]", "\u{0B}", true),
        ("[[:xdigit:]]+$", "c0ffee", true),
        ("\\pL", "é", true),
        ("\\pL", "1", false),
        ("\\p{Lu}", "É", true),
        ("\\p{Lu}", "é", false),
        ("\\PL", "é", false),
        ("\\p{^L}", "1", true),
        ("\\pN", "٣", true),
        ("\\p{Nd}", "Ⅳ", false),
        ("\\p{Nl}", "Ⅳ", true),
        ("\\p{Any}", "x", true),
        ("\\p{Sc}", "€", true),
        ("\\p{Zs}", "\u{A0}", true),
        ("[\\p{Lu}\\d]", "5", true),
        ("\\bcat\\b", "a cat!", true),
        ("\\bcat\\b", "concat", false),
        ("\\Bcat", "concat", true),
        ("\\bé", " é", false),
        ("\\B", "ab", true),
        ("\\B", "a b", false),
        ("\\B", "é", true),
        ("(ab)+$", "ababab", true),
        ("^(?:ab|cd)+$", "abcdab", true),
        ("^(?:ab|cd)+$", "abce", false),
        ("(?P<year>\\d{4})-(?P<month>\\d\\d)", "on 2023-08-26", true),
        ("(?<y>\\d{4})", "x1999", true),
        ("a|b|c", "zzc", true),
        ("^(a|ab)(c|bcd)$", "abcd", true),
        ("x(|a)y", "xy", true),
        ("^a{3}$", "aaa", true),
        ("^a{3}$", "aaaa", false),
        ("^a{2,3}$", "aaaa", false),
        ("^a{2,}$", "aaaaa", true),
        ("^a{0}$", "", true),
        ("^a{0,1}b", "b", true),
        ("^a*?$", "aaa", true),
        ("^a+?b", "aab", true),
        ("^a??b", "ab", true),
        ("^a{2,3}?$", "aa", true),
        ("a{,3}", "a{,3}", true),
        ("a{01}", "a{01}", true),
        ("a{", "a{", true),
        ("a{1", "a{1", true),
        ("x{1001", "x{1001", true),
        ("^(a*)*$", "aaaa", true),
        ("^(a|a?)+$", "aaaa", true),
        ("^(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", false),
        ("(x+x+)+y", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", false),
        ("(?i)abc", "ABC", true),
        ("(?i)k", "\u{212A}", true),
        ("(?i)\u{212A}", "k", true),
        ("(?i)s", "ſ", true),
        ("(?i)σ", "ς", true),
        ("(?i)ß", "ẞ", true),
        ("(?i)ß", "ss", false),
        ("(?i)i", "ı", false),
        ("(?i)i", "İ", false),
        ("(?i)[a-c]", "B", true),
        ("(?i)[^k]", "\u{212A}", false),
        ("(?i)\\w", "\u{212A}", true),
        ("(?i)\\W", "\u{212A}", false),
        ("(?i)[[:upper:]]", "q", true),
        ("(?i:a)b", "AB", false),
        ("(?i:a)b", "Ab", true),
        ("a(?i)b|c", "C", true),
        ("(?i)a(?-i)b", "Ab", true),
        ("(?i)a(?-i)b", "AB", false),
        ("(?U)a+", "a", true),
        ("(?)a", "a", true),
        ("(?s).", "\n", true),
        ("(?s:.)", "\n", true),
        ("(?-s).", "\n", false),
        ("(?i)é", "É", true),
        ("(?i)\\x{e9}", "É", true),
        ("(?i)[é]", "É", true),
        ("(?i)\\p{Lu}", "é", true),
        ("^*a", "a", true),
        ("\\b+a", "a", true),
    ])
    func matchesAsRE2Does(pattern: String, text: String, matches: Bool) throws {
        #expect(try CELRegex(pattern: pattern).matches(text) == matches)
    }

    /// What RE2 refuses, refused by name; and the few RE2 features not implemented here.
    @Test(arguments: [
        ("a\\1", "backreference \\1 is not supported by RE2"),
        ("(a)\\9", "backreference \\9 is not supported by RE2"),
        ("(?P<x>a)\\k<x>", "backreference \\k is not supported by RE2"),
        ("(a)\\g1", "backreference \\g is not supported by RE2"),
        ("(?P<x>a)(?P=x)", "backreference (?P= is not supported by RE2"),
        ("a(?=b)", "lookahead (?= is not supported by RE2"),
        ("a(?!b)", "negative lookahead (?! is not supported by RE2"),
        ("(?<=a)b", "lookbehind (?<= is not supported by RE2"),
        ("(?<!a)b", "negative lookbehind (?<! is not supported by RE2"),
        ("(?>a+)b", "atomic group (?> is not supported by RE2"),
        ("a*+", "possessive quantifier *+ is not supported"),
        ("a++", "possessive quantifier ++ is not supported"),
        ("a?+", "possessive quantifier ?+ is not supported"),
        ("a{2}+", "possessive quantifier {2}+ is not supported"),
        ("a**", "bad repetition operator **: quantifiers cannot follow each other"),
        ("a*??", "bad repetition operator *??: quantifiers cannot follow each other"),
        ("a{2}{3}", "bad repetition operator {2}{3}: quantifiers cannot follow each other"),
        ("a\\Z", "\\Z is not supported by RE2; write \\z or $"),
        ("\\C", "\\C (any byte) is not supported"),
        ("\\G", "invalid escape sequence \\G"),
        ("a\\Kb", "invalid escape sequence \\K"),
        ("\\e", "invalid escape sequence \\e"),
        ("\\q", "invalid escape sequence \\q"),
        ("\\é", "invalid escape sequence \\é"),
        ("\\x4", "invalid escape sequence \\x4"),
        ("\\xZZ", "invalid escape sequence \\xZ"),
        ("\\x{}", "invalid escape sequence \\x{}"),
        ("\\x{110000}", "invalid escape sequence \\x{110000"),
        ("(?R)", "recursion (?R is not supported by RE2"),
        ("(a)(?1)", "recursion (?1 is not supported by RE2"),
        ("(?#note)a", "comment group (?# is not supported by RE2"),
        ("(?|a)", "branch reset group (?| is not supported by RE2"),
        ("(?(1)a|b)", "conditional group (?( is not supported by RE2"),
        ("(?'x'a)", "named group (?' is not supported by RE2; write (?P<name>...)"),
        ("(?x) a", "unsupported flag or group syntax (?x (RE2 knows the flags i, m, s and U)"),
        ("(?-)a", "invalid flag group (?-)"),
        ("(?i-)a", "invalid flag group (?i-)"),
        ("(?i--m)a", "invalid flag group (?i--"),
        ("(?i", "missing ) in (?i"),
        ("(?P<>a)", "invalid named capture group (?P<>"),
        ("(?P<a-b>x)", "invalid named capture group (?P<a-b>"),
        ("(?P<name", "invalid named capture group (?P<name"),
        ("(?P<x>a)(?P<x>b)", "duplicate capture group name 'x'"),
        ("*a", "missing argument to repetition operator *"),
        ("a|*", "missing argument to repetition operator *"),
        ("(+)", "missing argument to repetition operator +"),
        ("{2}", "missing argument to repetition operator {2}"),
        ("(?i)?", "missing argument to repetition operator ?"),
        ("a{2,1}", "invalid repetition size {2,1}"),
        ("a{1001}", "invalid repetition size {1001}: the limit is 1000"),
        ("a{0,1001}", "invalid repetition size {0,1001}: the limit is 1000"),
        ("(a{100}){11}", "invalid repetition size {11}: nested repetitions exceed 1000 copies"),
        ("((a{2}){2}){251}", "invalid repetition size {251}: nested repetitions exceed 1000 copies"),
        ("(ab", "missing )"),
        ("ab)", "unexpected )"),
        ("a\\", "trailing \\"),
        ("[ab", "missing ] in [ab"),
        ("[]", "missing ] in []"),
        ("[a\\", "trailing \\"),
        ("[z-a]", "invalid character class range z-a"),
        ("[a-\\d]", "invalid escape sequence \\d"),
        ("[\\b]", "invalid escape sequence \\b"),
        ("[[:foo:]]", "invalid character class [:foo:]"),
        ("\\p{Foo}", "unsupported unicode class \\p{Foo}: only general categories (such as L, Lu, N, Nd, P, S, Z) and Any are supported"),
        ("\\p{Greek}", "unsupported unicode class \\p{Greek}: only general categories (such as L, Lu, N, Nd, P, S, Z) and Any are supported"),
        ("\\p{L", "missing } in \\p{L"),
        ("\\p", "invalid character class \\p"),
    ])
    func refuses(pattern: String, reason: String) {
        #expect(throws: CELError("invalid regular expression '\(pattern)': \(reason)")) { try CELRegex(pattern: pattern) }
    }

    @Test func refusesGroupsNestedTooDeep() throws {
        let deep = String(repeating: "(", count: 201) + "a" + String(repeating: ")", count: 201)
        #expect(throws: CELError("invalid regular expression '\(deep)': groups nested more than 200 deep")) {
            try CELRegex(pattern: deep)
        }
        let allowed = String(repeating: "(", count: 200) + "a" + String(repeating: ")", count: 200)
        #expect(try CELRegex(pattern: allowed).matches("xa"))
    }

    /// RE2 bounds its programs by memory (it takes this one: about 700 literal scalars times
    /// 1000 fit); here a program may have 100,000 instructions, one per literal scalar.
    /// Nesting is followed with explicit stacks, not recursion: 200 groups compile and match
    /// on a thread with a 128 KiB stack, even in a debug build.
    @Test func compilesDeepNestingOnASmallStack() {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var results: [Bool] = []
        let thread = Thread {
            let alternatives = String(repeating: "(?:a{2}|", count: 200) + "b" + String(repeating: "){0,1}", count: 200)
            let stars = String(repeating: "(", count: 200) + "^b" + String(repeating: ")*", count: 200)
            results = [(alternatives, "xb"), (stars, "bx")].map { pattern, text in
                (try? CELRegex(pattern: pattern).matches(text)) ?? false
            }
            done.signal()
        }
        thread.stackSize = 128 * 1024
        thread.start()
        done.wait()
        #expect(results == [true, true])
    }

    @Test func refusesProgramsTooLarge() throws {
        #expect(try CELRegex(pattern: "(?:" + String(repeating: "a", count: 99) + "){1000}").matches("a") == false)
        let pattern = "(?:" + String(repeating: "a", count: 101) + "){1000}"
        #expect(throws: CELError("invalid regular expression '\(pattern)': pattern too large (more than 100000 instructions)")) {
            try CELRegex(pattern: pattern)
        }
    }

    /// Patterns that make a backtracking matcher take exponential time finish in one pass here.
    @Test(arguments: [
        ("^(a+)+$", String(repeating: "a", count: 5000) + "b", false),
        ("(x+x+)+y", String(repeating: "x", count: 5000), false),
        ("^(a|a?)+$", String(repeating: "a", count: 5000), true),
        ("(.*a){20}", String(repeating: "a", count: 19) + String(repeating: "b", count: 2000), false),
    ])
    func matchesPathologicalPatternsInLinearTime(pattern: String, text: String, matches: Bool) throws {
        #expect(try CELRegex(pattern: pattern).matches(text) == matches)
    }

    /// One instruction per scalar, class, assertion, split and jump, plus the final match.
    @Test(arguments: [
        ("", 1), ("abc", 4), ("a|b", 5), ("^a{2,3}$", 7), ("[a-z]+", 3), ("(?i)k*", 4), ("a{1000}", 1001),
    ])
    func reportsProgramSize(pattern: String, instructions: Int) throws {
        #expect(try CELRegex(pattern: pattern).instructionCount == instructions)
    }

    @Test func compilesOnceAndMatchesFromManyThreads() async throws {
        let regex = try CELRegex(pattern: "^(?P<kind>[a-z_]+)-(\\d{2,4})$")
        #expect(regex.pattern == "^(?P<kind>[a-z_]+)-(\\d{2,4})$")
        let results = await withTaskGroup(of: Bool.self, returning: [Bool].self) { group in
            for index in 0..<64 {
                group.addTask {
                    (0..<200).allSatisfy { round in
                        regex.matches("plan_allocation-\(100 + (index + round) % 900)") && !regex.matches("Plan-1")
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 64))
    }
}
