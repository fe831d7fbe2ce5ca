/// A failure during evaluation: the message and the UTF-8 offset of the failing sub-expression.
/// The front door turns it into a `CELError` with a line and column.
struct EvalError: Error {
    var message: String
    var offset: Int
}
