import Diagnostics
import Explainer
import Foundation
import Ledger
import Store

/// `credits audit` (SPEC section 9): every finding rule over every client of a store.
/// The store is read once, a page of clients at a time, in two stages that run side by
/// side, each at its own pace: one task reads the pages and makes each client's snapshot
/// (the next page read while this one becomes snapshots), and `jobs` tasks check the
/// snapshots, each taking the next one. Memory holds two pages and a page of snapshots
/// waiting to be checked, and the findings, however many clients there are.
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

    /// Audits every client of the store. `progress` is called after each page's worth of clients.
    ///
    /// The stages are joined by a `Handover` of a page of snapshots rather than run in
    /// lockstep, a page each: in lockstep each page waited for the slowest of the stages,
    /// the others' cores idle meanwhile (1.45 of 2 cores used). With `--jobs 1` the
    /// rows' checks still run beside the findings rather than before them.
    public func run(_ store: Store, progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws -> Report {
        let total = try await store.clientCount()
        let readTime = Date()
        let ready = Handover<(Int, Checked)>(capacity: pageSize)
        let done = Tally()
        let parts = try await withThrowingTaskGroup(of: [(Int, ClientResult)].self) { group in
            group.addTask {
                try await ready.closing {
                    try await self.snapshots(of: store, readTime: readTime, into: ready)
                    ready.finish()
                    return []
                }
            }
            for _ in 0..<jobs {
                group.addTask {
                    try await ready.closing {
                        var results: [(Int, ClientResult)] = []
                        while let (index, checked) = await ready.take() {
                            results.append((index, try self.audit(checked)))
                            let count = done.add()
                            if count % pageSize == 0 { progress(Progress(done: count, total: max(total, count))) }
                            // Lets the snapshot task have its turn when its snapshots run low:
                            // the pool has a thread per core, and with as many checking tasks it
                            // ran only when they all waited for it (--jobs 2 used 1.55 of 2
                            // cores). Not at every client: a yield with nothing else to run
                            // moved the task to the other thread, each time.
                            if ready.waiting < pageSize / 2 { await Task.yield() }
                        }
                        return results
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let clients = done.count
        if clients % pageSize != 0 { progress(Progress(done: clients, total: max(total, clients))) }
        var rows: [AuditRow] = []
        var problems: [String] = []
        for (_, result) in parts.sorted(by: { $0.0 < $1.0 }) {
            rows += result.rows
            problems += result.problems
        }
        return Report(clients: clients, rows: rows.sorted(by: AuditRow.worstFirst), problems: problems)
    }

    /// Reads every page of the store and hands each client over as a snapshot (or the
    /// text of its `bad-data` row), numbered in the store's order; the next page is read
    /// while this one becomes snapshots. Stops early when the handover is closed.
    private func snapshots(of store: Store, readTime: Date, into ready: Handover<(Int, Checked)>) async throws {
        var page = try await store.nextClientPage(after: nil, size: pageSize)
        var index = 0
        while !page.isEmpty {
            let current = page
            async let next = self.page(of: store, after: current)
            for rows in current {
                guard await ready.put((index, snapshot(of: rows, readTime: readTime))) else { return }
                index += 1
            }
            page = try await next
        }
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

/// Counts the clients checked, from any task.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    var count: Int { lock.withLock { value } }

    /// Counts one more; returns the count.
    func add() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
