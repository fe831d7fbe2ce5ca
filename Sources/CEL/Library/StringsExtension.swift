/// The strings extension (cel-go's `ext.Strings()`; `format` as in its version 4): index-based functions count Unicode
/// code points, as `size` does, and compare code points without normalisation. Out-of-range indexes
/// are evaluation errors naming the index and the string's length.
enum StringsExtension {
    static let signatures: [String: [Signature]] = {
        let string = CELType.string, int = CELType.int
        return [
            "charAt": [Signature("string_char_at_int", receiver: true, [string, int], string)],
            "indexOf": [
                Signature("string_index_of_string", receiver: true, [string, string], int),
                Signature("string_index_of_string_int", receiver: true, [string, string, int], int),
            ],
            "lastIndexOf": [
                Signature("string_last_index_of_string", receiver: true, [string, string], int),
                Signature("string_last_index_of_string_int", receiver: true, [string, string, int], int),
            ],
            "lowerAscii": [Signature("string_lower_ascii", receiver: true, [string], string)],
            "upperAscii": [Signature("string_upper_ascii", receiver: true, [string], string)],
            "replace": [
                Signature("string_replace_string_string", receiver: true, [string, string, string], string),
                Signature("string_replace_string_string_int", receiver: true, [string, string, string, int], string),
            ],
            "split": [
                Signature("string_split_string", receiver: true, [string, string], .list(string)),
                Signature("string_split_string_int", receiver: true, [string, string, int], .list(string)),
            ],
            "substring": [
                Signature("string_substring_int", receiver: true, [string, int], string),
                Signature("string_substring_int_int", receiver: true, [string, int, int], string),
            ],
            "trim": [Signature("string_trim", receiver: true, [string], string)],
            "reverse": [Signature("string_reverse", receiver: true, [string], string)],
            "join": [
                Signature("list_join", receiver: true, [.list(string)], string),
                Signature("list_join_string", receiver: true, [.list(string), string], string),
            ],
            "strings.quote": [Signature("strings_quote", [string], string)],
            "format": [Signature("string_format", receiver: true, [string, .list(.dyn)], string)],
        ]
    }()

    static func implementation(of name: String, arity: Int) -> StandardLibrary.Implementation? {
        switch (name, arity) {
        case ("charAt", 2): .binary(charAt)
        case ("indexOf", 2): .binary { text, part throws(OperationFailure) in try indexOf([text, part]) }
        case ("indexOf", 3): .variadic(indexOf)
        case ("lastIndexOf", 2): .binary { text, part throws(OperationFailure) in try lastIndexOf([text, part]) }
        case ("lastIndexOf", 3): .variadic(lastIndexOf)
        case ("lowerAscii", 1): .unary { text throws(OperationFailure) in try mapASCII(text, name, from: "A", to: "a") }
        case ("upperAscii", 1): .unary { text throws(OperationFailure) in try mapASCII(text, name, from: "a", to: "A") }
        case ("replace", 3), ("replace", 4): .variadic(replace)
        case ("split", 2): .binary { text, separator throws(OperationFailure) in try split([text, separator]) }
        case ("split", 3): .variadic(split)
        case ("substring", 2): .binary { text, start throws(OperationFailure) in try substring([text, start]) }
        case ("substring", 3): .variadic(substring)
        case ("trim", 1): .unary(trim)
        case ("reverse", 1): .unary(reverse)
        case ("join", 1): .unary { list throws(OperationFailure) in try join([list]) }
        case ("join", 2): .variadic(join)
        case ("strings.quote", 1): .unary(quote)
        case ("format", 2): .binary { text, arguments throws(OperationFailure) in try format(text, arguments, parsed: nil) }
        default: nil
        }
    }

    // MARK: indexes

    static func charAt(_ text: CELValue, _ index: CELValue) throws(OperationFailure) -> CELValue {
        guard case .string(let string) = text, case .int(let position) = index else {
            throw .noOverload("charAt", text, index)
        }
        let scalars = Array(string.unicodeScalars)
        let at = try checkedIndex(position, in: scalars)
        // cel-go answers "" for the index just past the end, as substring(n, n + 1) would not.
        return .string(at == scalars.count ? "" : String(scalars[at]))
    }

    /// `s.indexOf(part)`, `s.indexOf(part, from)`: the first code point index at or after `from`
    /// where `part` starts, or -1. An empty `part` is found at `from` (at most the length).
    static func indexOf(_ arguments: [CELValue]) throws(OperationFailure) -> CELValue {
        let (scalars, part, from) = try search("indexOf", arguments)
        let start = try checkedIndex(from ?? 0, in: scalars, allowingBeyondEnd: true)
        if part.isEmpty { return .int(Int64(min(start, scalars.count))) }
        guard start < scalars.count, part.count <= scalars.count else { return .int(-1) }
        for position in stride(from: start, through: scalars.count - part.count, by: 1)
        where scalars[position..<position + part.count].elementsEqual(part) {
            return .int(Int64(position))
        }
        return .int(-1)
    }

    /// `s.lastIndexOf(part)`, `s.lastIndexOf(part, from)`: the last code point index at or before
    /// `from` where `part` starts, or -1. As in cel-go, a `from` at or past the end finds nothing
    /// unless `part` is empty.
    static func lastIndexOf(_ arguments: [CELValue]) throws(OperationFailure) -> CELValue {
        let (scalars, part, from) = try search("lastIndexOf", arguments)
        guard let from else {
            if part.isEmpty { return .int(Int64(scalars.count)) }
            return try lastIndexOf(scalars, part, from: scalars.count - 1)
        }
        let start = try checkedIndex(from, in: scalars, allowingBeyondEnd: true)
        if part.isEmpty { return .int(Int64(min(start, scalars.count))) }
        guard start < scalars.count else { return .int(-1) }
        return try lastIndexOf(scalars, part, from: start)
    }

    private static func lastIndexOf(_ scalars: [Unicode.Scalar], _ part: [Unicode.Scalar], from start: Int) throws(OperationFailure) -> CELValue {
        guard part.count <= scalars.count else { return .int(-1) }
        for position in stride(from: min(start, scalars.count - part.count), through: 0, by: -1)
        where scalars[position..<position + part.count].elementsEqual(part) {
            return .int(Int64(position))
        }
        return .int(-1)
    }

    /// The receiver and the searched string as code points, and the optional start index.
    private static func search(_ function: String, _ arguments: [CELValue]) throws(OperationFailure) -> ([Unicode.Scalar], [Unicode.Scalar], Int64?) {
        switch (arguments[0], arguments[1], arguments.count == 3 ? arguments[2] : nil) {
        case (.string(let text), .string(let part), nil): return (Array(text.unicodeScalars), Array(part.unicodeScalars), nil)
        case (.string(let text), .string(let part), .int(let from)?): return (Array(text.unicodeScalars), Array(part.unicodeScalars), from)
        default: throw .noOverload(function, arguments: arguments)
        }
    }

    /// `s.substring(start)`, `s.substring(start, end)`: the code points from `start` up to `end` (excluded).
    static func substring(_ arguments: [CELValue]) throws(OperationFailure) -> CELValue {
        let scalars: [Unicode.Scalar], start: Int64, end: Int64?
        switch (arguments[0], arguments[1], arguments.count == 3 ? arguments[2] : nil) {
        case (.string(let text), .int(let from), nil): (scalars, start, end) = (Array(text.unicodeScalars), from, nil)
        case (.string(let text), .int(let from), .int(let to)?): (scalars, start, end) = (Array(text.unicodeScalars), from, to)
        default: throw .noOverload("substring", arguments: arguments)
        }
        if let end, start > end {
            throw OperationFailure("invalid substring range: start \(start) is after end \(end)")
        }
        let lower = try checkedIndex(start, in: scalars)
        var upper = scalars.count
        if let end { upper = try checkedIndex(end, in: scalars) }
        return .string(string(scalars[lower..<upper]))
    }

    /// An index into a string's code points, valid from 0 to the length (the end itself included);
    /// past it, either an error or, for searches, kept for the caller to clamp.
    private static func checkedIndex(_ index: Int64, in scalars: [Unicode.Scalar], allowingBeyondEnd: Bool = false) throws(OperationFailure) -> Int {
        guard index >= 0, allowingBeyondEnd || index <= scalars.count else {
            let unit = scalars.count == 1 ? "code point" : "code points"
            throw OperationFailure("index out of range: \(index) (the string has \(scalars.count) \(unit))")
        }
        return Int(clamping: index)
    }

    // MARK: transformations

    /// `lowerAscii` and `upperAscii`: only the 26 ASCII letters change, so the result never depends on a locale.
    private static func mapASCII(_ text: CELValue, _ function: String, from first: Unicode.Scalar, to target: Unicode.Scalar) throws(OperationFailure) -> CELValue {
        guard case .string(let string) = text else { throw .noOverload(function, text) }
        let lowest = UInt8(first.value), shift = Int(target.value) - Int(first.value)
        var bytes = Array(string.utf8)
        for index in bytes.indices where bytes[index] &- lowest < 26 {
            bytes[index] = UInt8(Int(bytes[index]) + shift)
        }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    /// `s.replace(old, new)`, `s.replace(old, new, n)`: the first `n` occurrences (all when `n` is negative),
    /// left to right; an empty `old` matches before every code point and at the end, as in Go.
    static func replace(_ arguments: [CELValue]) throws(OperationFailure) -> CELValue {
        let text: String, old: String, new: String, limit: Int64
        switch (arguments[0], arguments[1], arguments[2], arguments.count == 4 ? arguments[3] : nil) {
        case (.string(let a), .string(let b), .string(let c), nil): (text, old, new, limit) = (a, b, c, -1)
        case (.string(let a), .string(let b), .string(let c), .int(let n)?): (text, old, new, limit) = (a, b, c, n)
        default: throw .noOverload("replace", arguments: arguments)
        }
        let pieces = pieces(of: text, separatedBy: old, limit: limit < 0 ? -1 : limit == Int64.max ? limit : limit + 1)
        // One call can multiply its input (each of n occurrences replaced by a long text):
        // its size is known before it is built, and refused past `largestResult`.
        let size = pieces.reduce(0) { $0 + $1.utf8.count } + (pieces.count - 1) * new.utf8.count
        guard size <= largestResult else {
            throw OperationFailure("replace would build a string of \(size) bytes, more than the \(largestResult) a string may hold")
        }
        return .string(pieces.joined(separator: new))
    }

    /// The largest string `replace` builds (64 MiB): the cost limit stops values that grow
    /// step by step, but one replace could make a string far larger than its inputs at once.
    static let largestResult = 1 << 26

    /// `s.split(separator)`, `s.split(separator, n)`: at most `n` pieces (all when negative, none when 0),
    /// the last holding the rest; an empty separator splits into code points, as Go's `strings.SplitN`.
    static func split(_ arguments: [CELValue]) throws(OperationFailure) -> CELValue {
        let text: String, separator: String, limit: Int64
        switch (arguments[0], arguments[1], arguments.count == 3 ? arguments[2] : nil) {
        case (.string(let a), .string(let b), nil): (text, separator, limit) = (a, b, -1)
        case (.string(let a), .string(let b), .int(let n)?): (text, separator, limit) = (a, b, n)
        default: throw .noOverload("split", arguments: arguments)
        }
        if limit == 0 { return .list([]) }
        if separator.isEmpty {
            // Go explodes into code points: no leading or trailing empty piece, nothing for "".
            let scalars = Array(text.unicodeScalars)
            let count = limit < 0 ? scalars.count : min(scalars.count, Int(clamping: limit))
            guard count > 0 else { return .list([]) }
            var parts = scalars.prefix(count - 1).map { CELValue.string(String($0)) }
            parts.append(.string(string(scalars[(count - 1)...])))
            return .list(parts)
        }
        return .list(pieces(of: text, separatedBy: separator, limit: limit).map(CELValue.string))
    }

    /// The text between occurrences of `separator`, at most `limit` pieces (no limit when negative).
    /// For an empty separator, the pieces around every code point boundary, both ends included
    /// (what `replace` needs).
    private static func pieces(of text: String, separatedBy separator: String, limit: Int64) -> [String] {
        let bytes = Array(text.utf8), needle = Array(separator.utf8)
        var result: [String] = []
        var start = 0, position = 0
        while limit < 0 || result.count < limit - 1 {
            if needle.isEmpty {
                // Boundaries are before each code point's first byte and at the very end.
                guard position <= bytes.count else { break }
                result.append(String(decoding: bytes[start..<position], as: UTF8.self))
                start = position
                position += 1
                while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
                continue
            }
            guard position + needle.count <= bytes.count else { break }
            if bytes[position..<position + needle.count].elementsEqual(needle) {
                result.append(String(decoding: bytes[start..<position], as: UTF8.self))
                position += needle.count
                start = position
            } else {
                position += 1
            }
        }
        result.append(String(decoding: bytes[start...], as: UTF8.self))
        return result
    }

    /// Removes leading and trailing Unicode white space (the `White_Space` property, as Go's `unicode.IsSpace`).
    static func trim(_ text: CELValue) throws(OperationFailure) -> CELValue {
        guard case .string(let string) = text else { throw .noOverload("trim", text) }
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return .string("") }
        return .string(String(scalars[first...last]))
    }

    /// The code points in reverse order.
    static func reverse(_ text: CELValue) throws(OperationFailure) -> CELValue {
        guard case .string(let string) = text else { throw .noOverload("reverse", text) }
        return .string(self.string(string.unicodeScalars.reversed()))
    }

    /// `list.join()`, `list.join(separator)`: the strings of a list, with the separator between them.
    static func join(_ arguments: [CELValue]) throws(OperationFailure) -> CELValue {
        let elements: [CELValue], separator: String
        switch (arguments[0], arguments.count == 2 ? arguments[1] : nil) {
        case (.list(let list), nil): (elements, separator) = (list, "")
        case (.list(let list), .string(let between)?): (elements, separator) = (list, between)
        default: throw .noOverload("join", arguments: arguments)
        }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let string) = element else {
                throw OperationFailure("join() needs a list of strings; element \(index) is \(element) of type \(element.type.typeValueName)")
            }
            strings.append(string)
        }
        return .string(strings.joined(separator: separator))
    }

    /// `s.format(list)`: `s` with each `%` clause replaced by the next element of the list. A constant
    /// `s` is parsed once, when the program is planned (`parsed`).
    static func format(_ text: CELValue, _ arguments: CELValue, parsed: StringFormat?) throws(OperationFailure) -> CELValue {
        guard case .string(let string) = text, case .list(let values) = arguments else {
            throw .noOverload("format", text, arguments)
        }
        let format: StringFormat
        if let parsed { format = parsed } else { format = try StringFormat(string) }
        return .string(try format.apply(to: values))
    }

    /// `strings.quote(s)`: `s` as a double-quoted CEL string literal, with `\a \b \f \n \r \t \v \\ \"` escaped.
    static func quote(_ text: CELValue) throws(OperationFailure) -> CELValue {
        guard case .string(let string) = text else { throw .noOverload("strings.quote", text) }
        return .string(CELValue.quote(string) { quoteEscapes[$0] })
    }

    private static let quoteEscapes: [Unicode.Scalar: String] = [
        "\u{07}": "\\a", "\u{08}": "\\b", "\u{0C}": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u{0B}": "\\v",
        "\\": "\\\\", "\"": "\\\"",
    ]

    private static func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
