/// The standard functions and operators: their signatures for the checker and their implementations.
enum StandardLibrary {
    /// How the interpreter runs a standard function of a given arity.
    enum Implementation {
        case unary(@Sendable (CELValue) throws(OperationFailure) -> CELValue)
        case binary(Operations.Binary)
        /// Any number of arguments, the receiver first (`s.replace(a, b, n)`).
        case variadic(@Sendable ([CELValue]) throws(OperationFailure) -> CELValue)
    }

    /// The implementation of `name` called with `arity` arguments (the receiver counted), if any.
    static func implementation(of name: String, arity: Int) -> Implementation? {
        switch (name, arity) {
        case ("_+_", 2): .binary(Operations.add)
        case ("_-_", 2): .binary(Operations.subtract)
        case ("_*_", 2): .binary(Operations.multiply)
        case ("_/_", 2): .binary(Operations.divide)
        case ("_%_", 2): .binary(Operations.remainder)
        case ("-_", 1): .unary(Operations.negate)
        case ("_==_", 2): .binary(Operations.equal)
        case ("_!=_", 2): .binary(Operations.notEqual)
        case ("_<_", 2): .binary(Operations.less)
        case ("_<=_", 2): .binary(Operations.lessOrEqual)
        case ("_>_", 2): .binary(Operations.greater)
        case ("_>=_", 2): .binary(Operations.greaterOrEqual)
        case ("@in", 2): .binary(Operations.contains)
        case ("_[_]", 2): .binary(Operations.index)
        case ("size", 1): .unary(Operations.size)
        case ("contains", 2): .binary(StringFunctions.contains)
        case ("startsWith", 2): .binary(StringFunctions.startsWith)
        case ("endsWith", 2): .binary(StringFunctions.endsWith)
        case ("int", 1): .unary(Conversions.toInt)
        case ("uint", 1): .unary(Conversions.toUint)
        case ("double", 1): .unary(Conversions.toDouble)
        case ("string", 1): .unary(Conversions.toString)
        case ("bytes", 1): .unary(Conversions.toBytes)
        case ("bool", 1): .unary(Conversions.toBool)
        case ("dyn", 1): .unary(Conversions.dyn)
        case ("type", 1): .unary(Conversions.typeOf)
        default: TimeFunctions.implementation(of: name, arity: arity)
        }
    }

    /// Names that denote type values when no variable has them: `int`, `list`, `type`...
    static let typeNames: [String: CELType] = [
        "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string, "bytes": .bytes,
        "null_type": .null, "type": .type, "list": .list(.dyn), "map": .map(key: .dyn, value: .dyn), "dyn": .dyn,
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
    ]

    private static let a = CELType.typeParam("A")
    private static let b = CELType.typeParam("B")
    private static let numbers: [(String, CELType)] = [("int64", .int), ("uint64", .uint), ("double", .double)]
    private static let ordered: [(String, CELType)] = [
        ("bool", .bool), ("int64", .int), ("uint64", .uint), ("double", .double), ("string", .string),
        ("bytes", .bytes), ("timestamp", .timestamp), ("duration", .duration),
    ]

    /// Every standard function's overloads, for the checker.
    static let signatures: [String: [Signature]] = {
        var table: [String: [Signature]] = [:]
        func add(_ name: String, _ signature: Signature) { table[name, default: []].append(signature) }

        for (suffix, type) in numbers + [("string", .string), ("bytes", .bytes)] {
            add("_+_", Signature("add_\(suffix)", [type, type], type))
        }
        add("_+_", Signature("add_list", [.list(a), .list(a)], .list(a)))
        add("_+_", Signature("add_timestamp_duration", [.timestamp, .duration], .timestamp))
        add("_+_", Signature("add_duration_timestamp", [.duration, .timestamp], .timestamp))
        add("_+_", Signature("add_duration_duration", [.duration, .duration], .duration))
        for (suffix, type) in numbers {
            add("_-_", Signature("subtract_\(suffix)", [type, type], type))
            add("_*_", Signature("multiply_\(suffix)", [type, type], type))
            add("_/_", Signature("divide_\(suffix)", [type, type], type))
        }
        add("_-_", Signature("subtract_timestamp_timestamp", [.timestamp, .timestamp], .duration))
        add("_-_", Signature("subtract_timestamp_duration", [.timestamp, .duration], .timestamp))
        add("_-_", Signature("subtract_duration_duration", [.duration, .duration], .duration))
        add("_%_", Signature("modulo_int64", [.int, .int], .int))
        add("_%_", Signature("modulo_uint64", [.uint, .uint], .uint))
        add("-_", Signature("negate_int64", [.int], .int))
        add("-_", Signature("negate_double", [.double], .double))
        add("!_", Signature("logical_not", [.bool], .bool))
        add("_&&_", Signature("logical_and", [.bool, .bool], .bool))
        add("_||_", Signature("logical_or", [.bool, .bool], .bool))
        add("_?_:_", Signature("conditional", [.bool, a, a], a))
        add("_==_", Signature("equals", [a, a], .bool))
        add("_!=_", Signature("not_equals", [a, a], .bool))
        for (name, id) in [("_<_", "less"), ("_<=_", "less_equals"), ("_>_", "greater"), ("_>=_", "greater_equals")] {
            for (suffix, type) in ordered { add(name, Signature("\(id)_\(suffix)", [type, type], .bool)) }
            for (left, leftType) in numbers {
                for (right, rightType) in numbers where left != right {
                    add(name, Signature("\(id)_\(left)_\(right)", [leftType, rightType], .bool))
                }
            }
        }
        add("_[_]", Signature("index_list", [.list(a), .int], a))
        add("_[_]", Signature("index_map", [.map(key: a, value: b), a], b))
        add("@in", Signature("in_list", [a, .list(a)], .bool))
        add("@in", Signature("in_map", [a, .map(key: a, value: b)], .bool))
        for (suffix, type) in [("string", CELType.string), ("bytes", .bytes), ("list", .list(a)), ("map", .map(key: a, value: b))] {
            add("size", Signature("size_\(suffix)", [type], .int))
            add("size", Signature("\(suffix)_size", receiver: true, [type], .int))
        }
        add("contains", Signature("contains_string", receiver: true, [.string, .string], .bool))
        add("startsWith", Signature("starts_with_string", receiver: true, [.string, .string], .bool))
        add("endsWith", Signature("ends_with_string", receiver: true, [.string, .string], .bool))
        add("matches", Signature("matches", [.string, .string], .bool))
        add("matches", Signature("matches_string", receiver: true, [.string, .string], .bool))
        let conversions: [(String, CELType, [(String, CELType)])] = [
            ("int", .int, [("int64", .int), ("uint64", .uint), ("double", .double), ("string", .string), ("timestamp", .timestamp)]),
            ("uint", .uint, [("int64", .int), ("uint64", .uint), ("double", .double), ("string", .string)]),
            ("double", .double, [("int64", .int), ("uint64", .uint), ("double", .double), ("string", .string)]),
            ("string", .string, [("int64", .int), ("uint64", .uint), ("double", .double), ("string", .string),
                                 ("bool", .bool), ("bytes", .bytes), ("timestamp", .timestamp), ("duration", .duration)]),
            ("bytes", .bytes, [("bytes", .bytes), ("string", .string)]),
            ("bool", .bool, [("bool", .bool), ("string", .string)]),
        ]
        for (name, result, sources) in conversions {
            for (suffix, type) in sources { add(name, Signature("\(suffix)_to_\(name)", [type], result)) }
        }
        add("dyn", Signature("to_dyn", [a], .dyn))
        add("type", Signature("type", [a], .type))
        for (name, overloads) in TimeFunctions.signatures { table[name, default: []] += overloads }
        return table
    }()
}
