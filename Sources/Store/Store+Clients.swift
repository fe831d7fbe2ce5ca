import Diagnostics
import Foundation
import Ledger

/// A client as a list shows it (the console's search, `db` commands).
public struct ClientSummary: Sendable, Hashable {
    public let id: String
    public let name: String
    /// The account's id, if the client has one.
    public let account: String?
    /// The balance shown now.
    public let balance: Int
}

extension Store {
    /// Clients whose id or name contains `text` (case does not matter), by id, at most
    /// `limit`; every client (up to `limit`) when `text` is nil or empty.
    public func clients(matching text: String? = nil, limit: Int = 50) async throws -> [ClientSummary] {
        var sql = "SELECT id, name, account_id, balance FROM clients"
        var binds: [RowValue] = []
        if let text, !text.isEmpty {
            let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            sql += " WHERE lower(id) LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE '\\'"
            binds = [.text("%\(escaped)%"), .text("%\(escaped)%")]
        }
        sql += " ORDER BY id LIMIT ?"
        binds.append(.integer(max(0, limit)))
        return try await query(sql, binds).map { row in
            ClientSummary(id: row[0].id ?? "", name: row[1].id ?? "", account: row[2].id,
                          balance: row[3].integer ?? 0)
        }
    }

    /// The number of clients.
    public func clientCount() async throws -> Int {
        try await query("SELECT COUNT(*) FROM clients").first?[0].integer ?? 0
    }

    /// Whether the store has a client with this id.
    public func hasClient(_ id: String) async throws -> Bool {
        try await !query("SELECT 1 FROM clients WHERE id = ?", [.text(id)]).isEmpty
    }

    /// One client's rows; nil when the store has no such client.
    public func clientRows(_ id: String) async throws -> ClientRows? {
        try await ClientPage.read(self, clients: "SELECT \(ClientPage.clientColumns) FROM clients WHERE id = ?", [.text(id)]).first
    }

    /// One client as a checked snapshot (SPEC section 9): nil when the store has no such
    /// client; bad rows throw a `DiagnosticsError` naming table, client, row and column.
    /// `now` stands for a NULL `generated_at`.
    public func snapshot(client id: String, policy: Policy?, now: Date = Date()) async throws -> Snapshot? {
        guard let rows = try await clientRows(id) else { return nil }
        return try SnapshotReader.read(rows: rows, policy: policy, now: now)
    }

    /// Every client's rows, a page of clients at a time in id order, each table read
    /// once per page: memory holds one page, however many clients the store has.
    /// `body` gets each page in turn.
    public func forEachClientPage(size: Int = 256, _ body: ([ClientRows]) async throws -> Void) async throws {
        var after: String?
        while true {
            let page = try await nextClientPage(after: after, size: size)
            guard let last = page.last else { return }
            after = last.clientID
            try await body(page)
            if page.count < size { return }
        }
    }

    /// The page of clients after `after` (from the first when nil), in id order.
    public func nextClientPage(after: String?, size: Int) async throws -> [ClientRows] {
        var sql = "SELECT \(ClientPage.clientColumns) FROM clients"
        var binds: [RowValue] = []
        if let after {
            sql += " WHERE id > ?"
            binds.append(.text(after))
        }
        sql += " ORDER BY id LIMIT ?"
        binds.append(.integer(max(1, size)))
        return try await ClientPage.read(self, clients: sql, binds)
    }
}

/// Reads the rows of a page of clients (a contiguous range of ids): the clients, then
/// each table once for the whole range, sorted by client, each row handed to its client.
enum ClientPage {
    static let clientColumns = StoreTable.clients.columns.joined(separator: ", ")

    /// How each per-client table is read: its columns, and the order within a client.
    private static func select(_ table: StoreTable) -> String {
        let order: String
        switch table {
        case .entries: order = "seq, id"
        case .creatives: order = "id"
        case .clips: order = "creative_id, position"
        case .planChanges: order = "at, from_plan, to_plan"
        case .reports: order = "opened_at, id"
        case .otherClients: order = "position"
        case .accounts, .clients: preconditionFailure("not a per-client table")
        }
        return "SELECT client_id, \(table.columns.joined(separator: ", ")) FROM \(table.rawValue)"
            + " WHERE client_id >= ? AND client_id <= ? ORDER BY client_id, \(order)"
    }

    static func read(_ store: Store, clients sql: String, _ binds: [RowValue]) async throws -> [ClientRows] {
        let clients = try await store.query(sql, binds)
        guard let first = clients.first?[0], let last = clients.last?[0] else { return [] }
        var page = PageRows(clients: clients.map { ClientRows(client: $0.values) })
        let range: [RowValue] = [first, last]
        let accounts = try await store.query(
            "SELECT id, name FROM accounts WHERE id IN (SELECT account_id FROM clients WHERE id >= ? AND id <= ?)", range)
        page.setAccounts(accounts)
        // The tables at once, each into a copy of the page (its lists empty but its own):
        // PostgreSQL runs them on connections of their own, so that the server's work and
        // the rows' travel overlap; SQLite's one connection takes them in turn.
        let queries = [StoreTable.entries, .creatives, .clips, .planChanges, .reports].map { ($0, [select($0)]) }
            + [(.otherClients, otherClients)]
        let backend = store.backend
        try await withThrowingTaskGroup(of: PageRows.self) { group in
            for (table, statements) in queries {
                group.addTask { [page] in
                    var part = page
                    part.table = table
                    for statement in statements { try await backend.readRows(statement, range, into: &part) }
                    return part
                }
            }
            for try await part in group { page.takeRows(of: part.table, from: part) }
        }
        return page.clients
    }

    /// The account's other clients: those a snapshot named, a full `clients` row winning
    /// over the tool's own; then the account's other clients it did not name.
    private static let otherClients = [
        """
        SELECT o.client_id, o.position, o.id, COALESCE(c.name, o.name), COALESCE(c.balance, o.balance)
        FROM credits_other_clients o LEFT JOIN clients c ON c.id = o.id
        WHERE o.client_id >= ? AND o.client_id <= ? ORDER BY o.client_id, o.position
        """,
        """
        SELECT c.id, NULL, o.id, o.name, o.balance
        FROM clients c JOIN clients o ON o.account_id = c.account_id AND o.id <> c.id
        WHERE c.id >= ? AND c.id <= ?
          AND NOT EXISTS (SELECT 1 FROM credits_other_clients x WHERE x.client_id = c.id AND x.id = o.id)
        ORDER BY c.id, o.id
        """,
    ]
}

/// The page being filled: a backend reads the rows of one table (`table`) and hands each
/// to its client (`selectClient`, then `appendRow`). Each table's rows come sorted by
/// client, so a row is nearly always its predecessor's client's: that one is compared
/// first, as bytes, before the lookup. A value, filled in place (`inout`): a class's
/// property would check for exclusive access on each of millions of rows.
struct PageRows: Sendable {
    private var storage: [ClientRows]
    private let positions: [String: Int]
    /// The table whose rows are being read.
    var table = StoreTable.entries
    /// The client of the row selected last, and its position in `storage` (-1: none).
    private var lastClient: [UInt8] = []
    private var lastPosition = -1

    init(clients: [ClientRows]) {
        storage = clients
        positions = Dictionary(clients.enumerated().map { ($1.clientID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var clients: [ClientRows] { storage }

    mutating func setAccounts(_ rows: [StoreRow]) {
        let byID = Dictionary(rows.map { ($0[0].id ?? "", $0.values) }, uniquingKeysWith: { first, _ in first })
        let accountColumn = StoreTable.clients.columns.firstIndex(of: "account_id")!
        for index in storage.indices {
            if let id = storage[index].client[accountColumn].id { storage[index].account = byID[id] }
        }
    }

    /// Selects the client whose id is this UTF-8 for the rows that follow; false when no
    /// client of the page has it (its rows are left out).
    mutating func selectClient(utf8 id: UnsafeRawBufferPointer) -> Bool {
        if lastPosition >= 0, lastClient.withUnsafeBytes({ $0.hasSameBytes(as: id) }) { return true }
        return selectClient(id: String(decoding: id, as: UTF8.self))
    }

    /// `selectClient(utf8:)` for an id given as a string (`RowValue.id`).
    mutating func selectClient(id: String) -> Bool {
        guard let position = positions[id] else {
            lastPosition = -1
            return false
        }
        lastClient = Array(id.utf8)
        lastPosition = position
        return true
    }

    /// Moves every client's list of `table` from `other`, a copy of this page filled with them.
    mutating func takeRows(of table: StoreTable, from other: PageRows) {
        for index in storage.indices { storage[index][table] = other.storage[index][table] }
    }

    /// Adds a row to the selected client's list of `table`: `body` appends its values.
    mutating func appendRow(_ body: (inout RowList) throws -> Void) rethrows {
        precondition(lastPosition >= 0, "no client selected")
        switch table {
        case .entries: try body(&storage[lastPosition].entries)
        case .creatives: try body(&storage[lastPosition].creatives)
        case .clips: try body(&storage[lastPosition].clips)
        case .planChanges: try body(&storage[lastPosition].planChanges)
        case .reports: try body(&storage[lastPosition].reports)
        case .otherClients: try body(&storage[lastPosition].otherClients)
        case .accounts, .clients: preconditionFailure("not a per-client table")
        }
    }
}
