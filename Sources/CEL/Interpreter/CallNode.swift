/// A function of any arity, such as a user-declared overload.
final class CallNode: Node, @unchecked Sendable {
    let arguments: [Node]
    let apply: @Sendable ([CELValue]) throws(OperationFailure) -> CELValue
    /// Whether the function depends only on its arguments, so that constant arguments may be folded.
    /// User functions are not assumed to be.
    let isPure: Bool

    init(_ arguments: [Node], offset: Int, isPure: Bool = false,
         apply: @escaping @Sendable ([CELValue]) throws(OperationFailure) -> CELValue) {
        self.arguments = arguments
        self.isPure = isPure
        self.apply = apply
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(try argument.evaluate(&frame)) }
        return try result({ () throws(OperationFailure) in try apply(values) }, &frame)
    }
}
