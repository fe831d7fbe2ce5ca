/// Reads RE2 syntax (as RE2 and Go's regexp parse it, Perl extensions on) into a `RegexNode`,
/// refusing with an error everything RE2 refuses, and the few RE2 features not implemented here.
struct RegexParser {
    /// RE2's limit on `{n,m}` counts, and on nested counted repetitions multiplied together.
    static let maximumRepeat = 1000
    /// Groups nested deeper than this are refused, so that no pattern can exhaust the stack.
    static let maximumDepth = 200

    private struct Flags {
        var foldCase = false
        var multiLine = false
        var dotMatchesNewline = false
    }

    private let pattern: String
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var flags = Flags()
    private var captureNames: Set<String> = []

    private init(_ pattern: String) {
        self.pattern = pattern
        scalars = Array(pattern.unicodeScalars)
    }

    static func parse(_ pattern: String) throws(CELError) -> RegexNode {
        var parser = RegexParser(pattern)
        return try parser.parseAll()
    }

    // MARK: Structure

    /// An open group (or the whole pattern, at the bottom of the stack): the alternatives
    /// finished so far and the items of the current one.
    private struct Frame {
        /// The flags outside the group, restored at its `)`.
        var outerFlags: Flags
        var branches: [RegexNode] = []
        var items: [RegexNode] = []
        /// Where the repetition operator just read began: RE2 refuses a second one right after it.
        var previousRepetition: Int? = nil

        var node: RegexNode {
            branches.isEmpty ? Self.sequence(items) : .alternation(branches + [Self.sequence(items)])
        }

        static func sequence(_ items: [RegexNode]) -> RegexNode {
            items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concatenation(items))
        }
    }

    /// Reads the whole pattern with an explicit stack of open groups, as RE2 does, so that
    /// nesting costs heap, not call stack.
    private mutating func parseAll() throws(CELError) -> RegexNode {
        var frames = [Frame(outerFlags: flags)]
        while let scalar = current {
            let start = position
            let top = frames.count - 1
            if let repetition = try scanRepetition() {
                try applyRepetition(repetition, to: &frames[top].items, after: frames[top].previousRepetition)
                frames[top].previousRepetition = start
                continue
            }
            frames[top].previousRepetition = nil
            switch scalar {
            case "|":
                position += 1
                frames[top].branches.append(Frame.sequence(frames[top].items))
                frames[top].items = []
            case ")":
                guard frames.count > 1 else { throw failure("unexpected )") }
                position += 1
                let group = frames.removeLast()
                flags = group.outerFlags
                frames[top - 1].items.append(group.node)
            case "(":
                if let groupFlags = try parseGroupOpening() {
                    guard frames.count <= Self.maximumDepth else {
                        throw failure("groups nested more than \(Self.maximumDepth) deep")
                    }
                    frames.append(Frame(outerFlags: flags))
                    flags = groupFlags
                }
            case "[":
                frames[top].items.append(.charClass(try parseBracketClass()))
            case ".":
                position += 1
                frames[top].items.append(.charClass(flags.dotMatchesNewline ? .any : RegexCharClass([0x0A...0x0A]).negated()))
            case "^":
                position += 1
                frames[top].items.append(.assertion(flags.multiLine ? .beginLine : .beginText))
            case "$":
                position += 1
                frames[top].items.append(.assertion(flags.multiLine ? .endLine : .endText))
            case "\\":
                try parseEscape(into: &frames[top].items)
            default:
                position += 1
                frames[top].items.append(literal(scalar.value))
            }
        }
        guard frames.count == 1 else { throw failure("missing )") }
        return frames[0].node
    }

    private struct Repetition {
        var min: Int
        var max: Int?
        var text: String
        var isCounted: Bool
    }

    /// Reads `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}` with an optional lazy `?`; nil when the
    /// text here is none of them (a `{` that does not form a count is a literal, as in RE2).
    private mutating func scanRepetition() throws(CELError) -> Repetition? {
        let start = position
        var repetition: Repetition
        switch current {
        case "*": repetition = Repetition(min: 0, max: nil, text: "", isCounted: false)
        case "+": repetition = Repetition(min: 1, max: nil, text: "", isCounted: false)
        case "?": repetition = Repetition(min: 0, max: 1, text: "", isCounted: false)
        case "{":
            guard let (min, max, end) = countedRepetition(at: position) else { return nil }
            repetition = Repetition(min: min, max: max, text: "", isCounted: true)
            position = end - 1
        default: return nil
        }
        position += 1
        if current == "?" { position += 1 }  // lazy: the same language, so the same answer
        repetition.text = text(from: start)
        return repetition
    }

    /// `{n}`, `{n,}`, `{n,m}` at `index` (digits without leading zeros, as RE2 reads them):
    /// the bounds and the index after `}`.
    private func countedRepetition(at index: Int) -> (Int, Int?, Int)? {
        var index = index + 1
        func integer() -> Int? {
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]), index - start < 9 { index += 1 }
            guard index > start, !(index - start > 1 && scalars[start] == "0") else { return nil }
            guard index >= scalars.count || !("0"..."9").contains(scalars[index]) else { return nil }
            return Int(String(String.UnicodeScalarView(scalars[start..<index])))
        }
        guard let min = integer(), index < scalars.count else { return nil }
        var max: Int? = min
        if scalars[index] == "," {
            index += 1
            guard index < scalars.count else { return nil }
            if scalars[index] == "}" {
                max = nil
            } else {
                guard let upper = integer() else { return nil }
                max = upper
            }
        }
        guard index < scalars.count, scalars[index] == "}" else { return nil }
        return (min, max, index + 1)
    }

    private func applyRepetition(
        _ repetition: Repetition, to items: inout [RegexNode], after previous: Int?
    ) throws(CELError) {
        if let previous {
            let stacked = text(from: previous)
            if repetition.text == "+" {
                throw failure("possessive quantifier \(stacked) is not supported")
            }
            throw failure("bad repetition operator \(stacked): quantifiers cannot follow each other")
        }
        if repetition.isCounted {
            let limit = Self.maximumRepeat
            if let max = repetition.max, max < repetition.min {
                throw failure("invalid repetition size \(repetition.text)")
            }
            if repetition.min > limit || (repetition.max ?? 0) > limit {
                throw failure("invalid repetition size \(repetition.text): the limit is \(limit)")
            }
        }
        guard let operand = items.popLast() else {
            throw failure("missing argument to repetition operator \(repetition.text)")
        }
        let node = RegexNode.repetition(operand, min: repetition.min, max: repetition.max)
        if repetition.isCounted, repetition.min >= 2 || (repetition.max ?? 0) >= 2,
           Self.repetitionBudget(node, Self.maximumRepeat) == 0 {
            throw failure("invalid repetition size \(repetition.text): nested repetitions exceed \(Self.maximumRepeat) copies")
        }
        items.append(node)
    }

    /// RE2's `RepetitionWalker`: the least budget left after dividing by the counts of the
    /// repetitions nested on any path; zero means some part would be repeated more than 1000
    /// times. Walked with an explicit stack, like everything that follows nesting here.
    private static func repetitionBudget(_ root: RegexNode, _ budget: Int) -> Int {
        var lowest = budget
        var pending = [(root, budget)]
        while let (node, budget) = pending.popLast() {
            switch node {
            case .repetition(let operand, let min, let max):
                let count = max ?? min
                let inner = count > 0 ? budget / count : budget
                lowest = Swift.min(lowest, inner)
                pending.append((operand, inner))
            case .concatenation(let items), .alternation(let items):
                pending += items.map { ($0, budget) }
            default:
                break
            }
        }
        return lowest
    }

    /// Reads the opening of `(...)`, `(?:...)`, `(?P<name>...)`, `(?<name>...)` or
    /// `(?flags:...)` and returns the flags inside the group; nil for `(?flags)`, which only
    /// changes the flags for the rest of the enclosing group.
    private mutating func parseGroupOpening() throws(CELError) -> Flags? {
        let start = position
        position += 1
        guard current == "?" else { return flags }
        try refuseUnsupportedGroup(start: start)
        if lookingAt("(?P<", from: start) || lookingAt("(?<", from: start) {
            position = start + (scalars[start + 2] == "P" ? 4 : 3)
            let nameStart = position
            while let scalar = current, scalar != ">" { position += 1 }
            guard current == ">" else { throw failure("invalid named capture group \(text(from: start))") }
            let name = text(from: nameStart)
            position += 1
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isCaptureNameScalar) else {
                throw failure("invalid named capture group \(text(from: start))")
            }
            guard captureNames.insert(name).inserted else {
                throw failure("duplicate capture group name '\(name)'")
            }
            return flags
        }

        position += 1  // '?'
        var newFlags = flags
        var negated = false
        var sawFlag = false
        while true {
            guard let scalar = current else { throw failure("missing ) in \(text(from: start))") }
            position += 1
            switch scalar {
            case "i": newFlags.foldCase = !negated
            case "m": newFlags.multiLine = !negated
            case "s": newFlags.dotMatchesNewline = !negated
            case "U": break  // ungreedy: changes which match is reported, not whether one exists
            case "-":
                guard !negated else { throw failure("invalid flag group \(text(from: start))") }
                negated = true
                sawFlag = false
                continue
            case ":", ")":
                guard !negated || sawFlag else { throw failure("invalid flag group \(text(from: start))") }
                if scalar == ":" { return newFlags }
                flags = newFlags
                return nil
            default:
                throw failure("unsupported flag or group syntax \(text(from: start)) (RE2 knows the flags i, m, s and U)")
            }
            sawFlag = true
        }
    }

    /// The Perl and PCRE group forms RE2 does not have, each refused by name.
    private func refuseUnsupportedGroup(start: Int) throws(CELError) {
        let refused: [(String, String)] = [
            ("(?=", "lookahead (?= is not supported by RE2"),
            ("(?!", "negative lookahead (?! is not supported by RE2"),
            ("(?<=", "lookbehind (?<= is not supported by RE2"),
            ("(?<!", "negative lookbehind (?<! is not supported by RE2"),
            ("(?>", "atomic group (?> is not supported by RE2"),
            ("(?P=", "backreference (?P= is not supported by RE2"),
            ("(?P>", "recursion (?P> is not supported by RE2"),
            ("(?R", "recursion (?R is not supported by RE2"),
            ("(?&", "recursion (?& is not supported by RE2"),
            ("(?#", "comment group (?# is not supported by RE2"),
            ("(?|", "branch reset group (?| is not supported by RE2"),
            ("(?(", "conditional group (?( is not supported by RE2"),
            ("(?'", "named group (?' is not supported by RE2; write (?P<name>...)"),
        ]
        for (prefix, reason) in refused where lookingAt(prefix, from: start) {
            throw failure(reason)
        }
        if let next = scalars.dropFirst(start + 2).first, ("0"..."9").contains(next) || next == "+" {
            throw failure("recursion (?\(next) is not supported by RE2")
        }
    }

    /// RE2 (like Python 3) allows letters, digits, marks and connector punctuation in names.
    private static func isCaptureNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .letterNumber, .nonspacingMark, .spacingMark, .decimalNumber, .connectorPunctuation:
            true
        default:
            false
        }
    }

    // MARK: Escapes and classes

    /// A backslash sequence outside brackets: an assertion, a class, `\Q...\E` or one scalar.
    private mutating func parseEscape(into items: inout [RegexNode]) throws(CELError) {
        guard let next = peek(1) else { throw failure("trailing \\") }
        let assertions: [Unicode.Scalar: RegexAssertion] = [
            "b": .wordBoundary, "B": .notWordBoundary, "A": .beginText, "z": .endText,
        ]
        if let assertion = assertions[next] {
            position += 2
            items.append(.assertion(assertion))
            return
        }
        switch next {
        case "Z":
            throw failure("\\Z is not supported by RE2; write \\z or $")
        case "C":
            throw failure("\\C (any byte) is not supported")
        case "Q":
            position += 2
            while current != nil, !lookingAt("\\E", from: position) {
                items.append(literal(scalars[position].value))
                position += 1
            }
            if current != nil { position += 2 }
        case "p", "P":
            items.append(.charClass(try parseUnicodeClass()))
        default:
            if let (perlClass, negated) = RegexNamedClasses.perl(next) {
                position += 2
                items.append(.charClass(group(perlClass, negated: negated)))
            } else {
                items.append(literal(try parseEscapedScalar()))
            }
        }
    }

    /// A backslash sequence standing for one scalar: `\n`, `\x41`, `\x{263a}`, `\101`, `\.` ...
    private mutating func parseEscapedScalar() throws(CELError) -> UInt32 {
        let start = position
        position += 1
        guard let escaped = current else { throw failure("trailing \\") }
        position += 1
        func bad() -> CELError { failure("invalid escape sequence \(text(from: start))") }
        switch escaped {
        case "1"..."9":
            // RE2 reads \1 to \7 followed by another octal digit as octal; alone they are backreferences.
            guard escaped <= "7", let next = current, ("0"..."7").contains(next) else {
                throw failure("backreference \(text(from: start)) is not supported by RE2")
            }
            return octal(startingWith: escaped)
        case "0":
            return octal(startingWith: escaped)
        case "x":
            guard let first = current else { throw bad() }
            position += 1
            if first == "{" {
                var value: UInt32 = 0
                var digits = 0
                while let scalar = current, let digit = Self.hexValue(scalar) {
                    value = value * 16 + digit
                    digits += 1
                    position += 1
                    guard value <= RegexCharClass.maxScalar else { throw bad() }
                }
                guard digits > 0, current == "}" else {
                    if current != nil { position += 1 }
                    throw bad()
                }
                position += 1
                return value
            }
            guard let high = Self.hexValue(first), let second = current else { throw bad() }
            position += 1
            guard let low = Self.hexValue(second) else { throw bad() }
            return high * 16 + low
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "a": return 0x07
        case "f": return 0x0C
        case "v": return 0x0B
        case "k", "g":
            throw failure("backreference \(text(from: start)) is not supported by RE2")
        default:
            // Escaped ASCII punctuation stands for itself; RE2 refuses every other letter or digit.
            let isAlphanumeric = escaped.properties.isAlphabetic || ("0"..."9").contains(escaped)
            guard escaped.isASCII, !isAlphanumeric else { throw bad() }
            return escaped.value
        }
    }

    /// Up to three octal digits in all, the first already read.
    private mutating func octal(startingWith first: Unicode.Scalar) -> UInt32 {
        var value = first.value - 48
        for _ in 0..<2 {
            guard let scalar = current, ("0"..."7").contains(scalar) else { break }
            value = value * 8 + scalar.value - 48
            position += 1
        }
        return value
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f": scalar.value - 87
        case "A"..."F": scalar.value - 55
        default: nil
        }
    }

    /// `[...]` or `[^...]`: ranges, single scalars, `[:name:]`, `\d`-style and `\p` classes.
    private mutating func parseBracketClass() throws(CELError) -> RegexCharClass {
        let start = position
        position += 1
        let negated = current == "^"
        if negated { position += 1 }
        var result = RegexCharClass()
        var isFirst = true  // a ']' right after '[' or '[^' is a literal
        while let scalar = current, scalar != "]" || isFirst {
            isFirst = false
            if scalar == "[", peek(1) == ":", let posix = try parsePosixClass() {
                result = result.union(posix)
                continue
            }
            if scalar == "\\", let next = peek(1) {
                if next == "p" || next == "P" {
                    result = result.union(try parseUnicodeClass())
                    continue
                }
                if let (perlClass, negatedClass) = RegexNamedClasses.perl(next) {
                    position += 2
                    result = result.union(group(perlClass, negated: negatedClass))
                    continue
                }
            }
            let rangeStart = position
            let low = try parseClassScalar(classStart: start)
            var high = low
            if current == "-", let next = peek(1), next != "]" {
                position += 1
                high = try parseClassScalar(classStart: start)
                guard low <= high else { throw failure("invalid character class range \(text(from: rangeStart))") }
            }
            let range = RegexCharClass([low...high])
            result = result.union(flags.foldCase ? range.caseFolded() : range)
        }
        guard current == "]" else { throw failure("missing ] in \(text(from: start))") }
        position += 1
        return negated ? result.negated() : result
    }

    private mutating func parseClassScalar(classStart: Int) throws(CELError) -> UInt32 {
        guard let scalar = current else { throw failure("missing ] in \(text(from: classStart))") }
        if scalar == "\\" { return try parseEscapedScalar() }
        position += 1
        return scalar.value
    }

    /// `[:alpha:]` or `[:^alpha:]` inside brackets; nil when no `:]` follows (then `[` is a literal).
    private mutating func parsePosixClass() throws(CELError) -> RegexCharClass? {
        let start = position
        var end = position + 2
        while end + 1 < scalars.count, !(scalars[end] == ":" && scalars[end + 1] == "]") { end += 1 }
        guard end + 1 < scalars.count else { return nil }
        position = end + 2
        var name = text(from: start + 2).dropLast(2)
        let negated = name.hasPrefix("^")
        if negated { name = name.dropFirst() }
        guard let ranges = RegexNamedClasses.posix[String(name)] else {
            throw failure("invalid character class \(text(from: start))")
        }
        return group(RegexCharClass(ranges), negated: negated)
    }

    /// `\pL`, `\p{Lu}`, `\p{^L}`, `\PL`, `\p{Any}`.
    private mutating func parseUnicodeClass() throws(CELError) -> RegexCharClass {
        let start = position
        var negated = peek(1) == "P"
        position += 2
        guard let first = current else { throw failure("invalid character class \(text(from: start))") }
        var name: String
        if first == "{" {
            guard let close = scalars[position...].firstIndex(of: "}") else {
                position = scalars.count
                throw failure("missing } in \(text(from: start))")
            }
            name = String(String.UnicodeScalarView(scalars[(position + 1)..<close]))
            position = close + 1
        } else {
            name = String(first)
            position += 1
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        guard let named = RegexNamedClasses.unicode(name) else {
            throw failure("unsupported unicode class \(text(from: start)): only general categories (such as L, Lu, N, Nd, P, S, Z) and Any are supported")
        }
        return group(named, negated: negated)
    }

    /// A named class as RE2's `AddUGroup` adds it: folded under `(?i)`, then negated if asked.
    private func group(_ named: RegexCharClass, negated: Bool) -> RegexCharClass {
        let folded = flags.foldCase ? named.caseFolded() : named
        return negated ? folded.negated() : folded
    }

    /// One scalar; under `(?i)` the class of its case variants.
    private func literal(_ value: UInt32) -> RegexNode {
        guard flags.foldCase else { return .scalar(value) }
        let orbit = RegexCaseFolding.orbit(of: value)
        return orbit.count == 1 ? .scalar(value) : .charClass(RegexCharClass(orbit.map { $0...$0 }))
    }

    // MARK: Reading

    private var current: Unicode.Scalar? { peek(0) }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private func lookingAt(_ prefix: String, from index: Int) -> Bool {
        let wanted = Array(prefix.unicodeScalars)
        return index + wanted.count <= scalars.count && Array(scalars[index..<(index + wanted.count)]) == wanted
    }

    private func text(from start: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<position]))
    }

    private func failure(_ reason: String) -> CELError {
        CELError("invalid regular expression '\(pattern)': \(reason)")
    }
}
