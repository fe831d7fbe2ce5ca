extension Migration {
    /// Version 100: the support console's tables (SPEC section 10): agents and their
    /// password hashes (bcrypt), API tokens and sessions (SHA-256 of the secret, never
    /// the secret), and the access log of which agent looked at which client and when.
    /// Times are ISO 8601 UTC text (which sorts as time does) or, for expiry, Unix seconds.
    public static let agentTables = Migration(version: 100, summary: "support console: agents, tokens, sessions, access log") { _ in
        [
            """
            CREATE TABLE IF NOT EXISTS credits_agents (
              name          TEXT PRIMARY KEY,
              password_hash TEXT NOT NULL,
              created_at    TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS credits_tokens (
              token_hash TEXT PRIMARY KEY,
              agent      TEXT NOT NULL REFERENCES credits_agents(name),
              created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS credits_sessions (
              id_hash    TEXT PRIMARY KEY,
              agent      TEXT NOT NULL REFERENCES credits_agents(name),
              form_token TEXT NOT NULL,
              expires_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS credits_access_log (
              at        TEXT NOT NULL,
              agent     TEXT NOT NULL,
              client_id TEXT NOT NULL,
              action    TEXT NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS credits_access_log_at ON credits_access_log (at)",
        ]
    }
}
