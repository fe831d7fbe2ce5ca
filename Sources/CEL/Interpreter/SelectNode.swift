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
