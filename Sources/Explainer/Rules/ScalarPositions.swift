import Diagnostics
import Yams

/// Where each character of a YAML scalar's value stands in its file, so that a
/// problem found inside the value (a CEL error, a snapshot error) is reported at
/// its real line and column, whatever the scalar's style: plain, 'single' or
/// "double" quoted (escapes and folded lines included), literal `|` or folded `>`.
struct ScalarPositions: Sendable {
    /// The location of each Unicode scalar of the value, plus one past the end.
    private let positions: [SourceLocation]

    /// Maps `scalar`, a node of the YAML text `file`.
    init(_ scalar: Node.Scalar, in file: SourceFile) {
        let value = Array(scalar.string.unicodeScalars)
        let start = SourceLocation(file: file.name, line: scalar.mark?.line ?? 1, column: scalar.mark?.column ?? 1)
        let stream = SourceStream(scalar.style, at: start, in: file)
        positions = Self.match(value, stream.characters, style: scalar.style, fallback: start)
    }

    /// The location of the value's Unicode scalar at `index` (clamped to the value).
    func location(ofScalar index: Int) -> SourceLocation {
        positions[max(0, min(index, positions.count - 1))]
    }

    /// The file location of `location`, a 1-based place in a piece of the value that
    /// starts at Unicode scalar `start` of the value (an expression inside `{{ }}`,
    /// a snapshot written inline).
    func location(of location: SourceLocation, inPieceAt start: Int, piece: String) -> SourceLocation {
        var line = 1
        var index = 0
        for character in piece.unicodeScalars where line < location.line {
            index += 1
            if character == "\n" { line += 1 }
        }
        return self.location(ofScalar: start + index + location.column - 1)
    }

    /// Walks the value and the source side by side; where they differ (an escape, a
    /// folded line break, indentation) the source is skipped ahead.
    private static func match(
        _ value: [Unicode.Scalar], _ source: [(Unicode.Scalar, SourceLocation)],
        style: Node.Scalar.Style, fallback: SourceLocation
    ) -> [SourceLocation] {
        var result: [SourceLocation] = []
        result.reserveCapacity(value.count + 1)
        var s = 0
        func at(_ i: Int) -> Unicode.Scalar? { i < source.count ? source[i].0 : nil }
        func place(_ i: Int) -> SourceLocation {
            if i < source.count { return source[i].1 }
            guard let last = source.last?.1 else { return fallback }
            return SourceLocation(file: last.file, line: last.line, column: last.column + 1)
        }
        for character in value {
            // Skip source whitespace that folding or indentation removed from the value.
            while let c = at(s), c != character, Self.isBlank(c), !Self.isBlank(character) { s += 1 }
            result.append(place(s))
            guard let c = at(s) else { continue }
            if style == .doubleQuoted, c == "\\" {
                s += Self.escapeLength(at: s, in: source)
            } else if style == .singleQuoted, character == "'", c == "'", at(s + 1) == "'" {
                s += 2
            } else if c == character {
                s += 1
            } else if Self.isBlank(character) {
                while let c = at(s), Self.isBlank(c) { s += 1 }
            } else {
                s += 1
            }
        }
        result.append(place(s))
        return result
    }

    private static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" }

    /// The length of the escape sequence starting with the backslash at `i`.
    private static func escapeLength(at i: Int, in source: [(Unicode.Scalar, SourceLocation)]) -> Int {
        guard i + 1 < source.count else { return 1 }
        switch source[i + 1].0 {
        case "x": return 4
        case "u": return 6
        case "U": return 10
        default: return 2
        }
    }
}

/// The source characters a scalar's value is made of, with their locations:
/// for flow scalars the text from the scalar's first character on, for block
/// scalars the content lines with their indentation removed.
private struct SourceStream {
    var characters: [(Unicode.Scalar, SourceLocation)] = []

    init(_ style: Node.Scalar.Style, at start: SourceLocation, in file: SourceFile) {
        switch style {
        case .literal, .folded:
            blockContent(after: start.line, in: file)
        default:
            flowText(from: start, quoted: style == .singleQuoted || style == .doubleQuoted, in: file)
        }
    }

    private mutating func flowText(from start: SourceLocation, quoted: Bool, in file: SourceFile) {
        var column = start.column
        let first = Array(file.lineText(start.line).unicodeScalars)
        // Skip node properties (`&anchor`, `!tag`) written before the value.
        while column - 1 < first.count, first[column - 1] == "&" || first[column - 1] == "!" {
            while column - 1 < first.count, first[column - 1] != " " { column += 1 }
            while column - 1 < first.count, first[column - 1] == " " { column += 1 }
        }
        if quoted { column += 1 }
        for line in start.line...max(start.line, file.lineCount) {
            let text = Array(file.lineText(line).unicodeScalars)
            let from = line == start.line ? column - 1 : 0
            for index in from..<max(from, text.count) {
                characters.append((text[index], SourceLocation(file: file.name, line: line, column: index + 1)))
            }
            characters.append(("\n", SourceLocation(file: file.name, line: line, column: text.count + 1)))
        }
    }

    private mutating func blockContent(after header: Int, in file: SourceFile) {
        guard header < file.lineCount else { return }
        let lines = (header + 1...file.lineCount).map { Array(file.lineText($0).unicodeScalars) }
        let indent = lines.first { $0.contains { $0 != " " } }.map { $0.prefix { $0 == " " }.count } ?? 0
        for (offset, text) in lines.enumerated() {
            let line = header + 1 + offset
            let leading = min(indent, text.prefix { $0 == " " }.count)
            for index in leading..<max(leading, text.count) {
                characters.append((text[index], SourceLocation(file: file.name, line: line, column: index + 1)))
            }
            characters.append(("\n", SourceLocation(file: file.name, line: line, column: text.count + 1)))
        }
    }
}
