extension Node {
    /// Evaluates the right operand of `&&` or `||`, which must be a bool. When the left side failed
    /// and this side fails too, the left error is the one reported.
    @inline(__always)
    func evaluateBool(_ frame: inout Frame, absorbing leftError: EvalError?, function: String, node: Node) throws(EvalError) -> Bool {
        let value: CELValue
        do {
            value = try evaluate(&frame)
        } catch {
            throw leftError ?? error
        }
        guard case .bool(let flag) = value else { throw leftError ?? node.noOverload(function, value) }
        return flag
    }
}
