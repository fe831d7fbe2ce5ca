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
        return try result({ () throws(OperationFailure) in try apply(value) }, &frame)
    }
}
