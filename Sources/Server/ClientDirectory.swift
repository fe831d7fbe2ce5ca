import Ledger
import Store

/// Where the console finds clients: the store (SPEC section 9), opened read-only
/// (`StoreClients`). The console asks nothing else of it; route tests may hand it others.
public protocol ClientDirectory: Sendable {
    /// Clients whose id or name contains `text` (any case), by name, at most `limit`;
    /// every client (up to `limit`) when `text` is empty.
    func clients(matching text: String, limit: Int) async throws -> [ClientSummary]

    /// The client's snapshot, checked as a snapshot file is; nil when there is no such client.
    /// Rows that break the contract throw `DiagnosticsError` (named by table, client, row and column).
    func snapshot(of id: String) async throws -> Snapshot?
}
