/// The mutable state of one evaluation: a value per variable slot and the cost left.
struct Frame {
    var slots: [CELValue?]
    var remainingCost: Int
    /// Where a tracking plan (`CELProgram.tracking()`) records values; nil, and never read, otherwise.
    var recorder: EvaluationRecorder? = nil

    /// What copying one element of a built list or map costs: a value of 16 bytes or more,
    /// retained, where a byte of text is one unit (a list doubled to ten million elements
    /// took 3 s and 400 MB before its size was charged at this rate).
    static let elementCost = 8

    /// Spends `amount` of the budget; an evaluation that runs out stops with an error.
    @inline(__always)
    mutating func charge(_ amount: Int, at offset: Int) throws(EvalError) {
        remainingCost &-= amount
        if remainingCost < 0 {
            throw EvalError(message: "evaluation cost limit exceeded (the expression does too much work for its input)", offset: offset)
        }
    }

    /// Spends one unit per byte of a string or bytes, and `elementCost` per element of a
    /// list or map, that an operator or function built: values that double at each step
    /// (`cel.bind(s, s + s, ...)`) stop at the cost limit instead of exhausting memory.
    /// Scalars cost nothing more.
    @inline(__always)
    mutating func chargeForSize(of value: CELValue, at offset: Int) throws(EvalError) {
        switch value {
        case .string(let text): try charge(text.utf8.count, at: offset)
        case .bytes(let bytes): try charge(bytes.count, at: offset)
        case .list(let elements): try charge(elements.count &* Self.elementCost, at: offset)
        case .map(let map): try charge(map.count &* Self.elementCost, at: offset)
        default: break
        }
    }
}
