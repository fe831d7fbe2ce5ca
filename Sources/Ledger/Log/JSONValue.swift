/// A JSON value whose objects keep their keys in the order written, so that
/// machine output is deterministic and reads in the order the contract lists.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A string, or null when absent.
    public static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// Indented text (two spaces a level), ending without a newline.
    public func rendered() -> String {
        var text = ""
        write(to: &text, indent: "")
        return text
    }

    private func write(to text: inout String, indent: String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .int(let value): text += String(value)
        case .double(let value): text += value.isFinite ? "\(value)" : "null"
        case .string(let value): JSONValue.quote(value, into: &text)
        case .array(let values):
            guard !values.isEmpty else { text += "[]"; return }
            let inner = indent + "  "
            text += "[\n"
            for (index, value) in values.enumerated() {
                text += inner
                value.write(to: &text, indent: inner)
                text += index < values.count - 1 ? ",\n" : "\n"
            }
            text += indent + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { text += "{}"; return }
            let inner = indent + "  "
            text += "{\n"
            for (index, (key, value)) in pairs.enumerated() {
                text += inner
                JSONValue.quote(key, into: &text)
                text += ": "
                value.write(to: &text, indent: inner)
                text += index < pairs.count - 1 ? ",\n" : "\n"
            }
            text += indent + "}"
        }
    }

    static func quote(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.rendered() == b.rendered()
    }
}
