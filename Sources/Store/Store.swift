import Foundation
import Ledger

/// A client store (SPEC section 9): SQLite or PostgreSQL behind one interface.
///
/// Open it with `Store.withStore(url) { store in ... }`, which keeps what the database
/// needs running (PostgreSQL's connection pool) for as long as the closure runs.
/// Statements use `?` placeholders on both databases; values are `RowValue`s.
/// The store's own tables are created by `migrate()` (the list is `Migration.all`);
/// other parts of the tool add tables of their own as migrations there.
public final class Store: Sendable {
    /// Where the store is (its description never shows a password).
    public let url: StoreURL
    /// True when opened read-only: no statement can write.
    public let isReadOnly: Bool
    let backend: any Backend

    private init(url: StoreURL, isReadOnly: Bool, backend: any Backend) {
        self.url = url
        self.isReadOnly = isReadOnly
        self.backend = backend
    }

    /// The SQL the store speaks, for the few statements that must differ.
    public var dialect: StoreDialect { backend.dialect }

    /// Opens the store, runs `body` with it, and closes it. Read-only for serving: the
    /// SQLite file is opened `mode=ro` (and must exist), PostgreSQL sessions are read-only.
    public static func withStore<Result>(_ url: StoreURL, readOnly: Bool = false,
                                         _ body: (Store) async throws -> Result) async throws -> Result {
        switch url.location {
        case .sqlite(let path):
            let backend: SQLiteBackend
            do {
                backend = try await SQLiteBackend.open(path: path, readOnly: readOnly)
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError("it cannot be opened: \(error)")
            }
            let store = Store(url: url, isReadOnly: readOnly, backend: backend)
            do {
                let result = try await body(store)
                await backend.close()
                return result
            } catch {
                await backend.close()
                throw error
            }
        case .postgres(let server):
            let backend = try PostgresBackend(server, readOnly: readOnly)
            try await backend.probe()
            let store = Store(url: url, isReadOnly: readOnly, backend: backend)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await backend.client.run() }
                defer { group.cancelAll() }
                return try await body(store)
            }
        }
    }

    /// Statements outside a transaction, each committed on its own.
    private var autocommit: StoreTransaction { StoreTransaction(runner: backend, dialect: dialect) }

    /// Runs a statement and gives every row.
    public func query(_ sql: String, _ binds: [RowValue] = []) async throws -> [StoreRow] {
        try await autocommit.query(sql, binds)
    }

    /// Runs a statement that gives no rows (or whose rows are not wanted).
    public func execute(_ sql: String, _ binds: [RowValue] = []) async throws {
        try await autocommit.execute(sql, binds)
    }

    /// Runs a statement, handing over its rows one at a time as they are read.
    public func forEachRow(_ sql: String, _ binds: [RowValue] = [], _ body: @escaping @Sendable (StoreRow) -> Void) async throws {
        try await autocommit.forEachRow(sql, binds, body)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back (nothing
    /// written) when it throws; its error is thrown again as it was.
    public func transaction<Result: Sendable>(_ body: @Sendable (StoreTransaction) async throws -> Result) async throws -> Result {
        let dialect = self.dialect
        return try await backend.transaction { runner in try await body(StoreTransaction(runner: runner, dialect: dialect)) }
    }
}

/// The statements of one transaction (`Store.transaction`).
public struct StoreTransaction: Sendable {
    let runner: any StatementRunner
    /// The SQL the store speaks.
    public let dialect: StoreDialect

    /// Runs a statement and gives every row.
    public func query(_ sql: String, _ binds: [RowValue] = []) async throws -> [StoreRow] {
        let rows = RowCollector<StoreRow>()
        try await runner.run(sql, binds) { rows.append($0) }
        return rows.elements
    }

    /// Runs a statement that gives no rows.
    public func execute(_ sql: String, _ binds: [RowValue] = []) async throws {
        try await runner.run(sql, binds) { _ in }
    }

    /// Runs a statement, handing over its rows one at a time.
    public func forEachRow(_ sql: String, _ binds: [RowValue] = [], _ body: @escaping @Sendable (StoreRow) -> Void) async throws {
        try await runner.run(sql, binds, body)
    }
}
