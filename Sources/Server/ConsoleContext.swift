import Store
import Hummingbird
import NIOCore

/// What the console knows about one request besides the request itself: who is
/// asking (set by `Authentication`) and from where.
public struct ConsoleContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The agent signed in or holding the API token; nil before `Authentication` ran or on public paths.
    public var agent: String?
    /// The agent's session, when the request came with a session cookie (pages, not the API).
    public var session: AgentSession?
    /// The agent, seen by the request log too (it runs outside `Authentication`).
    let signedIn = SignedInAgent()
    /// The connection's address, for rate limiting sign-in; "unknown" in route tests.
    public let remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies larger than this get 413 (a pasted snapshot is the largest thing anyone sends).
    public var maxUploadSize: Int { Console.bodyLimit }
}
