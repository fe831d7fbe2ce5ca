import Explainer
import Foundation
import Hummingbird
import Ledger
import Logging

/// The support console (SPEC section 10): the pages a support agent works in and the
/// JSON API, over a client directory (the store, read-only) and the agents' tables.
/// `router()` gives the routes for tests; `application(...)` the server `credits serve` runs.
public struct Console: Sendable {
    /// How the console behaves; the defaults are what `credits serve` uses.
    public struct Options: Sendable {
        /// How long a sign-in lasts.
        public var sessionLifetime: TimeInterval = 8 * 3600
        /// Mark the session cookie Secure: set when the console is reached over TLS (a TLS proxy in front).
        public var secureCookies = false
        /// How the store is named in the command a ticket gives to reproduce an answer
        /// (`--db sqlite:credits.sqlite`); nil leaves `--db` out. Never a password.
        public var storeArgument: String?
        /// Explanations offered per answer.
        public var top = 3

        public init() {}
    }

    /// The largest request body accepted (413 above it).
    public static let bodyLimit = 1024 * 1024
    /// Clients a search shows at most.
    public static let searchLimit = 50
    /// The session cookie's name.
    static let sessionCookie = "credits_session"

    public let clients: any ClientDirectory
    public let agents: any AgentDirectory
    let explainer: Explainer
    public let options: Options
    let limiter: SignInLimiter

    public init(clients: any ClientDirectory, agents: any AgentDirectory, pack: RulePack, options: Options = Options(),
                limiter: SignInLimiter = SignInLimiter()) {
        self.clients = clients
        self.agents = agents
        self.explainer = Explainer(pack: pack, top: options.top)
        self.options = options
        self.limiter = limiter
    }

    var policy: Policy { explainer.pack.policy }

    /// Every route, behind the request log, the error pages, the security headers and sign-in.
    public func router(logger: Logger = Logger(label: "credits.serve")) -> Router<ConsoleContext> {
        var routes = RouteTable()
        addPublicRoutes(&routes)
        addPageRoutes(&routes)
        addAPIRoutes(&routes)
        let router = Router(context: ConsoleContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: RequestLog(logger: logger))
        router.add(middleware: ErrorResponses(routes: routes))
        router.add(middleware: SecurityHeaders())
        router.add(middleware: Authentication(agents: agents))
        routes.register(on: router)
        return router
    }

    /// The server: `credits serve` runs it until SIGTERM or SIGINT, then finishes the
    /// requests under way and stops.
    public func application(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(router: router(logger: logger),
                    configuration: .init(address: .hostname(host, port: port), serverName: nil),
                    logger: logger)
    }

    /// Paths anyone may reach: the health check, sign-in and the stylesheet and script.
    static func isPublic(_ path: String) -> Bool {
        path == "/healthz" || path == "/signin" || path.hasPrefix("/static/")
    }

    /// The API's paths answer in JSON, errors included.
    static func isAPI(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path == "/healthz"
    }

    private func addPublicRoutes(_ routes: inout RouteTable) {
        routes.add(.get, "/healthz") { _, _ in
            try JSONBody.response(.object([("status", .string("ok"))]))
        }
        for asset in ConsoleAssets.files {
            routes.add(.get, "/static/\(asset.name)") { _, _ in
                var headers = HTTPFields()
                headers[.contentType] = asset.contentType
                headers[.cacheControl] = "public, max-age=3600"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: asset.text)))
            }
        }
    }
}
