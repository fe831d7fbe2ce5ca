import Diagnostics
import Explainer
import Foundation
import Ledger
import Store

/// `credits audit` (SPEC section 9): every finding rule over every client of a store.
/// The store is read once, a page of clients at a time (the next pages read and made
/// snapshots while this one is checked), and each page's clients are shared out among
/// `jobs` tasks: memory holds three pages and the findings, however many clients there are.
public struct ClientAudit: Sendable {
    public let explainer: Explainer
    /// "Now" for every client (`--now`); nil: each client's `generated_at`.
    public let now: String?
    public let jobs: Int
    public let pageSize: Int

    public init(pack: RulePack, now: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, pageSize: Int = 64) {
        self.explainer = Explainer(pack: pack)
        self.now = now
        self.jobs = max(1, jobs)
        self.pageSize = max(1, pageSize)
    }

    /// How far the audit is.
    public struct Progress: Sendable {
        public let done: Int
        public let total: Int
    }

    /// What the audit found: every row (worst first) and the rules' own problems.
    public struct Report: Sendable {
        public let clients: Int
        public let rows: [AuditRow]
        public let problems: [String]

        /// True when any row is a warning (the command exits 1).
        public var hasWarnings: Bool { rows.contains { $0.severity == .warning } }
    }

    /// A `--now` that does not parse: a usage error, found on the first client.
    public struct NowError: Error, Sendable {
        public let message: String
    }

    /// Audits every client of the store. `progress` is called after each page.
    ///
    /// Three pages are in hand at once, each at its own stage: the store reads one (on
    /// the driver's thread), the one read before becomes snapshots (one task), and the
    /// one before that is checked (`jobs` tasks). With `--jobs 1` the rows' checks thus
    /// run beside the findings rather than before them.
    public func run(_ store: Store, progress: @Sendable (Progress) -> Void = { _ in }) async throws -> Report {
        let total = try await store.clientCount()
        let readTime = Date()
        var rows: [AuditRow] = []
        var problems: [String] = []
        var done = 0
        let first = try await store.nextClientPage(after: nil, size: pageSize)
        var read = try await page(of: store, after: first)
        var checking = snapshots(of: first, readTime: readTime)
        while !checking.isEmpty {
            let last = read
            async let nextRead = page(of: store, after: last)
            async let nextChecking = snapshots(of: last, readTime: readTime)
            let results = try await audit(checking)
            for result in results {
                rows += result.rows
                problems += result.problems
            }
            done += checking.count
            progress(Progress(done: done, total: max(total, done)))
            checking = await nextChecking
            read = try await nextRead
        }
        return Report(clients: done, rows: rows.sorted(by: AuditRow.worstFirst), problems: problems)
    }

    /// The page after `page`; none when `page` was the last (empty, or not full).
    private func page(of store: Store, after page: [ClientRows]) async throws -> [ClientRows] {
        guard page.count == pageSize, let after = page.last?.clientID else { return [] }
        return try await store.nextClientPage(after: after, size: pageSize)
    }

    /// A client made ready to check: its snapshot, or what is wrong with its rows.
    enum Checked: Sendable {
        case snapshot(client: String, Snapshot)
        case badData(client: String, text: String)
    }

    /// A page's clients as snapshots; a client with bad rows as the text of its `bad-data` row.
    private func snapshots(of page: [ClientRows], readTime: Date) -> [Checked] {
        page.map { snapshot(of: $0, readTime: readTime) }
    }

    func snapshot(of rows: ClientRows, readTime: Date) -> Checked {
        do throws(DiagnosticsError) {
            return .snapshot(client: rows.clientID,
                             try SnapshotReader.read(rows: rows, policy: explainer.pack.policy, now: readTime))
        } catch {
            let text = error.diagnostics.map { diagnostic in
                (diagnostic.location.map { "\($0): " } ?? "") + diagnostic.message
            }.joined(separator: "; ")
            return .badData(client: rows.clientID, text: text)
        }
    }

    /// One client's rows and rule problems.
    struct ClientResult: Sendable {
        var rows: [AuditRow] = []
        var problems: [String] = []
    }

    /// A page's clients, shared out among `jobs` tasks, each taking the next client not
    /// yet taken (clients differ in size: a fixed share left one task waiting for the
    /// other); results in the page's order.
    private func audit(_ page: [Checked]) async throws -> [ClientResult] {
        let jobs = min(self.jobs, page.count)
        let next = NextIndex()
        return try await withThrowingTaskGroup(of: [(Int, ClientResult)].self) { group in
            for _ in 0..<jobs {
                group.addTask {
                    var results: [(Int, ClientResult)] = []
                    while case let index = next.take(), index < page.count {
                        results.append((index, try self.audit(page[index])))
                    }
                    return results
                }
            }
            var results = Array(repeating: ClientResult(), count: page.count)
            for try await part in group {
                for (index, result) in part { results[index] = result }
            }
            return results
        }
    }

    /// One client: bad rows are a row of their own; otherwise the findings of the
    /// default window ending at the client's "now".
    func audit(_ checked: Checked) throws -> ClientResult {
        let id: String
        let snapshot: Snapshot
        switch checked {
        case .badData(let client, let text):
            return ClientResult(rows: [AuditRow(client: client, rule: AuditRow.badDataRule, severity: .warning, entries: [], text: text)])
        case .snapshot(let client, let value):
            id = client
            snapshot = value
        }
        let query: ExplainQuery
        do throws(QueryError) {
            query = try ExplainQuery.resolve(snapshot: snapshot, expected: snapshot.client.balance, now: now)
        } catch {
            throw NowError(message: error.message)
        }
        let (findings, problems) = explainer.findings(snapshot, query)
        return ClientResult(
            rows: findings.map { AuditRow(client: id, rule: $0.rule, severity: $0.severity, entries: $0.entries, text: $0.text) },
            problems: problems.map { "client '\(id)': \($0)" })
    }
}

/// Hands out 0, 1, 2, ... to the tasks that ask, each number once.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }
}
