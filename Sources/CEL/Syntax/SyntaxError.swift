/// A syntax problem: the message and the UTF-8 offset it points at.
struct SyntaxError: Error {
    var message: String
    var offset: Int
}
