/// A CEL value. `==` here is structural (an `int` 1 differs from a `uint` 1), as Swift tests expect;
/// CEL's own equality, where `1 == 1u == 1.0`, is `celEquals(_:)`.
public enum CELValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    /// Insertion-ordered, for deterministic iteration.
    case map(CELMap)
    /// A value of a declared object type.
    case object(CELObject)
    case timestamp(CELTimestamp)
    case duration(CELDuration)
    case type(CELType)

    /// The run-time type of the value, as `type(x)` returns it.
    public var type: CELType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .list: .list(.dyn)
        case .map: .map(key: .dyn, value: .dyn)
        case .object(let object): .object(object.typeName)
        case .timestamp: .timestamp
        case .duration: .duration
        case .type: .type
        }
    }

    /// The value in CEL's literal syntax: `1u`, `"abc"`, `b"\x00"`, `[1, 2]`, `{"k": 1}`.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .uint(let value): return "\(value)u"
        case .double(let value): return CELValue.format(double: value)
        case .string(let value): return CELValue.quote(value)
        case .bytes(let value): return "b" + CELValue.quote(bytes: value)
        case .list(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .map(let map):
            return "{" + map.pairs.map { "\($0.key.description): \($0.value.description)" }.joined(separator: ", ") + "}"
        case .object(let object):
            let fields = object.fieldNames.map { name in "\(name): \(object[field: name]!.description)" }
            return object.typeName + "{" + fields.joined(separator: ", ") + "}"
        case .timestamp(let value): return "timestamp(\(CELValue.quote(value.celString)))"
        case .duration(let value): return "duration(\(CELValue.quote(value.celString)))"
        case .type(let type): return type.typeValueName
        }
    }

    static func format(double value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == value.rounded(), abs(value) < 1e16 { return String(wholeDouble: value) }
        return "\(value)"
    }

    static func quote(_ text: String) -> String {
        quote(text) { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: scalar.value < 0x20 || scalar.value == 0x7F ? "\\x" + hex(UInt8(scalar.value)) : nil
            }
        }
    }

    /// `text` in double quotes, each code point replaced by its escape when `escape` gives one.
    static func quote(_ text: String, escape: (Unicode.Scalar) -> String?) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar) {
                result += escaped
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func quote(bytes: [UInt8]) -> String {
        var result = "\""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): result += "\\\""
            case UInt8(ascii: "\\"): result += "\\\\"
            case 0x20..<0x7F: result.unicodeScalars.append(Unicode.Scalar(byte))
            default: result += "\\x" + hex(byte)
            }
        }
        return result + "\""
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}

extension String {
    /// A whole double as `3.0`, so that doubles read as doubles.
    fileprivate init(wholeDouble value: Double) {
        self = String(Int64(value)) + ".0"
    }
}
