/// A regular expression for CEL's `matches`, with RE2's syntax and meaning: `matches` is true
/// when some substring of the text matches (use `^` and `$` to match the whole text).
///
/// Compile once, match many times, from any number of threads. Matching is a Thompson NFA
/// simulation (a Pike VM): time is proportional to the text length times the pattern size,
/// whatever the pattern, as RE2 promises; nothing backtracks.
///
/// Supported (as in RE2, matching Unicode scalars):
/// - literals, escaped punctuation (`\.`, `\*`), `\n \r \t \a \f \v`, octal `\123`, hex `\x41`
///   and `\x{263A}`, literal text `\Q...\E`;
/// - `.` (any scalar but `\n`; with `(?s)` any scalar at all);
/// - classes `[abc]`, `[^a-z]`, `[]a]` (a leading `]` is literal), Perl classes `\d \w \s` and
///   their negations `\D \W \S` (ASCII, as in RE2), POSIX classes `[[:alpha:]]`,
///   `[[:^digit:]]` (ASCII: alnum alpha ascii blank cntrl digit graph lower print punct space
///   upper word xdigit), Unicode general categories `\pL`, `\p{Lu}`, `\PN`, `\p{^Nd}`, `\p{Any}`;
/// - anchors `^` and `$` (text start and end; line start and end under `(?m)`, where `$`
///   does not match before a final `\n` otherwise, as in RE2), `\A`, `\z`, `\b`, `\B` (ASCII
///   word characters);
/// - groups `(...)`, `(?:...)`, `(?P<name>...)`, `(?<name>...)`; alternation `|`;
/// - repetition `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (counts up to 1000, nested counts
///   multiplying to at most 1000, as in RE2) and their lazy forms `*?` and so on;
/// - flags `(?i)` (Unicode simple case folding), `(?m)`, `(?s)`, `(?U)`, negated `(?-i)`,
///   scoped `(?i:...)`.
///
/// Refused with an error naming the construct, as RE2 refuses them: backreferences (`\1`,
/// `\k<name>`, `(?P=name)`), lookahead and lookbehind (`(?=`, `(?!`, `(?<=`, `(?<!`), atomic
/// groups `(?>...)`, possessive quantifiers (`a*+`), stacked quantifiers (`a**`), `\Z`, `\G`,
/// `\K`, recursion, conditionals, comments `(?#...)`, flags other than i m s U (`(?x)`),
/// unknown escapes (`\q`), bad ranges (`[z-a]`), counts above 1000, duplicate group names.
/// Also refused, though RE2 accepts them: `\C` (one byte of UTF-8), Unicode script classes
/// such as `\p{Greek}` (only general categories are implemented), groups nested more than
/// 200 deep, and programs above 100,000 instructions (RE2's memory budget allows several
/// times more).
///
/// Where RE2 implementations differ, this follows RE2 itself (as cel-cpp uses it) rather than
/// Go's regexp (cel-go): RE2 searches UTF-8 bytes, so `\B` also holds inside a multi-byte
/// character (`\B` matches `"é"`); that is reproduced. Unicode categories and case folding
/// come from Swift's Unicode tables, which may be a version newer than a given RE2 build's.
public struct CELRegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    private let program: RegexProgram

    /// Compiles `pattern`; an error names the construct that RE2 (or this implementation) refuses.
    public init(pattern: String) throws(CELError) {
        self.pattern = pattern
        program = try RegexProgram(RegexParser.parse(pattern), pattern: pattern)
    }

    /// `text.matches(pattern)`: whether some substring of `text` matches.
    public func matches(_ text: String) -> Bool {
        program.matches(text)
    }

    /// The size of the compiled program: a match costs at most this many steps per scalar of
    /// text, a measure for an evaluation cost budget.
    public var instructionCount: Int {
        program.instructions.count
    }
}
