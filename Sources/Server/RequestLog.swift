import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOConcurrencyHelpers

/// One structured line per request: method, path (without its query), status, time
/// taken and the agent. Never a password, a token, a cookie or a body.
struct RequestLog: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: ConsoleContext, next: (Request, ConsoleContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(response.status.code)",
            "ms": "\(String(format: "%.1f", ms))",
            "agent": "\(context.signedIn.value ?? "-")",
        ])
        return response
    }
}

/// Who a request turned out to be from, for the request log, which runs outside
/// `Authentication` and so does not see the context it hands on.
final class SignedInAgent: Sendable {
    private let box = NIOLockedValueBox<String?>(nil)
    var value: String? {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }
}

/// Headers every answer carries: no script but the console's own, no framing, no
/// guessing of types, no caching of customers' data.
struct SecurityHeaders: RouterMiddleware {
    func handle(_ request: Request, context: ConsoleContext, next: (Request, ConsoleContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[HTTPField.Name("x-content-type-options")!] = "nosniff"
        response.headers[HTTPField.Name("referrer-policy")!] = "same-origin"
        if !request.uri.path.hasPrefix("/static/") { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
