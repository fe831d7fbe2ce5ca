/// `!a`.
final class NotNode: Node, @unchecked Sendable {
    let operand: Node

    init(_ operand: Node, offset: Int) {
        self.operand = operand
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let value = try operand.evaluate(&frame)
        guard case .bool(let flag) = value else { throw noOverload(Operator.logicalNot, value) }
        return .bool(!flag)
    }
}
