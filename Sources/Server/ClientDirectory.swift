import Ledger

/// One line of a client search: who, which account, the balance shown.
public struct ClientSummary: Sendable, Equatable {
    public let id: String
    public let name: String
    /// The account's name (else its id); nil when the client has none.
    public let account: String?
    public let balance: Int

    public init(id: String, name: String, account: String?, balance: Int) {
        self.id = id
        self.name = name
        self.account = account
        self.balance = balance
    }
}

/// Where the console finds clients: the store (SPEC section 9), opened read-only.
/// The console asks nothing else of it.
public protocol ClientDirectory: Sendable {
    /// Clients whose id or name contains `text` (any case), by name, at most `limit`;
    /// every client (up to `limit`) when `text` is empty.
    func clients(matching text: String, limit: Int) async throws -> [ClientSummary]

    /// The client's snapshot, checked as a snapshot file is; nil when there is no such client.
    /// Rows that break the contract throw `DiagnosticsError` (named by table, client, row and column).
    func snapshot(of id: String) async throws -> Snapshot?
}
