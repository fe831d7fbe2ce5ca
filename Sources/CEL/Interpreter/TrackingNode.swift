/// A node of a tracking plan: evaluates the node planned for an expression and records what it gave
/// under the expression's id. Only `CELProgram.tracking()` makes these, so that a program planned
/// without tracking runs exactly the nodes it ran before.
final class TrackingNode: Node, @unchecked Sendable {
    let inner: Node
    let id: Int
    /// For a comprehension: the expression evaluated once per step (its condition, or the filter of a
    /// three-argument `map`), whose evaluations count the steps.
    let stepped: Int?

    init(_ inner: Node, id: Int, stepped: Int?) {
        self.inner = inner
        self.id = id
        self.stepped = stepped
        super.init(offset: inner.offset)
    }

    /// Folding sees through the wrapper, so that the tracking plan folds what the plain one folds.
    override var constantValue: CELValue? { inner.constantValue }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        // Planning folds constants by evaluating them with no recorder.
        guard let recorder = frame.recorder else { return try inner.evaluate(&frame) }
        let start = recorder.begin(stepped: stepped)
        do {
            let value = try inner.evaluate(&frame)
            recorder.end(id, .value(value), start: start, stepped: stepped)
            return value
        } catch {
            recorder.end(id, .error(error.message), start: start, stepped: stepped)
            throw error
        }
    }
}
