/// A piece of HTML whose text is safe to send: everything interpolated into it is
/// escaped unless it is `HTML` itself, so a client named `<script>alert(1)</script>`
/// shows as text. Pages are written as `HTML` literals, which is why the console
/// needs no template engine: the compiler checks every page, and escaping is the
/// default rather than something a template author must remember.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup, already escaped.
    public private(set) var markup: String

    public init(stringLiteral value: String) {
        markup = value
    }

    public init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    /// Markup that needs no escaping (a constant, or built by this type).
    init(trusted markup: String) {
        self.markup = markup
    }

    public var description: String { markup }

    /// Several pieces, one after another.
    static func join(_ pieces: some Sequence<HTML>, separator: HTML = "") -> HTML {
        HTML(trusted: pieces.map(\.markup).joined(separator: separator.markup))
    }

    /// Escapes text for an element's content or a quoted attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The interpolation: text is escaped, `HTML` is kept, numbers are written as they are.
    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        public mutating func appendInterpolation(_ text: String) {
            markup += HTML.escape(text)
        }

        public mutating func appendInterpolation(_ text: Substring) {
            markup += HTML.escape(String(text))
        }

        public mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }

        public mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }

        public mutating func appendInterpolation(_ pieces: [HTML]) {
            markup += pieces.map(\.markup).joined()
        }

        public mutating func appendInterpolation(_ html: HTML?) {
            markup += html?.markup ?? ""
        }
    }
}
