/// A table of the client store (SPEC section 9) and the columns a client's rows are
/// handed over in: the one place that names them, for the store's queries and
/// statements and for the places messages name (`clients/acme entries/e-9 creative_id`).
/// Every table but `accounts` and `clients` is read per client, its `client_id` left out.
public enum StoreTable: String, CaseIterable, Sendable {
    case accounts, clients, entries, creatives, clips
    case planChanges = "plan_changes"
    case reports
    /// The snapshot's `other_clients` that are not clients of the store (only an id,
    /// a name and a balance), so that import then export is exact.
    case otherClients = "credits_other_clients"

    /// The columns, in the order values are handed over (`client_id` left out).
    public var columns: [String] {
        switch self {
        case .accounts: Columns.accounts
        case .clients: Columns.clients
        case .entries: Columns.entries
        case .creatives: Columns.creatives
        case .clips: Columns.clips
        case .planChanges: Columns.planChanges
        case .reports: Columns.reports
        case .otherClients: Columns.otherClients
        }
    }

    /// The lists, made once: a message's place names a column, and every client's rows
    /// ask for widths.
    private enum Columns {
        static let accounts = ["id", "name"]
        static let clients = ["id", "account_id", "name", "timezone", "plan", "billing_anchor", "auto_reload_enabled",
                              "auto_reload_amount", "balance", "outstanding", "opening_plan_tokens", "opening_rollover_tokens",
                              "generated_at"]
        static let entries = ["id", "seq", "at", "type", "amount", "creative_id", "note"]
        static let creatives = ["id", "title", "submitted_at", "status", "delivered_at", "delivered_seconds"]
        static let clips = ["creative_id", "position", "seconds"]
        static let planChanges = ["at", "from_plan", "to_plan"]
        static let reports = ["id", "opened_at", "expected", "actual", "note"]
        static let otherClients = ["position", "id", "name", "balance"]
    }

    /// Whether the table's rows belong to one client (a `client_id` column).
    public var isPerClient: Bool {
        self != .accounts && self != .clients
    }

    /// The position of a column in `columns`.
    func column(_ name: String) -> Int {
        guard let index = columns.firstIndex(of: name) else { preconditionFailure("\(rawValue) has no column '\(name)'") }
        return index
    }
}
