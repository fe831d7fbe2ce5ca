import CEL
import Diagnostics

/// A sentence with `{{ CEL }}` holes, parsed and compiled once; rendered per
/// cause or finding with the values written as a person reads them.
struct MessageTemplate: Sendable {
    enum Piece: Sendable {
        case text(String)
        case hole(RuleExpression)
    }

    /// The expressions of its holes, in order.
    var expressions: [RuleExpression] {
        pieces.compactMap { piece in
            if case .hole(let expression) = piece { return expression }
            return nil
        }
    }

    let pieces: [Piece]

    /// The holes of `text` as (start, end) Unicode scalar offsets of the expression
    /// between the braces, or the offset of an unclosed `{{`.
    static func holes(in text: String) -> (holes: [(text: String, start: Int)], literals: [String], unclosedAt: Int?) {
        let scalars = Array(text.unicodeScalars)
        var holes: [(String, Int)] = []
        var literals: [String] = []
        var literal = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" {
                let start = index + 2
                var end = start
                while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}") { end += 1 }
                guard end + 1 < scalars.count else { return (holes, literals, index) }
                literals.append(String(literal))
                literal = String.UnicodeScalarView()
                holes.append((String(String.UnicodeScalarView(scalars[start..<end])), start))
                index = end + 2
            } else {
                literal.append(scalars[index])
                index += 1
            }
        }
        literals.append(String(literal))
        return (holes, literals, nil)
    }

    /// The text with every hole filled in from `bindings`, as one line with single spaces:
    /// a more-indented line of a `>-` block keeps its newline in YAML, and an empty hole
    /// leaves two spaces side by side; neither is meant to show.
    func render(_ bindings: [String: CELValue]) throws(CELError) -> String {
        var budget = CELBudget(total: .max)
        return try render(bindings, budget: &budget)
    }

    /// Renders within what is left of a question's budget.
    func render(_ bindings: [String: CELValue], budget: inout CELBudget) throws(CELError) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .hole(let expression):
                result += Self.text(of: try expression.evaluate(bindings, budget: &budget))
            }
        }
        return Self.collapsingWhitespace(result)
    }

    /// Runs of spaces, tabs and newlines as one space, none at either end. ASCII text
    /// (nearly every message) is collapsed byte by byte; splitting a string into
    /// characters was a tenth of explaining a log with a thousand findings.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        let ascii: String? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                // ASCII's newlines, as Character.isNewline has them: LF, VT, FF, CR.
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || (0x0A...0x0D).contains(byte) {
                    pendingSpace = !collapsed.isEmpty
                    continue
                }
                if pendingSpace { collapsed.append(UInt8(ascii: " ")) }
                pendingSpace = false
                collapsed.append(byte)
            }
            return String(decoding: collapsed, as: UTF8.self)
        }
        return ascii ?? text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " ")
    }

    /// A value as a person reads it: times in the display zone, lists joined.
    static func text(of value: CELValue) -> String {
        switch value {
        case .null: ""
        case .bool(let b): b ? "yes" : "no"
        case .int(let n): "\(n)"
        case .uint(let n): "\(n)"
        case .double(let d): d == d.rounded() && abs(d) < 1e15 ? "\(Int64(d))" : "\(d)"
        case .string(let s): s
        case .bytes(let b): String(decoding: b, as: UTF8.self)
        case .list(let items): items.map(text(of:)).joined(separator: ", ")
        case .timestamp(let t): DisplayTime.format.dateTime(t.date)
        default: value.description
        }
    }
}
