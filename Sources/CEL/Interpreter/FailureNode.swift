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
