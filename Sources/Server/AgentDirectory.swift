import Foundation

/// A signed-in agent's session, as kept in the store (`credits_sessions`). The
/// session id itself is only in the agent's cookie; the store keeps its hash.
public struct AgentSession: Sendable, Equatable {
    public let agent: String
    /// The token every form that changes something carries (CSRF).
    public let formToken: String
    public let expires: Date

    public init(agent: String, formToken: String, expires: Date) {
        self.agent = agent
        self.formToken = formToken
        self.expires = expires
    }
}

/// One line of the access log: which agent looked at which client, and when.
public struct AccessRecord: Sendable, Equatable {
    public let at: Date
    public let agent: String
    public let client: String
    /// What was looked at: `overview`, `log`, `explain`, `api:explain`...
    public let action: String

    public init(at: Date, agent: String, client: String, action: String) {
        self.at = at
        self.agent = agent
        self.client = client
        self.action = action
    }
}

/// The agents, their API tokens, their sessions and the access log: the tables of
/// the tool's own in the store (`credits_agents`, `credits_tokens`, `credits_sessions`,
/// `credits_access_log`). Secrets are kept only as hashes: passwords as bcrypt,
/// tokens and session ids as SHA-256 (they are long random values, so a fast hash is enough).
public protocol AgentDirectory: Sendable {
    /// The agent's bcrypt password hash; nil when there is no such agent.
    func passwordHash(of agent: String) async throws -> String?
    /// The agent an API token belongs to, by the token's SHA-256 (hex); nil when none.
    func agent(withTokenHash hash: String) async throws -> String?
    /// Keeps a new session under the SHA-256 (hex) of its id.
    func saveSession(_ session: AgentSession, idHash: String) async throws
    /// The session with that id hash, expired or not; nil when none.
    func session(idHash: String) async throws -> AgentSession?
    /// Ends a session (signing out, or an expired one found).
    func deleteSession(idHash: String) async throws
    /// Records that an agent looked at a client.
    func recordAccess(_ record: AccessRecord) async throws
}
