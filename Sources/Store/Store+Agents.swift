import Foundation
import Ledger

/// A signed-in agent's session, as kept in `credits_sessions`. The session id itself
/// is only in the agent's cookie; the store keeps its hash.
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

/// The support console's tables (`Migration.agentTables`). Secrets are given and kept
/// as hashes only: the caller hashes (bcrypt for passwords, SHA-256 for tokens and
/// session ids), so that no secret ever reaches the database.
extension Store {
    /// Creates an agent, or sets a new password for one; a reset ends the agent's sessions.
    public func saveAgent(_ name: String, passwordHash: String, at now: Date = Date()) async throws {
        try await transaction { transaction in
            let existing = try await transaction.query("SELECT name FROM credits_agents WHERE name = ?", [.text(name)])
            if existing.isEmpty {
                try await transaction.execute("INSERT INTO credits_agents (name, password_hash, created_at) VALUES (?, ?, ?)",
                                              [.text(name), .text(passwordHash), .text(Self.stamp(now))])
            } else {
                try await transaction.execute("UPDATE credits_agents SET password_hash = ? WHERE name = ?", [.text(passwordHash), .text(name)])
                try await transaction.execute("DELETE FROM credits_sessions WHERE agent = ?", [.text(name)])
            }
        }
    }

    /// Keeps a new API token's hash for an agent; false when there is no such agent.
    public func saveToken(agent: String, tokenHash: String, at now: Date = Date()) async throws -> Bool {
        try await transaction { transaction in
            let existing = try await transaction.query("SELECT name FROM credits_agents WHERE name = ?", [.text(agent)])
            guard !existing.isEmpty else { return false }
            try await transaction.execute("INSERT INTO credits_tokens (token_hash, agent, created_at) VALUES (?, ?, ?)",
                                          [.text(tokenHash), .text(agent), .text(Self.stamp(now))])
            return true
        }
    }

    /// Removes an agent with its tokens and sessions (the access log keeps its lines); false when there was none.
    public func removeAgent(_ name: String) async throws -> Bool {
        try await transaction { transaction in
            let existing = try await transaction.query("SELECT name FROM credits_agents WHERE name = ?", [.text(name)])
            guard !existing.isEmpty else { return false }
            for table in ["credits_tokens", "credits_sessions"] {
                try await transaction.execute("DELETE FROM \(table) WHERE agent = ?", [.text(name)])
            }
            try await transaction.execute("DELETE FROM credits_agents WHERE name = ?", [.text(name)])
            return true
        }
    }

    /// The agent's bcrypt password hash; nil when there is no such agent.
    public func passwordHash(of agent: String) async throws -> String? {
        try await query("SELECT password_hash FROM credits_agents WHERE name = ?", [.text(agent)]).first?[0].text
    }

    /// The agent an API token belongs to, by the token's hash; nil when none.
    public func agent(withTokenHash hash: String) async throws -> String? {
        try await query("SELECT agent FROM credits_tokens WHERE token_hash = ?", [.text(hash)]).first?[0].text
    }

    /// Keeps a new session under its id's hash; expired sessions are cleared on the way.
    public func saveSession(_ session: AgentSession, idHash: String) async throws {
        try await execute("DELETE FROM credits_sessions WHERE expires_at < ?", [.integer(Int(Date().timeIntervalSince1970))])
        try await execute("INSERT INTO credits_sessions (id_hash, agent, form_token, expires_at) VALUES (?, ?, ?, ?)",
                          [.text(idHash), .text(session.agent), .text(session.formToken),
                           .integer(Int(session.expires.timeIntervalSince1970))])
    }

    /// The session with that id hash, expired or not; nil when none.
    public func session(idHash: String) async throws -> AgentSession? {
        guard let row = try await query("SELECT agent, form_token, expires_at FROM credits_sessions WHERE id_hash = ?",
                                        [.text(idHash)]).first,
              let agent = row[0].text, let token = row[1].text, let expires = row[2].integer else { return nil }
        return AgentSession(agent: agent, formToken: token, expires: Date(timeIntervalSince1970: Double(expires)))
    }

    /// Ends a session.
    public func deleteSession(idHash: String) async throws {
        try await execute("DELETE FROM credits_sessions WHERE id_hash = ?", [.text(idHash)])
    }

    /// Records that an agent looked at a client.
    public func recordAccess(_ record: AccessRecord) async throws {
        try await execute("INSERT INTO credits_access_log (at, agent, client_id, action) VALUES (?, ?, ?, ?)",
                          [.text(Self.stamp(record.at)), .text(record.agent), .text(record.client), .text(record.action)])
    }

    /// The access log, newest first, at most `limit` lines, for one agent or client when given.
    public func accessLog(agent: String? = nil, client: String? = nil, limit: Int = 100) async throws -> [AccessRecord] {
        var conditions: [String] = []
        var binds: [RowValue] = []
        if let agent { conditions.append("agent = ?"); binds.append(.text(agent)) }
        if let client { conditions.append("client_id = ?"); binds.append(.text(client)) }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let rows = try await query("SELECT at, agent, client_id, action FROM credits_access_log\(filter) ORDER BY at DESC LIMIT \(max(1, limit))", binds)
        return rows.compactMap { row in
            guard let at = row[0].text.flatMap(Self.parseStamp), let agent = row[1].text,
                  let client = row[2].text, let action = row[3].text else { return nil }
            return AccessRecord(at: at, agent: agent, client: client, action: action)
        }
    }

    /// The agents' names, sorted.
    public func agentNames() async throws -> [String] {
        try await query("SELECT name FROM credits_agents ORDER BY name").compactMap { $0[0].text }
    }

    /// `2026-12-06T01:00:00.123Z`: UTC with milliseconds, which sorts as time does.
    private static func stamp(_ date: Date) -> String {
        stampFormatter().string(from: date)
    }

    private static func parseStamp(_ text: String) -> Date? {
        stampFormatter().date(from: text)
    }

    private static func stampFormatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }
}
