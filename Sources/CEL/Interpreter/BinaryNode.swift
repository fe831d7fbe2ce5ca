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
        return try result({ () throws(OperationFailure) in try apply(a, b) }, &frame)
    }
}
