import Hummingbird
import Ledger
import Logging
import NIOCore

/// Turns every error into an answer a person can read: the API's
/// `{"error": {"message", "line"?, "column"?}}`, or an error page. A body over the
/// limit is 413 with the limit named; anything unforeseen is a 500 that says only
/// that, its details in the server's log, never in the answer.
struct ErrorResponses: RouterMiddleware {
    /// The routes, to tell a path that exists (405) from one that does not (404).
    let routes: RouteTable

    func handle(_ request: Request, context: ConsoleContext, next: (Request, ConsoleContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = Self.consoleError(error, context: context)
            if problem.status == .notFound, problem.message == ConsoleError.notFound.message {
                let methods = routes.methods(for: request.uri.path)
                if !methods.isEmpty { problem = .methodNotAllowed(request.method, allowed: methods) }
            }
            return try Self.response(problem, api: Console.isAPI(request.uri.path))
        }
    }

    static func consoleError(_ error: any Error, context: ConsoleContext) -> ConsoleError {
        switch error {
        case let error as ConsoleError: return error
        case is NIOTooManyBytesError: return .tooLarge(limit: Console.bodyLimit)
        case let error as HTTPError where error.status == .notFound: return .notFound
        case let error as HTTPError where error.status == .contentTooLarge: return .tooLarge(limit: Console.bodyLimit)
        case let error as HTTPError where error.status.code < 500:
            return ConsoleError(error.status, error.body ?? error.status.reasonPhrase.lowercased())
        default:
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return ConsoleError(.internalServerError, "something went wrong on the server; the server's log says what")
        }
    }

    static func response(_ problem: ConsoleError, api: Bool) throws -> Response {
        var response: Response
        if api {
            var fields: [(String, JSONValue)] = [("message", .string(problem.message))]
            if let line = problem.line { fields.append(("line", .int(line))) }
            if let column = problem.column { fields.append(("column", .int(column))) }
            response = try JSONBody.response(.object([("error", .object(fields))]), status: problem.status)
            if problem.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        } else {
            response = Layout(session: nil).page(problem.status.reasonPhrase, status: problem.status, """
                <h1>\(problem.status.reasonPhrase)</h1>
                \(Piece.note("error", "\(problem.message)"))
                <p><a href="/clients">Back to the clients</a></p>
                """)
        }
        if !problem.allowed.isEmpty { response.headers[.allow] = problem.allowed.map(\.rawValue).joined(separator: ", ") }
        return response
    }
}
