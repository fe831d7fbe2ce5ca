extension JSONValue {
    /// The value as block YAML, for `credits db export --format yaml`: mappings and lists
    /// of mappings in block style, lists of scalars in flow style (`[8, 8, 8]`), every
    /// string double-quoted with JSON's escapes (valid YAML), so that no text is read back
    /// as a number, a boolean or null. Ends with a newline.
    public func yaml() -> String {
        var text = ""
        switch self {
        case .object(let pairs) where !pairs.isEmpty: JSONValue.writeYAML(pairs, indent: "", into: &text)
        default: text = flow + "\n"
        }
        return text
    }

    private static func writeYAML(_ pairs: [(String, JSONValue)], indent: String, into text: inout String) {
        for (index, (key, value)) in pairs.enumerated() {
            if index > 0 { text += indent }
            text += key + ":"
            writeYAML(value, indent: indent, into: &text)
        }
    }

    /// After `key:` or `-`: a scalar on the same line, a block on the lines below.
    private static func writeYAML(_ value: JSONValue, indent: String, into text: inout String) {
        switch value {
        case .object(let pairs) where !pairs.isEmpty:
            text += "\n" + indent + "  "
            writeYAML(pairs, indent: indent + "  ", into: &text)
        case .array(let values) where values.contains(where: \.isContainer):
            text += "\n"
            for element in values {
                text += indent + "  -"
                if case .object(let pairs) = element, !pairs.isEmpty {
                    text += " "
                    writeYAML(pairs, indent: indent + "    ", into: &text)
                } else {
                    writeYAML(element, indent: indent + "  ", into: &text)
                }
            }
        default:
            text += " " + value.flow + "\n"
        }
    }

    private var isContainer: Bool {
        switch self {
        case .object(let pairs): !pairs.isEmpty
        case .array(let values): !values.isEmpty
        default: false
        }
    }

    /// The value on one line: a scalar, `[]`, `{}`, or a list of scalars.
    private var flow: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return value.isFinite ? "\(value)" : ".nan"
        case .string(let value):
            var text = ""
            JSONValue.quote(value, into: &text)
            return text
        case .array(let values): return "[" + values.map(\.flow).joined(separator: ", ") + "]"
        case .object(let pairs): return "{" + pairs.map { "\($0.0): \($0.1.flow)" }.joined(separator: ", ") + "}"
        }
    }
}
