import Foundation
import Store

/// The agents, their API tokens, their sessions and the access log: the tables of
/// the tool's own in the store (`credits_agents`, `credits_tokens`, `credits_sessions`,
/// `credits_access_log`, `Store+Agents.swift`); `AgentSession` and `AccessRecord` are the store's. Secrets are kept only as hashes: passwords as bcrypt,
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
