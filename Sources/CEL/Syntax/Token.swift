/// One lexical element of an expression, with its UTF-8 span in the source.
struct Token {
    enum Kind: Equatable {
        case identifier(String)
        /// A backquoted field name, such as `` `content-type` ``.
        case quotedIdentifier(String)
        case intLiteral(String, radix: Int)
        case uintLiteral(String, radix: Int)
        case doubleLiteral(String)
        case stringLiteral(String)
        case bytesLiteral([UInt8])
        case trueKeyword, falseKeyword, nullKeyword, inKeyword
        case punctuation(String)
        case end
    }

    var kind: Kind
    /// UTF-8 offset of the first byte.
    var offset: Int
    /// UTF-8 offset just past the last byte.
    var end: Int

    /// Whether the token is a signed-number literal, which a leading `-` joins.
    var isNumber: Bool {
        switch kind {
        case .intLiteral, .doubleLiteral: true
        default: false
        }
    }

    /// The token as quoted in messages: `')'`, `'foo'`, `end of input`.
    var quoted: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .quotedIdentifier(let name): "'`\(name)`'"
        case .intLiteral(let text, let radix), .uintLiteral(let text, let radix):
            "'\(radix == 16 ? "0x" : "")\(text)'"
        case .doubleLiteral(let text): "'\(text)'"
        case .stringLiteral: "string literal"
        case .bytesLiteral: "bytes literal"
        case .trueKeyword: "'true'"
        case .falseKeyword: "'false'"
        case .nullKeyword: "'null'"
        case .inKeyword: "'in'"
        case .punctuation(let text): "'\(text)'"
        case .end: "end of input"
        }
    }
}
