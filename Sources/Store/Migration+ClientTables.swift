extension Migration {
    /// Version 1: the tables of SPEC section 9, the tool's table of other clients, and
    /// the indexes a client's read (by client, in log order) and the audit (every
    /// client, in id order) need.
    public static let clientTables = Migration(version: 1, summary: "client tables of SPEC section 9") { dialect in
        // SQLite keeps timestamps and dates as text (ISO 8601 with offset, YYYY-MM-DD) and booleans as 0/1.
        let timestamp = dialect == .sqlite ? "TEXT" : "TIMESTAMPTZ"
        let date = dialect == .sqlite ? "TEXT" : "DATE"
        let boolean = dialect == .sqlite ? "INTEGER" : "BOOLEAN"
        let falseValue = dialect == .sqlite ? "0" : "FALSE"
        return [
            """
            CREATE TABLE IF NOT EXISTS accounts (
              id   TEXT PRIMARY KEY,
              name TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS clients (
              id                      TEXT PRIMARY KEY,
              account_id              TEXT REFERENCES accounts(id),
              name                    TEXT NOT NULL,
              timezone                TEXT NOT NULL DEFAULT 'UTC',
              plan                    TEXT NOT NULL,
              billing_anchor          \(date) NOT NULL,
              auto_reload_enabled     \(boolean) NOT NULL DEFAULT \(falseValue),
              auto_reload_amount      INTEGER NOT NULL DEFAULT 50,
              balance                 INTEGER NOT NULL,
              outstanding             INTEGER NOT NULL DEFAULT 0,
              opening_plan_tokens     INTEGER,
              opening_rollover_tokens INTEGER,
              generated_at            \(timestamp)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS entries (
              client_id   TEXT NOT NULL REFERENCES clients(id),
              id          TEXT NOT NULL,
              seq         BIGINT NOT NULL,
              at          \(timestamp) NOT NULL,
              type        TEXT NOT NULL,
              amount      BIGINT NOT NULL,
              creative_id TEXT,
              note        TEXT,
              PRIMARY KEY (client_id, id)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS creatives (
              client_id         TEXT NOT NULL REFERENCES clients(id),
              id                TEXT NOT NULL,
              title             TEXT,
              submitted_at      \(timestamp),
              status            TEXT,
              delivered_at      \(timestamp),
              delivered_seconds BIGINT,
              PRIMARY KEY (client_id, id)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS clips (
              client_id   TEXT NOT NULL,
              creative_id TEXT NOT NULL,
              position    INTEGER NOT NULL,
              seconds     NUMERIC NOT NULL,
              PRIMARY KEY (client_id, creative_id, position)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS plan_changes (
              client_id TEXT NOT NULL REFERENCES clients(id),
              at        \(timestamp) NOT NULL,
              from_plan TEXT NOT NULL,
              to_plan   TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS reports (
              client_id TEXT NOT NULL REFERENCES clients(id),
              id        TEXT NOT NULL,
              opened_at \(timestamp) NOT NULL,
              expected  BIGINT NOT NULL,
              actual    BIGINT NOT NULL,
              note      TEXT,
              PRIMARY KEY (client_id, id)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS credits_other_clients (
              client_id TEXT NOT NULL,
              position  INTEGER NOT NULL,
              id        TEXT NOT NULL,
              name      TEXT NOT NULL,
              balance   BIGINT NOT NULL,
              PRIMARY KEY (client_id, position)
            )
            """,
            "CREATE INDEX IF NOT EXISTS credits_entries_log ON entries (client_id, seq)",
            "CREATE INDEX IF NOT EXISTS credits_plan_changes_client ON plan_changes (client_id, at)",
            "CREATE INDEX IF NOT EXISTS credits_clients_account ON clients (account_id)",
        ]
    }
}
