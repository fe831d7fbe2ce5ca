import Foundation
import Ledger

/// One step of the store's schema, applied once and recorded in `credits_schema`
/// with its version, so that a later version of the tool can migrate a store.
/// Other parts of the tool add tables of their own (prefixed `credits_`) as
/// migrations in files of their own, listed in `Migration.all`.
public struct Migration: Sendable {
    /// Applied in increasing order; never reused.
    public let version: Int
    /// What it does, as `credits_schema` records it.
    public let summary: String
    /// The statements, in the store's dialect.
    public let statements: @Sendable (StoreDialect) -> [String]

    public init(version: Int, summary: String, statements: @escaping @Sendable (StoreDialect) -> [String]) {
        self.version = version
        self.summary = summary
        self.statements = statements
    }
}

extension Store {
    /// Creates or updates the schema (`credits db init`): applies each migration not yet
    /// recorded in `credits_schema`, in order, each in its own transaction. Idempotent.
    /// Returns the versions it applied.
    @discardableResult
    public func migrate(_ migrations: [Migration] = Migration.all) async throws -> [Int] {
        try await execute("""
            CREATE TABLE IF NOT EXISTS credits_schema (
              version    INTEGER PRIMARY KEY,
              summary    TEXT NOT NULL,
              applied_at TEXT NOT NULL
            )
            """)
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            let done = try await transaction { transaction in
                let rows = try await transaction.query("SELECT version FROM credits_schema WHERE version = ?", [.integer(migration.version)])
                guard rows.isEmpty else { return true }
                for statement in migration.statements(transaction.dialect) { try await transaction.execute(statement) }
                try await transaction.execute("INSERT INTO credits_schema (version, summary, applied_at) VALUES (?, ?, ?)",
                                              [.integer(migration.version), .text(migration.summary),
                                               .text(ISOTimestamp.format(Date(), offsetSeconds: 0))])
                return false
            }
            if !done { applied.append(migration.version) }
        }
        return applied
    }

    /// The highest schema version applied; nil for a store `db init` has not set up.
    public func schemaVersion() async throws -> Int? {
        let tables = try await query(dialect == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'credits_schema'"
            : "SELECT table_name FROM information_schema.tables WHERE table_name = 'credits_schema' AND table_schema = current_schema()")
        guard !tables.isEmpty else { return nil }
        return try await query("SELECT MAX(version) FROM credits_schema").first?[0].integer
    }
}
