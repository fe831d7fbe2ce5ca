import Diagnostics

/// Reads JSON text into a `Document`. Hand-written over UTF-8 bytes because a
/// 100,000-entry snapshot must load well under a second, which a general YAML
/// parser cannot do; positions are tracked as it goes, and strings without
/// escapes stay slices of the text.
struct JSONDocument {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let source: SourceFile
    private var document: Document
    private var position = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes seen so far, and at the start of the current line,
    /// so that a column in Unicode scalars costs nothing to compute.
    private var continuationBytes = 0
    private var continuationBytesAtLineStart = 0
    private var depth = 0
    /// Children of the containers being read, innermost last: each container takes
    /// its own off the top when it closes, so that they are stored together.
    private var pending: [Int32] = []

    private static let maximumDepth = 512

    /// The document; a malformed document is one diagnostic at the first problem.
    static func parse(_ source: SourceFile) throws(DiagnosticsError) -> Document {
        let bytes = Array(source.text.utf8)
        let result: Result<Document, DiagnosticsError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONDocument(bytes: buffer, source: source, document: Document(bytes: bytes))
            // A snapshot has about one node and one child per 12 bytes: reserving one per 8
            // means no regrowth (growing by doubling from zero would copy the arrays a dozen
            // times, and growing from too small a guess still copies them once, some 20 MB).
            // Pages reserved but never written cost no memory. (Reserved here, on the parser's
            // own copy, so that no second reference forces a copy on first write.)
            parser.document.reserveCapacity(nodes: bytes.count / 8, children: bytes.count / 8)
            do throws(DiagnosticsError) {
                try parser.parseDocument()
                return .success(parser.document)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, source: SourceFile, document: Document) {
        self.bytes = bytes
        self.source = source
        self.document = document
    }

    private mutating func parseDocument() throws(DiagnosticsError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }   // a byte order mark
        skipWhitespace()
        let root = try value()
        skipWhitespace()
        guard position == bytes.count else { throw failure("expected the end of the document after the top-level value") }
        document.setRoot(root)
    }

    private mutating func value() throws(DiagnosticsError) -> DocumentNode {
        guard position < bytes.count else { throw failure("unexpected end of the document, expected a value") }
        let (line, column) = here()
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(line: line, column: column)
        case UInt8(ascii: "["): return try array(line: line, column: column)
        case UInt8(ascii: "\""): return try string(line: line, column: column)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            try number()
            return document.addScalar(.plain, byteOffset: start, length: position - start, line: line, column: column)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            let start = position
            try literal(bytes[position] == UInt8(ascii: "t") ? "true" : "false")
            return document.addScalar(.plain, byteOffset: start, length: position - start, line: line, column: column)
        case UInt8(ascii: "n"):
            try literal("null")
            return document.addNull(line: line, column: column)
        default: throw failure("unexpected \(shownByte()), expected a value")
        }
    }

    private mutating func object(line: Int, column: Int) throws(DiagnosticsError) -> DocumentNode {
        try enter()
        position += 1
        let first = pending.count
        skipWhitespace()
        if peek() != UInt8(ascii: "}") {
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw failure("unexpected \(shownByte()), expected a key in double quotes") }
                let (keyLine, keyColumn) = here()
                let key = try string(line: keyLine, column: keyColumn)
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw failure("unexpected \(shownByte()), expected ':' after a key") }
                position += 1
                skipWhitespace()
                let member = try value()
                pending.append(key.index)
                pending.append(member.index)
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard peek() == UInt8(ascii: "}") else {
                    throw failure("unexpected \(shownByte()), expected ',' or '}' after an object member")
                }
                break
            }
        }
        return close(.mapping, from: first, line: line, column: column)
    }

    private mutating func array(line: Int, column: Int) throws(DiagnosticsError) -> DocumentNode {
        try enter()
        position += 1
        let first = pending.count
        skipWhitespace()
        if peek() != UInt8(ascii: "]") {
            while true {
                skipWhitespace()
                let element = try value()
                pending.append(element.index)
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard peek() == UInt8(ascii: "]") else {
                    throw failure("unexpected \(shownByte()), expected ',' or ']' after a list element")
                }
                break
            }
        }
        return close(.sequence, from: first, line: line, column: column)
    }

    /// Ends a container at its closing bracket: its children move from `pending` to the document.
    private mutating func close(_ kind: Document.Kind, from first: Int, line: Int, column: Int) -> DocumentNode {
        position += 1
        depth -= 1
        let node = document.addContainer(kind, members: pending[first...], line: line, column: column)
        pending.removeSubrange(first...)
        return node
    }

    private mutating func enter() throws(DiagnosticsError) {
        depth += 1
        guard depth <= JSONDocument.maximumDepth else { throw failure("nesting deeper than \(JSONDocument.maximumDepth) levels") }
    }

    /// A string starting at the opening quote. Without escapes (almost every
    /// snapshot string) it stays a slice of the text; with them, it is decoded.
    private mutating func string(line: Int, column: Int) throws(DiagnosticsError) -> DocumentNode {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let node = document.addScalar(.quoted, byteOffset: start, length: position - start, line: line, column: column)
                position += 1
                return node
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("control character \(shownByte()) inside a string; write it as an escape") }
            if byte & 0xC0 == 0x80 { continuationBytes += 1 }
            position += 1
        }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return document.addScalar(.quoted, text: String(decoding: scalars, as: UTF8.self), line: line, column: column)
            case UInt8(ascii: "\\"):
                position += 1
                guard let escape = peek() else { break }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"): scalars.append(contentsOf: Array(String(try unicodeEscape()).utf8))
                default:
                    position -= 2   // point at the backslash
                    throw failure("unknown escape '\\\(String(decoding: [escape], as: UTF8.self))' inside a string")
                }
            default:
                if byte < 0x20 { throw failure("control character \(shownByte()) inside a string; write it as an escape") }
                if byte & 0xC0 == 0x80 { continuationBytes += 1 }
                scalars.append(byte)
                position += 1
            }
        }
        throw failure("unterminated string")
    }

    /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair.
    private mutating func unicodeEscape() throws(DiagnosticsError) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            guard peek() == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure("unpaired surrogate in a \\u escape")
            }
            position += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low),
                  let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            else { throw failure("unpaired surrogate in a \\u escape") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw failure("unpaired surrogate in a \\u escape") }
        return scalar
    }

    private mutating func hex4() throws(DiagnosticsError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek() else { throw failure("unterminated \\u escape") }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("unexpected \(shownByte()) in a \\u escape, expected a hex digit")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Skips a number, checked against JSON's grammar; the readers interpret its text.
    private mutating func number() throws(DiagnosticsError) {
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), isDigit(first) else { throw failure("unexpected \(shownByte()), expected a digit") }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard let byte = peek(), isDigit(byte) else { throw failure("unexpected \(shownByte()), expected a digit after '.'") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard let byte = peek(), isDigit(byte) else { throw failure("unexpected \(shownByte()), expected a digit in the exponent") }
            skipDigits()
        }
    }

    private mutating func literal(_ word: StaticString) throws(DiagnosticsError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard position + expected.count <= bytes.count,
              bytes[position..<position + expected.count].elementsEqual(expected)
        else { throw failure("unexpected \(shownByte()), expected a value") }
        position += expected.count
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { position += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): position += 1
            case UInt8(ascii: "\n"):
                position += 1
                line += 1
                lineStart = position
                continuationBytesAtLineStart = continuationBytes
            default: return
            }
        }
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    /// The current line and column (in Unicode scalars). JSON has newlines only
    /// between tokens, so the line count is kept in `skipWhitespace`.
    private func here() -> (line: Int, column: Int) {
        (line, position - lineStart - (continuationBytes - continuationBytesAtLineStart) + 1)
    }

    /// The byte at the cursor as a message shows it: `'x'`, or "the end of the document".
    private func shownByte() -> String {
        guard let byte = peek() else { return "the end of the document" }
        if byte < 0x20 { return "U+\(String(byte, radix: 16, uppercase: true).leftPadded(to: 4))" }
        if byte >= 0x80 {
            // Show the whole character, not a byte of it.
            var end = position + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return "'\(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self))'"
        }
        return "'\(String(decoding: [byte], as: UTF8.self))'"
    }

    private func failure(_ problem: String) -> DiagnosticsError {
        let (line, column) = here()
        return DiagnosticsError([source.diagnostic("malformed JSON: \(problem)",
                                                   at: SourceLocation(file: source.name, line: line, column: column))])
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
