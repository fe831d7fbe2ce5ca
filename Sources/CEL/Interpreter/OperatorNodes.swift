/// A binary operator or two-argument function: both operands evaluated, then `apply`.
final class BinaryNode: Node, @unchecked Sendable {
    let left: Node
    let right: Node
    let apply: Operations.Binary

    init(_ left: Node, _ right: Node, offset: Int, apply: @escaping Operations.Binary) {
        self.left = left
        self.right = right
        self.apply = apply
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let a = try left.evaluate(&frame)
        let b = try right.evaluate(&frame)
        do {
            return try apply(a, b)
        } catch {
            throw fail(error.message)
        }
    }
}

/// A one-argument operator or function.
final class UnaryNode: Node, @unchecked Sendable {
    let operand: Node
    let apply: @Sendable (CELValue) throws(OperationFailure) -> CELValue

    init(_ operand: Node, offset: Int, apply: @escaping @Sendable (CELValue) throws(OperationFailure) -> CELValue) {
        self.operand = operand
        self.apply = apply
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let value = try operand.evaluate(&frame)
        do {
            return try apply(value)
        } catch {
            throw fail(error.message)
        }
    }
}

/// A function of any arity, such as a user-declared overload.
final class CallNode: Node, @unchecked Sendable {
    let arguments: [Node]
    let apply: @Sendable ([CELValue]) throws(OperationFailure) -> CELValue

    init(_ arguments: [Node], offset: Int, apply: @escaping @Sendable ([CELValue]) throws(OperationFailure) -> CELValue) {
        self.arguments = arguments
        self.apply = apply
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(try argument.evaluate(&frame)) }
        do {
            return try apply(values)
        } catch {
            throw fail(error.message)
        }
    }
}

/// `operand.field` on a map or an object; `position` is the field's place in its declared
/// object type, found at check time, so that a checked program reads fields without hashing.
final class SelectNode: Node, @unchecked Sendable {
    let operand: Node
    let field: String
    let position: Int

    init(_ operand: Node, field: String, position: Int, offset: Int) {
        self.operand = operand
        self.field = field
        self.position = position
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let value = try operand.evaluate(&frame)
        do {
            return try SelectNode.select(field, position: position, from: value)
        } catch {
            throw fail(error.message)
        }
    }

    @inline(__always)
    static func select(_ field: String, position: Int, from value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .object(let object):
            if let found = object.value(at: position, named: field) { return found }
            throw OperationFailure("no field '\(field)' set on this \(object.typeName)")
        case .map(let map):
            if let found = map.value(forString: field) { return found }
            throw OperationFailure("no such key: '\(field)'")
        default:
            throw OperationFailure("type '\(value.type.typeValueName)' does not support field selection (selecting '\(field)')")
        }
    }
}

/// `has(operand.field)`: whether a map has the key or an object has the field set.
final class HasNode: Node, @unchecked Sendable {
    let operand: Node
    let field: String

    init(_ operand: Node, field: String, offset: Int) {
        self.operand = operand
        self.field = field
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let value = try operand.evaluate(&frame)
        switch value {
        case .object(let object): return .bool(object[field: field] != nil)
        case .map(let map): return .bool(map.value(forString: field) != nil)
        default: throw fail("has() cannot test a field of type '\(value.type.typeValueName)' (testing '\(field)')")
        }
    }
}

/// `[a, b, ...]`.
final class ListNode: Node, @unchecked Sendable {
    let elements: [Node]

    init(_ elements: [Node], offset: Int) {
        self.elements = elements
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try element.evaluate(&frame)) }
        return .list(values)
    }
}

/// `{k: v, ...}`: keys must be int, uint, bool or string, and distinct.
final class MapNode: Node, @unchecked Sendable {
    let keys: [Node]
    let values: [Node]

    init(keys: [Node], values: [Node], offset: Int) {
        self.keys = keys
        self.values = values
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var pairs: [(CELValue, CELValue)] = []
        pairs.reserveCapacity(keys.count)
        var seen = Set<MapKey>()
        for index in keys.indices {
            let key = try keys[index].evaluate(&frame)
            guard let mapKey = MapKey(key) else {
                throw EvalError(message: "unsupported map key type \(key.type.typeValueName): \(key)", offset: keys[index].offset)
            }
            guard seen.insert(mapKey).inserted else {
                throw EvalError(message: "repeated map key \(key)", offset: keys[index].offset)
            }
            pairs.append((key, try values[index].evaluate(&frame)))
        }
        return .map(CELMap(pairs))
    }
}

/// `Type{field: value, ...}` for a declared object type.
final class ObjectNode: Node, @unchecked Sendable {
    let typeName: String
    let names: [String]
    let values: [Node]

    init(typeName: String, names: [String], values: [Node], offset: Int) {
        self.typeName = typeName
        self.names = names
        self.values = values
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var fields: [String: CELValue] = [:]
        for index in names.indices { fields[names[index]] = try values[index].evaluate(&frame) }
        return .object(CELObject(typeName: typeName, fields: fields))
    }
}
