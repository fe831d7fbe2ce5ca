/// A node of a planned program: names resolved to slots, functions to implementations.
/// Nodes are immutable after planning, so one program is shared by every thread that evaluates it.
class Node: @unchecked Sendable {
    let offset: Int

    init(offset: Int) {
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        fatalError("abstract node")
    }

    /// The constant this node always produces, when planning could fold it.
    var constantValue: CELValue? { nil }

    @inline(__always)
    final func fail(_ message: String) -> EvalError {
        EvalError(message: message, offset: offset)
    }

    /// The error for a function with no implementation for these argument kinds.
    final func noOverload(_ function: String, _ arguments: CELValue...) -> EvalError {
        let kinds = arguments.map { $0.type.typeValueName }.joined(separator: ", ")
        return fail("no matching overload for '\(Operator.display(function))' applied to (\(kinds))")
    }
}
