/// A literal or folded constant.
final class ConstantNode: Node, @unchecked Sendable {
    let value: CELValue

    init(_ value: CELValue, offset: Int) {
        self.value = value
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue { value }
    override var constantValue: CELValue? { value }
}
