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
