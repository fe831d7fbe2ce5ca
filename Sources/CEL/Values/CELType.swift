/// A CEL type, as the checker infers it and as `type(x)` returns it at run time.
public indirect enum CELType: Hashable, Sendable, CustomStringConvertible {
    case dyn, null, bool, int, uint, double, string, bytes, timestamp, duration
    case list(CELType)
    case map(key: CELType, value: CELType)
    /// A record type declared with `CELEnvironment.declareObjectType`.
    case object(String)
    /// The type of type values (`type(1)` is `int`, `type(int)` is `type`).
    case type
    /// A type parameter of a generic overload, e.g. `A` in `list(A)`.
    case typeParam(String)
    /// The type of an expression that cannot be typed; only the checker produces it.
    case error

    /// The name CEL prints for this type: `int`, `list(string)`, `map(string, dyn)`.
    public var description: String {
        switch self {
        case .dyn: "dyn"
        case .null: "null_type"
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .timestamp: "google.protobuf.Timestamp"
        case .duration: "google.protobuf.Duration"
        case .list(let element): "list(\(element))"
        case .map(let key, let value): "map(\(key), \(value))"
        case .object(let name): name
        case .type: "type"
        case .typeParam(let name): name
        case .error: "*error*"
        }
    }

    /// The run-time type value of this type: what `type(x)` returns for a value of it.
    /// Type values do not carry parameters, so `type([1])` is `list`.
    public var runtimeType: CELType {
        switch self {
        case .list: .list(.dyn)
        case .map: .map(key: .dyn, value: .dyn)
        default: self
        }
    }
}

extension CELType {
    /// The name of a type value as CEL prints it: `int`, `list`, `map`, `type`.
    public var typeValueName: String {
        switch self {
        case .list: "list"
        case .map: "map"
        default: description
        }
    }
}
