import Foundation

/// A `format` string of the strings extension (cel-go's `ext.Strings()` format, as in its version 4
/// and later: no locale), parsed once: literal text and clauses (`%s %d %f %e %b %x %X %o`, with an
/// optional precision for `%f` and `%e`, and `%%` for a percent sign), each taking the next argument.
struct StringFormat: Sendable {
    enum Clause: Sendable {
        case string, decimal, fixed(Int), scientific(Int), binary, hex(uppercase: Bool), octal
    }

    enum Piece: Sendable {
        case text(String)
        case clause(Clause, written: String)
    }

    /// Precision beyond this is refused, as cel-go does, rather than building huge strings.
    static let maximumPrecision = 100
    static let defaultPrecision = 6

    let pieces: [Piece]

    /// How many arguments the clauses take.
    var clauseCount: Int {
        pieces.count { if case .clause = $0 { true } else { false } }
    }

    init(_ format: String) throws(OperationFailure) {
        var pieces: [Piece] = []
        var text = ""
        var scalars = format.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "%" else {
                text.unicodeScalars.append(scalar)
                continue
            }
            if scalars.first == "%" {
                scalars.removeFirst()
                text += "%"
                continue
            }
            if !text.isEmpty { pieces.append(.text(text)) }
            text = ""
            pieces.append(try StringFormat.clause(&scalars, number: pieces.count { if case .clause = $0 { true } else { false } } + 1))
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    /// The clause after a `%`: an optional `.precision`, then its letter.
    private static func clause(_ scalars: inout Substring.UnicodeScalarView, number: Int) throws(OperationFailure) -> Piece {
        var written = "%"
        var precision = defaultPrecision
        if scalars.first == "." {
            written += String(scalars.removeFirst())
            var digits = ""
            while let digit = scalars.first, ("0"..."9").contains(digit) {
                digits.unicodeScalars.append(scalars.removeFirst())
            }
            written += digits
            guard let value = Int(digits) else {
                throw OperationFailure("format clause \(number) ('\(written)') needs digits after the '.'")
            }
            guard value <= maximumPrecision else {
                throw OperationFailure("format clause \(number) ('\(written)'): precision \(value) is more than \(maximumPrecision)")
            }
            precision = value
        }
        guard let letter = scalars.popFirst() else {
            throw OperationFailure("format string ends inside clause \(number) ('\(written)')")
        }
        written.unicodeScalars.append(letter)
        let clause: Clause
        switch letter {
        case "s": clause = .string
        case "d": clause = .decimal
        case "f": clause = .fixed(precision)
        case "e": clause = .scientific(precision)
        case "b": clause = .binary
        case "x", "X": clause = .hex(uppercase: letter == "X")
        case "o": clause = .octal
        default:
            throw OperationFailure("unknown format clause '\(written)' (use %s, %d, %f, %e, %b, %x, %X, %o, or %% for '%')")
        }
        return .clause(clause, written: written)
    }

    /// The text with each clause replaced by its argument; extra arguments are ignored, as in cel-go.
    func apply(to arguments: [CELValue]) throws(OperationFailure) -> String {
        var result = ""
        var next = 0
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .clause(let clause, let written):
                guard next < arguments.count else {
                    let given = arguments.count == 1 ? "1 argument is" : "\(arguments.count) arguments are"
                    throw OperationFailure("format clause \(next + 1) ('\(written)') has no argument: \(given) given")
                }
                result += try StringFormat.format(arguments[next], clause, written: written)
                next += 1
            }
        }
        return result
    }

    private static func format(_ value: CELValue, _ clause: Clause, written: String) throws(OperationFailure) -> String {
        let formatted: String?
        switch (clause, value) {
        case (.string, _): formatted = text(of: value)
        case (.decimal, .int(let number)): formatted = String(number)
        case (.decimal, .uint(let number)): formatted = String(number)
        case (.decimal, .double(let number)): formatted = shortest(number)
        case (.fixed(let precision), _): formatted = floating(value).map { special($0) ?? String(format: "%.\(precision)f", $0) }
        case (.scientific(let precision), _): formatted = floating(value).map { special($0) ?? String(format: "%.\(precision)e", $0) }
        case (.binary, .bool(let flag)): formatted = flag ? "1" : "0"
        case (.binary, _): formatted = integer(value, radix: 2, uppercase: false)
        case (.octal, _): formatted = integer(value, radix: 8, uppercase: false)
        case (.hex(let uppercase), .string(let string)): formatted = hex(Array(string.utf8), uppercase: uppercase)
        case (.hex(let uppercase), .bytes(let bytes)): formatted = hex(bytes, uppercase: uppercase)
        case (.hex(let uppercase), _): formatted = integer(value, radix: 16, uppercase: uppercase)
        default: formatted = nil
        }
        guard let formatted else {
            throw OperationFailure("format clause '\(written)' cannot format \(value) of type \(value.type.typeValueName)")
        }
        return formatted
    }

    /// What `%s` shows: strings and bytes as they are, numbers without suffixes, lists and maps
    /// (keys sorted) with their elements shown the same way; nil for a record.
    private static func text(of value: CELValue) -> String? {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        case .double(let number): return shortest(number)
        case .string(let string): return string
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .timestamp(let time): return time.celString
        case .duration(let span): return span.celString
        case .type(let type): return type.typeValueName
        case .object: return nil
        case .list(let elements):
            var parts: [String] = []
            for element in elements {
                guard let part = text(of: element) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map(let map):
            var entries: [(key: String, value: String)] = []
            for (key, entry) in map.pairs {
                guard let keyText = text(of: key), let valueText = text(of: entry) else { return nil }
                entries.append((keyText, valueText))
            }
            entries.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    private static func floating(_ value: CELValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .uint(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    private static func special(_ number: Double) -> String? {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return nil
    }

    private static func integer(_ value: CELValue, radix: Int, uppercase: Bool) -> String? {
        switch value {
        case .int(let number): String(number, radix: radix, uppercase: uppercase)
        case .uint(let number): String(number, radix: radix, uppercase: uppercase)
        default: nil
        }
    }

    private static func hex(_ bytes: [UInt8], uppercase: Bool) -> String {
        bytes.map { String(format: uppercase ? "%02X" : "%02x", $0) }.joined()
    }

    /// The shortest digits that read back as the same double, never in exponent form: `1e21` is
    /// `1000000000000000000000`, `1.0` is `1`, `1e-7` is `0.0000001` (Go's `FormatFloat(x, 'f', -1, 64)`).
    static func shortest(_ number: Double) -> String {
        if let special = special(number) { return special }
        let description = "\(Swift.abs(number))"
        let sign = number.sign == .minus ? "-" : ""
        let parts = description.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1)
        let whole = String(mantissa[0])
        var fraction = mantissa.count == 2 ? String(mantissa[1]) : ""
        if fraction == "0" { fraction = "" }
        // The decimal point sits after `whole.count + exponent` of these digits.
        var digits = whole + fraction
        var point = whole.count + exponent
        while digits.count > 1, digits.first == "0", point > 1 { digits.removeFirst(); point -= 1 }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<split] + "." + digits[split...]
    }
}
