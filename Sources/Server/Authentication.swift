import Store
import Foundation
import Hummingbird

/// Nobody reaches client data without signing in (SPEC section 10): the API takes
/// `Authorization: Bearer TOKEN`, the pages a session cookie; only `/healthz`,
/// sign-in and the stylesheet are open. A page asked for without a session
/// redirects to sign-in (and back after it); the API answers 401.
struct Authentication: RouterMiddleware {
    let agents: any AgentDirectory

    func handle(_ request: Request, context: ConsoleContext, next: (Request, ConsoleContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if Console.isPublic(path) { return try await next(request, context) }
        var context = context
        if Console.isAPI(path) {
            guard let token = Self.bearerToken(request), let agent = try await agents.agent(withTokenHash: Secrets.digest(token)) else {
                throw ConsoleError.signInNeeded
            }
            context.agent = agent
        } else {
            guard let (session, _) = try await Self.session(request, agents: agents) else {
                let back = request.method == .get ? request.uri.description : "/clients"
                return Response.redirect(to: ConsoleURL.signIn(next: back), type: .found)
            }
            context.agent = session.agent
            context.session = session
        }
        context.signedIn.value = context.agent
        return try await next(request, context)
    }

    /// The session the request's cookie names, when it is valid and not expired, and its id hash.
    static func session(_ request: Request, agents: any AgentDirectory) async throws -> (AgentSession, String)? {
        guard let id = request.cookies[Console.sessionCookie]?.value, !id.isEmpty else { return nil }
        let hash = Secrets.digest(id)
        guard let session = try await agents.session(idHash: hash) else { return nil }
        guard session.expires > Date() else {
            try await agents.deleteSession(idHash: hash)
            return nil
        }
        return (session, hash)
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let value = request.headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
