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

    /// What an operator or function gives: its failure placed at this node, and the value
    /// paid for by its size (`Frame.chargeForSize`).
    @inline(__always)
    final func result(_ apply: () throws(OperationFailure) -> CELValue, _ frame: inout Frame) throws(EvalError) -> CELValue {
        let value: CELValue
        do {
            value = try apply()
        } catch {
            throw fail(error.message)
        }
        try frame.chargeForSize(of: value, at: offset)
        return value
    }

    /// The error for a function with no implementation for these argument kinds.
    final func noOverload(_ function: String, _ arguments: CELValue...) -> EvalError {
        let kinds = arguments.map { $0.type.typeValueName }.joined(separator: ", ")
        return fail("no matching overload for '\(Operator.display(function))' applied to (\(kinds))")
    }
}
