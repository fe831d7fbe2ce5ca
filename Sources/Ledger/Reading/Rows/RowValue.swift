/// One value of a store row, as a database hands it over: the reader of rows turns
/// it into the same unchecked document a YAML or JSON file gives, and the checker
/// (`SnapshotDecoder`) applies SPEC section 3 to both.
public enum RowValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int)
    case real(Double)
    case text(String)
    case bool(Bool)

    /// The value as SQL shows it: `NULL`, `12`, `12.5`, `'acme'`, `true`.
    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): "'\(value)'"
        case .bool(let value): value ? "true" : "false"
        }
    }

    /// The text of a `.text` value; nil for the others.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The value as an id is compared: text as it is, a whole number in digits (a
    /// platform may keep ids as numbers); nil for NULL.
    public var id: String? {
        switch self {
        case .null: nil
        case .text(let value): value
        case .integer(let value): String(value)
        case .real, .bool: description
        }
    }

    /// The whole number of an `.integer` value; nil for the others.
    public var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// `.text`, or `.null` for nil.
    public static func text(_ value: String?) -> RowValue {
        value.map { .text($0) } ?? .null
    }

    /// `.integer`, or `.null` for nil.
    public static func integer(_ value: Int?) -> RowValue {
        value.map { .integer($0) } ?? .null
    }
}
