import Ledger

/// Runs statements with `?` placeholders: a store's connection outside a transaction,
/// or one inside it. Rows are handed to `onRow` one at a time, as the database gives
/// them, so that a caller can read a large table without holding all of it.
protocol StatementRunner: Sendable {
    func run(_ sql: String, _ binds: [RowValue], _ onRow: @escaping @Sendable (StoreRow) -> Void) async throws
}

/// One kind of database behind `Store`.
protocol Backend: StatementRunner {
    var dialect: StoreDialect { get }
    /// Runs a query whose first column is a client's id and adds each row's other values
    /// to that client's list in `page` (`PageRows.selectClient`, `appendRow`), from the
    /// driver's buffers: the audit reads millions of rows, and a `StoreRow` of values
    /// per row was most of the reading.
    func readRows(_ sql: String, _ binds: [RowValue], into page: inout PageRows) async throws
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<Result: Sendable>(_ body: @Sendable (any StatementRunner) async throws -> Result) async throws -> Result
    /// Frees the connection (SQLite); a PostgreSQL pool stops with the task that runs it.
    func close() async
}

/// A lock that waits without blocking a thread: SQLite has one connection, and a
/// transaction's statements must not interleave with another task's.
actor AsyncLock {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }

    /// Runs `body` holding the lock.
    nonisolated func withLock<Result: Sendable>(_ body: @Sendable () async throws -> Result) async throws -> Result {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }
}

/// Collects rows handed over one at a time (from the SQLite thread pool, or the
/// PostgreSQL row stream) for a caller that wants them all.
final class RowCollector<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLockShim()
    private var storage: [Element] = []

    func append(_ element: Element) {
        lock.withLock { storage.append(element) }
    }

    var elements: [Element] {
        lock.withLock { storage }
    }
}
