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
