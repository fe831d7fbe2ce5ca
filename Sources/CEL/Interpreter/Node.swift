/// A failure during evaluation: the message and the UTF-8 offset of the failing sub-expression.
/// The front door turns it into a `CELError` with a line and column.
struct EvalError: Error {
    var message: String
    var offset: Int
}

/// The mutable state of one evaluation: a value per variable slot and the cost left.
struct Frame {
    var slots: [CELValue?]
    var remainingCost: Int

    /// Spends `amount` of the budget; an evaluation that runs out stops with an error.
    @inline(__always)
    mutating func charge(_ amount: Int, at offset: Int) throws(EvalError) {
        remainingCost &-= amount
        if remainingCost < 0 {
            throw EvalError(message: "evaluation cost limit exceeded (the expression does too much work for its input)", offset: offset)
        }
    }
}

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

/// A variable: declared, bound by name, or a comprehension's.
final class SlotNode: Node, @unchecked Sendable {
    let slot: Int
    let name: String

    init(slot: Int, name: String, offset: Int) {
        self.slot = slot
        self.name = name
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        if let value = frame.slots[slot] { return value }
        throw fail("no value bound for variable '\(name)'")
    }
}

/// A node that always fails, for names and functions that planning could not resolve:
/// unchecked programs report them only if evaluation reaches them, which `||` may avoid.
final class FailureNode: Node, @unchecked Sendable {
    let message: String

    init(_ message: String, offset: Int) {
        self.message = message
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        throw fail(message)
    }
}
