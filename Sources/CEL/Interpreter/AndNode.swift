/// `a && b` with CEL's commutative error absorption: `false` wins over an error on either side.
final class AndNode: Node, @unchecked Sendable {
    let left: Node
    let right: Node

    init(_ left: Node, _ right: Node, offset: Int) {
        self.left = left
        self.right = right
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var leftError: EvalError?
        do {
            let value = try left.evaluate(&frame)
            if case .bool(let flag) = value {
                if !flag { return .bool(false) }
            } else {
                leftError = noOverload(Operator.logicalAnd, value)
            }
        } catch {
            leftError = error
        }
        let flag = try right.evaluateBool(&frame, absorbing: leftError, function: Operator.logicalAnd, node: self)
        if !flag { return .bool(false) }
        if let leftError { throw leftError }
        return .bool(true)
    }
}
