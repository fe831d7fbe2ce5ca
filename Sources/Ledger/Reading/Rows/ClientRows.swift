/// One client's rows in the store (SPEC section 9), each table's in the order the
/// store reads them: what a snapshot becomes on import, and what a store reader hands
/// to `SnapshotReader.read(rows:policy:now:)` to become a checked snapshot again.
public struct ClientRows: Sendable {
    /// The `clients` row, one value per column of `StoreTable.clients.columns`.
    public var client: [RowValue]
    /// The `accounts` row the client's `account_id` names, if the store has it.
    public var account: [RowValue]?
    /// Ordered by `seq`.
    public var entries = RowList(.entries)
    public var creatives = RowList(.creatives)
    /// Ordered by creative, then position.
    public var clips = RowList(.clips)
    /// Ordered by `at`.
    public var planChanges = RowList(.planChanges)
    public var reports = RowList(.reports)
    /// The account's other clients: those the snapshot named, in its order, then the
    /// store's other clients of the account. A `clients` row wins over a
    /// `credits_other_clients` row with the same id (SPEC section 9).
    public var otherClients = RowList(.otherClients)

    public init(client: [RowValue], account: [RowValue]? = nil) {
        precondition(client.count == StoreTable.clients.columns.count, "a clients row has \(StoreTable.clients.columns.count) values")
        self.client = client
        self.account = account
    }

    /// The client's id as the row holds it (empty when NULL).
    public var clientID: String {
        client[0].id ?? ""
    }

    /// The rows of a per-client table. (Setting a whole list is cheap; appending through
    /// this subscript would copy the list: append to the property itself.)
    public subscript(table: StoreTable) -> RowList {
        get {
            switch table {
            case .entries: entries
            case .creatives: creatives
            case .clips: clips
            case .planChanges: planChanges
            case .reports: reports
            case .otherClients: otherClients
            case .accounts, .clients: preconditionFailure("\(table.rawValue) is not a per-client table")
            }
        }
        set {
            switch table {
            case .entries: entries = newValue
            case .creatives: creatives = newValue
            case .clips: clips = newValue
            case .planChanges: planChanges = newValue
            case .reports: reports = newValue
            case .otherClients: otherClients = newValue
            case .accounts, .clients: preconditionFailure("\(table.rawValue) is not a per-client table")
            }
        }
    }
}
