/// `c ? a : b`: only the chosen branch is evaluated.
final class ConditionalNode: Node, @unchecked Sendable {
    let condition: Node
    let whenTrue: Node
    let whenFalse: Node

    init(_ condition: Node, _ whenTrue: Node, _ whenFalse: Node, offset: Int) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let value = try condition.evaluate(&frame)
        guard case .bool(let flag) = value else { throw noOverload(Operator.conditional, value) }
        return flag ? try whenTrue.evaluate(&frame) : try whenFalse.evaluate(&frame)
    }
}
