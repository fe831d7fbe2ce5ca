import Foundation
import Ledger
// The SQLite that sqlite-nio bundles and builds, called directly. sqlite-nio's rows make
// an array of values, a string per text cell and a named column per cell (its only way
// to read a row), and the audit reads three million rows: that was a third of its time.
// `VaporCSQLite` is sqlite-nio's own C target; SwiftPM hands a target the module maps of
// every C module it depends on, directly or through a product (SQLiteNIO's interface
// needs this one), so the import names the same SQLite, linked once, built with
// sqlite-nio's options. The declared dependency stays the product SQLiteNIO, which
// re-exports the thread pool the statements run on; a later sqlite-nio that renamed the
// module would fail to compile here, not misbehave.
import SQLiteNIO
import VaporCSQLite

/// A SQLite file: one connection, its statements and transactions one after another,
/// each run on NIO's thread pool (as sqlite-nio runs them), never on a task's thread.
final class SQLiteBackend: Backend {
    let dialect = StoreDialect.sqlite
    private let connection: SQLiteHandle
    private let lock = AsyncLock()

    private init(connection: SQLiteHandle) {
        self.connection = connection
    }

    /// Opens (creating unless read-only) the file. Read-only opens it with `mode=ro`,
    /// so that no statement can write, and a missing file is an error, not a new store.
    static func open(path: String, readOnly: Bool) async throws -> SQLiteBackend {
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw StoreError("no such store file '\(path)'")
        }
        let name = readOnly ? "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?mode=ro" : path
        let connection = try await NIOThreadPool.singleton.runIfActive { try SQLiteHandle(path: name) }
        let backend = SQLiteBackend(connection: connection)
        // WAL: readers (the console) go on while an import writes.
        if !readOnly { try await backend.run("PRAGMA journal_mode = WAL", []) { _ in } }
        return backend
    }

    func run(_ sql: String, _ binds: [RowValue], _ onRow: @escaping @Sendable (StoreRow) -> Void) async throws {
        let connection = self.connection
        try await lock.withLock { try await connection.run(sql, binds, onRow) }
    }

    func readRows(_ sql: String, _ binds: [RowValue], into page: inout PageRows) async throws {
        let connection = self.connection
        // The page goes to the pool's thread and back in a box, moved (not copied) both ways.
        let box = PageBox()
        swap(&box.page, &page)
        defer { swap(&page, &box.page) }
        try await lock.withLock {
            try await NIOThreadPool.singleton.runIfActive {
                var page = PageRows(clients: [])
                swap(&page, &box.page)
                defer { swap(&page, &box.page) }
                try connection.statement(sql, binds) { statement in
                    while try statement.step() {
                        guard statement.selectClient(in: &page) else { continue }
                        page.appendRow { list in
                            for column in 1..<statement.columnCount { statement.append(column, to: &list) }
                        }
                    }
                }
            }
        }
    }

    /// A page on its way to the thread pool and back: used by one thread at a time.
    private final class PageBox: @unchecked Sendable {
        var page = PageRows(clients: [])
    }

    func transaction<Result: Sendable>(_ body: @Sendable (any StatementRunner) async throws -> Result) async throws -> Result {
        let connection = self.connection
        return try await lock.withLock {
            try await connection.run("BEGIN IMMEDIATE", []) { _ in }
            do {
                let result = try await body(Transaction(connection: connection))
                try await connection.run("COMMIT", []) { _ in }
                return result
            } catch {
                try? await connection.run("ROLLBACK", []) { _ in }
                throw error
            }
        }
    }

    func close() async {
        let connection = self.connection
        _ = try? await lock.withLock { try await NIOThreadPool.singleton.runIfActive { connection.close() } }
    }

    /// The statements of a transaction, run while the backend's lock is held.
    private struct Transaction: StatementRunner {
        let connection: SQLiteHandle

        func run(_ sql: String, _ binds: [RowValue], _ onRow: @escaping @Sendable (StoreRow) -> Void) async throws {
            try await connection.run(sql, binds, onRow)
        }
    }
}

/// An open `sqlite3` connection, used by one statement at a time (`SQLiteBackend`'s lock)
/// on the thread pool. Opened without SQLite's own mutex (NOMUTEX): the lock already
/// keeps threads apart, and the mutex cost a lock and an unlock for every cell read.
private final class SQLiteHandle: @unchecked Sendable {
    private var handle: OpaquePointer?

    /// sqlite3_initialize, once before the first connection (SQLite's configuration is global).
    private static let initialized: Int32 = sqlite_nio_sqlite3_initialize()

    init(path: String) throws {
        _ = SQLiteHandle.initialized
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "error \(status)"
            sqlite_nio_sqlite3_close(handle)
            handle = nil
            throw StoreError("it cannot be opened: \(message)")
        }
        // Another process writing (an import beside the console): wait for it, as sqlite-nio does.
        sqlite_nio_sqlite3_busy_handler(handle, { _, _ in 1 }, nil)
    }

    func close() {
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

    deinit {
        if handle != nil { sqlite_nio_sqlite3_close(handle) }
    }

    /// Runs a statement on the thread pool, handing each row over as values.
    func run(_ sql: String, _ binds: [RowValue], _ onRow: @escaping @Sendable (StoreRow) -> Void) async throws {
        try await NIOThreadPool.singleton.runIfActive {
            try self.statement(sql, binds) { statement in
                while try statement.step() {
                    onRow(StoreRow((0..<statement.columnCount).map(statement.value)))
                }
            }
        }
    }

    /// Prepares `sql` with `binds`, runs `body` with it, and finalizes it.
    func statement<Result>(_ sql: String, _ binds: [RowValue], _ body: (inout SQLiteStatement) throws -> Result) throws -> Result {
        var pointer: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, 0, &pointer, nil) == SQLITE_OK, let pointer else {
            throw StoreError(errorMessage)
        }
        var statement = SQLiteStatement(pointer: pointer, connection: self)
        defer { sqlite_nio_sqlite3_finalize(pointer) }
        for (index, value) in binds.enumerated() { try statement.bind(value, at: Int32(index + 1)) }
        return try body(&statement)
    }

    /// The connection's message for its last failure.
    var errorMessage: String {
        sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown SQLite error"
    }
}

/// A prepared statement: its parameters, its rows, and each row's cells read by column.
private struct SQLiteStatement {
    let pointer: OpaquePointer
    let connection: SQLiteHandle
    let columnCount: Int

    init(pointer: OpaquePointer, connection: SQLiteHandle) {
        self.pointer = pointer
        self.connection = connection
        columnCount = Int(sqlite_nio_sqlite3_column_count(pointer))
    }

    mutating func bind(_ value: RowValue, at index: Int32) throws {
        let status: Int32
        switch value {
        case .null: status = sqlite_nio_sqlite3_bind_null(pointer, index)
        case .integer(let number): status = sqlite_nio_sqlite3_bind_int64(pointer, index, Int64(number))
        case .real(let number): status = sqlite_nio_sqlite3_bind_double(pointer, index, number)
        case .bool(let flag): status = sqlite_nio_sqlite3_bind_int64(pointer, index, flag ? 1 : 0)
        case .text(let text):
            status = sqlite_nio_sqlite3_bind_text64(pointer, index, text, UInt64(text.utf8.count), transientText, UInt8(SQLITE_UTF8))
        }
        guard status == SQLITE_OK else { throw StoreError(connection.errorMessage) }
    }

    /// The next row; false when there is none left.
    func step() throws -> Bool {
        switch sqlite_nio_sqlite3_step(pointer) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw StoreError(connection.errorMessage)
        }
    }

    /// A cell as a value; a blob as text (its bytes as UTF-8).
    func value(_ column: Int) -> RowValue {
        let index = Int32(column)
        switch sqlite_nio_sqlite3_column_type(pointer, index) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(pointer, index)))
        case SQLITE_FLOAT: return .real(sqlite_nio_sqlite3_column_double(pointer, index))
        case SQLITE_NULL: return .null
        case let type: return .text(String(decoding: bytes(index, type: type), as: UTF8.self))
        }
    }

    /// Adds a cell to a list as `value` reads it, the text straight from SQLite's buffer.
    func append(_ column: Int, to list: inout RowList) {
        let index = Int32(column)
        switch sqlite_nio_sqlite3_column_type(pointer, index) {
        case SQLITE_INTEGER: list.appendInteger(Int(sqlite_nio_sqlite3_column_int64(pointer, index)))
        case SQLITE_FLOAT: list.appendReal(sqlite_nio_sqlite3_column_double(pointer, index))
        case SQLITE_NULL: list.appendNull()
        case let type: list.appendText(utf8: bytes(index, type: type))
        }
    }

    /// Selects in `page` the client named by the row's first cell; false when it names
    /// none of the page's clients (or is NULL).
    func selectClient(in page: inout PageRows) -> Bool {
        switch sqlite_nio_sqlite3_column_type(pointer, 0) {
        case SQLITE_NULL: return false
        case let type where type == SQLITE_TEXT || type == SQLITE_BLOB: return page.selectClient(utf8: bytes(0, type: type))
        default: return page.selectClient(id: value(0).id ?? "")
        }
    }

    /// A text (or blob) cell's bytes, valid until the next step.
    private func bytes(_ index: Int32, type: Int32) -> UnsafeRawBufferPointer {
        // The pointer first, then the length: the order SQLite documents for a pointer that stays valid.
        let start = type == SQLITE_BLOB
            ? sqlite_nio_sqlite3_column_blob(pointer, index) : UnsafeRawPointer(sqlite_nio_sqlite3_column_text(pointer, index))
        let count = Int(sqlite_nio_sqlite3_column_bytes(pointer, index))
        return UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count)
    }
}

/// SQLite copies a bound text before the call returns.
private let transientText = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
