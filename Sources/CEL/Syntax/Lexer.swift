/// Splits expression text into tokens. Works on UTF-8 bytes; offsets are UTF-8 offsets.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0

    /// Words that cannot be identifiers, kept for host languages that embed CEL.
    static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// All tokens, ending with `.end`; throws the first lexical error.
    static func tokenize(_ text: String) throws(SyntaxError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        position + ahead < bytes.count ? bytes[position + ahead] : 0
    }

    mutating func next() throws(SyntaxError) -> Token {
        skipTrivia()
        let start = position
        guard position < bytes.count else { return Token(kind: .end, offset: start, end: start) }
        let byte = bytes[position]
        if byte.isIdentifierStart {
            if let prefixed = try stringWithPrefix(start: start) { return prefixed }
            while peek().isIdentifierPart { position += 1 }
            let word = String(decoding: bytes[start..<position], as: UTF8.self)
            let kind: Token.Kind = switch word {
            case "true": .trueKeyword
            case "false": .falseKeyword
            case "null": .nullKeyword
            case "in": .inKeyword
            default: .identifier(word)
            }
            return Token(kind: kind, offset: start, end: position)
        }
        if byte.isDigit || (byte == UInt8(ascii: ".") && peek(1).isDigit) {
            return try number(start: start)
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            let text = try quoted(start: start, raw: false, bytes: false)
            return Token(kind: text, offset: start, end: position)
        }
        if byte == UInt8(ascii: "`") {
            position += 1
            let nameStart = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "`"), bytes[position] != 10 { position += 1 }
            guard peek() == UInt8(ascii: "`") else {
                throw SyntaxError(message: "unterminated quoted identifier", offset: start)
            }
            let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
            position += 1
            guard !name.isEmpty, name.utf8.allSatisfy({ $0.isIdentifierPart || "-./~ ".utf8.contains($0) }) else {
                throw SyntaxError(message: "invalid quoted identifier '`\(name)`'", offset: start)
            }
            return Token(kind: .quotedIdentifier(name), offset: start, end: position)
        }
        let two = position + 1 < bytes.count ? String(decoding: bytes[position...position + 1], as: UTF8.self) : ""
        if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
            position += 2
            return Token(kind: .punctuation(two), offset: start, end: position)
        }
        if "+-*/%<>!?:.,()[]{}".utf8.contains(byte) {
            position += 1
            return Token(kind: .punctuation(String(UnicodeScalar(byte))), offset: start, end: position)
        }
        if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "|") {
            throw SyntaxError(message: "unexpected '\(UnicodeScalar(byte))'; did you mean '\(UnicodeScalar(byte))\(UnicodeScalar(byte))'?", offset: start)
        }
        throw SyntaxError(message: "unexpected character '\(characterText(at: start))'", offset: start)
    }

    private func characterText(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    private mutating func skipTrivia() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 {
                position += 1
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while position < bytes.count, bytes[position] != 10 { position += 1 }
            } else {
                return
            }
        }
    }

    /// A string or bytes literal behind an `r`, `b`, `rb` or `br` prefix (any case), or nil for an identifier.
    private mutating func stringWithPrefix(start: Int) throws(SyntaxError) -> Token? {
        var raw = false
        var isBytes = false
        var look = position
        for _ in 0..<2 {
            let letter = look < bytes.count ? bytes[look] | 0x20 : 0
            if letter == UInt8(ascii: "r"), !raw { raw = true; look += 1 }
            else if letter == UInt8(ascii: "b"), !isBytes { isBytes = true; look += 1 }
            else { break }
        }
        guard look > position, look < bytes.count, bytes[look] == UInt8(ascii: "\"") || bytes[look] == UInt8(ascii: "'")
        else { return nil }
        position = look
        let kind = try quoted(start: start, raw: raw, bytes: isBytes)
        return Token(kind: kind, offset: start, end: position)
    }

    private mutating func number(start: Int) throws(SyntaxError) -> Token {
        if peek() == UInt8(ascii: "0"), peek(1) | 0x20 == UInt8(ascii: "x") {
            position += 2
            let digitsStart = position
            while peek().isHexDigit { position += 1 }
            guard position > digitsStart else { throw SyntaxError(message: "hexadecimal literal without digits", offset: start) }
            let digits = String(decoding: bytes[digitsStart..<position], as: UTF8.self)
            if peek() | 0x20 == UInt8(ascii: "u") {
                position += 1
                return try finish(Token(kind: .uintLiteral(digits, radix: 16), offset: start, end: position))
            }
            return try finish(Token(kind: .intLiteral(digits, radix: 16), offset: start, end: position))
        }
        while peek().isDigit { position += 1 }
        var isDouble = false
        if peek() == UInt8(ascii: "."), peek(1).isDigit {
            isDouble = true
            position += 1
            while peek().isDigit { position += 1 }
        }
        if peek() | 0x20 == UInt8(ascii: "e") {
            var look = position + 1
            if look < bytes.count, bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-") { look += 1 }
            if look < bytes.count, bytes[look].isDigit {
                isDouble = true
                position = look
                while peek().isDigit { position += 1 }
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isDouble { return try finish(Token(kind: .doubleLiteral(text), offset: start, end: position)) }
        if peek() | 0x20 == UInt8(ascii: "u") {
            position += 1
            return try finish(Token(kind: .uintLiteral(text, radix: 10), offset: start, end: position))
        }
        return try finish(Token(kind: .intLiteral(text, radix: 10), offset: start, end: position))
    }

    /// A number must not run straight into a letter or digit (`12ab`, `1.2.3` is fine as selection).
    private func finish(_ token: Token) throws(SyntaxError) -> Token {
        if peek().isIdentifierPart {
            throw SyntaxError(message: "invalid number literal '\(String(decoding: bytes[token.offset..<position + 1], as: UTF8.self))'", offset: token.offset)
        }
        return token
    }

    /// A quoted literal at `position` (the opening quote), with escapes decoded unless raw.
    private mutating func quoted(start: Int, raw: Bool, bytes isBytes: Bool) throws(SyntaxError) -> Token.Kind {
        let quote = bytes[position]
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var output: [UInt8] = []
        while true {
            guard position < bytes.count else {
                throw SyntaxError(message: "unterminated string literal", offset: start)
            }
            let byte = bytes[position]
            if byte == quote {
                if !triple { position += 1; break }
                if peek(1) == quote, peek(2) == quote { position += 3; break }
            }
            if !triple, byte == 10 || byte == 13 {
                throw SyntaxError(message: "newline in string literal; use a triple-quoted string or '\\n'", offset: position)
            }
            if byte == UInt8(ascii: "\\"), !raw {
                try escape(into: &output, bytes: isBytes)
                continue
            }
            output.append(byte)
            position += 1
        }
        if isBytes { return .bytesLiteral(output) }
        return .stringLiteral(String(decoding: output, as: UTF8.self))
    }

    private mutating func escape(into output: inout [UInt8], bytes isBytes: Bool) throws(SyntaxError) {
        let start = position
        position += 1
        guard position < bytes.count else { throw SyntaxError(message: "unterminated escape sequence", offset: start) }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "a"): output.append(7)
        case UInt8(ascii: "b"): output.append(8)
        case UInt8(ascii: "f"): output.append(12)
        case UInt8(ascii: "n"): output.append(10)
        case UInt8(ascii: "r"): output.append(13)
        case UInt8(ascii: "t"): output.append(9)
        case UInt8(ascii: "v"): output.append(11)
        case UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            output.append(letter)
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            let value = try hexDigits(2, escapeStart: start)
            appendCode(value, to: &output, bytes: isBytes)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            if letter == UInt8(ascii: "U"), isBytes {
                throw SyntaxError(message: "'\\U' escapes are only allowed in string literals", offset: start)
            }
            let value = try hexDigits(letter == UInt8(ascii: "u") ? 4 : 8, escapeStart: start)
            guard let scalar = Unicode.Scalar(value) else {
                throw SyntaxError(message: "invalid unicode code point in escape '\(escapeText(from: start))'", offset: start)
            }
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
        case UInt8(ascii: "0")...UInt8(ascii: "3"):
            guard peek().isOctalDigit, peek(1).isOctalDigit else {
                throw SyntaxError(message: "octal escape needs three digits: '\(escapeText(from: start))'", offset: start)
            }
            let value = UInt32(letter - 48) * 64 + UInt32(bytes[position] - 48) * 8 + UInt32(bytes[position + 1] - 48)
            position += 2
            appendCode(value, to: &output, bytes: isBytes)
        default:
            throw SyntaxError(message: "invalid escape sequence '\(escapeText(from: start))'", offset: start)
        }
    }

    private func escapeText(from start: Int) -> String {
        String(decoding: bytes[start..<min(position, bytes.count)], as: UTF8.self)
    }

    /// A code from `\x` or octal: a byte in bytes literals, a code point in strings.
    private func appendCode(_ value: UInt32, to output: inout [UInt8], bytes isBytes: Bool) {
        if isBytes {
            output.append(UInt8(value))
        } else {
            output.append(contentsOf: Array(String(Character(Unicode.Scalar(value)!)).utf8))
        }
    }

    private mutating func hexDigits(_ count: Int, escapeStart: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            let byte = peek()
            guard byte.isHexDigit else {
                throw SyntaxError(message: "escape needs \(count) hexadecimal digits: '\(escapeText(from: escapeStart))'", offset: escapeStart)
            }
            value = value &* 16 &+ UInt32(byte.hexValue)
            position += 1
        }
        return value
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 48 && self <= 57 }
    var isOctalDigit: Bool { self >= 48 && self <= 55 }
    var isHexDigit: Bool { isDigit || (self | 0x20 >= 97 && self | 0x20 <= 102) }
    var hexValue: UInt8 { isDigit ? self - 48 : (self | 0x20) - 87 }
    var isIdentifierStart: Bool { (self | 0x20 >= 97 && self | 0x20 <= 122) || self == 95 }
    var isIdentifierPart: Bool { isIdentifierStart || isDigit }
}
