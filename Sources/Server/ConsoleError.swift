import Diagnostics
import HTTPTypes

/// An answer that is not the page or JSON asked for: a status and one message for a
/// person, with the line and column when a pasted snapshot is at fault. The API
/// writes it as `{"error": {"message", "line"?, "column"?}}` (SPEC section 10), the
/// pages as an error page; neither ever shows a stack trace.
public struct ConsoleError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let message: String
    /// Where in a pasted snapshot, 1-based.
    public var line: Int?
    public var column: Int?
    /// The methods the path takes, for 405.
    public var allowed: [HTTPRequest.Method] = []
    /// Every problem of a pasted snapshot, for the paste page (the API gives the first).
    public var details: [Diagnostic] = []

    public init(_ status: HTTPResponse.Status, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.status = status
        self.message = message
        self.line = line
        self.column = column
    }

    static func noClient(_ id: String) -> ConsoleError {
        ConsoleError(.notFound, "there is no client '\(id)' in the store")
    }

    static let notFound = ConsoleError(.notFound, "there is no such page")

    static let signInNeeded = ConsoleError(.unauthorized, "sign in first: send 'Authorization: Bearer TOKEN' with a token from 'credits agents token NAME'")

    static func tooLarge(limit: Int) -> ConsoleError {
        ConsoleError(.contentTooLarge, "the request is larger than the \(limit / 1024) KiB the console accepts; paste a smaller snapshot (a shorter log)")
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> ConsoleError {
        var error = ConsoleError(.methodNotAllowed, "\(method.rawValue) is not allowed here; use \(allowed.map(\.rawValue).joined(separator: " or "))")
        error.allowed = allowed
        return error
    }

    static let formExpired = ConsoleError(.forbidden, "this form has expired or did not come from the console: reload the page and try again")
}
