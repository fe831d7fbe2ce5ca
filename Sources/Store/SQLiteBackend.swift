import Foundation
import Ledger
import SQLiteNIO

/// A SQLite file through sqlite-nio (which bundles its own SQLite): one connection,
/// its statements and transactions one after another.
final class SQLiteBackend: Backend {
    let dialect = StoreDialect.sqlite
    private let connection: SQLiteConnection
    private let lock = AsyncLock()

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Opens (creating unless read-only) the file. Read-only opens it with `mode=ro`,
    /// so that no statement can write, and a missing file is an error, not a new store.
    static func open(path: String, readOnly: Bool) async throws -> SQLiteBackend {
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw StoreError("no such store file '\(path)'")
        }
        let name = readOnly ? "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?mode=ro" : path
        let connection = try await SQLiteConnection.open(storage: .file(path: name))
        let backend = SQLiteBackend(connection: connection)
        // WAL: readers (the console) go on while an import writes.
        if !readOnly { try await backend.run("PRAGMA journal_mode = WAL", []) { _ in } }
        return backend
    }

    func run(_ sql: String, _ binds: [RowValue], _ onRow: @escaping @Sendable (StoreRow) -> Void) async throws {
        let connection = self.connection
        try await lock.withLock { try await SQLiteBackend.run(connection, sql, binds, onRow) }
    }

    func transaction<Result: Sendable>(_ body: @Sendable (any StatementRunner) async throws -> Result) async throws -> Result {
        let connection = self.connection
        return try await lock.withLock {
            try await SQLiteBackend.run(connection, "BEGIN IMMEDIATE", []) { _ in }
            do {
                let result = try await body(Transaction(connection: connection))
                try await SQLiteBackend.run(connection, "COMMIT", []) { _ in }
                return result
            } catch {
                try? await SQLiteBackend.run(connection, "ROLLBACK", []) { _ in }
                throw error
            }
        }
    }

    func close() async {
        try? await connection.close()
    }

    /// The statements of a transaction, run while the backend's lock is held.
    private struct Transaction: StatementRunner {
        let connection: SQLiteConnection

        func run(_ sql: String, _ binds: [RowValue], _ onRow: @escaping @Sendable (StoreRow) -> Void) async throws {
            try await SQLiteBackend.run(connection, sql, binds, onRow)
        }
    }

    private static func run(_ connection: SQLiteConnection, _ sql: String, _ binds: [RowValue],
                            _ onRow: @escaping @Sendable (StoreRow) -> Void) async throws {
        do {
            try await connection.query(sql, binds.map(data)) { row in
                onRow(StoreRow(row.columns.map { value($0.data) }))
            }
        } catch let error as SQLiteError {
            throw StoreError(error.message)
        }
    }

    private static func data(_ value: RowValue) -> SQLiteData {
        switch value {
        case .null: .null
        case .integer(let number): .integer(number)
        case .real(let number): .float(number)
        case .text(let text): .text(text)
        case .bool(let flag): .integer(flag ? 1 : 0)
        }
    }

    private static func value(_ data: SQLiteData) -> RowValue {
        switch data {
        case .null: .null
        case .integer(let number): .integer(number)
        case .float(let number): .real(number)
        case .text(let text): .text(text)
        case .blob(let bytes): .text(String(decoding: bytes.readableBytesView, as: UTF8.self))
        }
    }
}
