/// Where the values of a document built from a client's rows were: a node's line is
/// its row (1-based, in the order rows were added), its column the table column
/// (1-based; 0 for the row itself). Messages name the place the way SPEC section 9
/// does: `clients/acme entries/e-9 creative_id`.
struct RowPlaces: Sendable {
    /// The client whose rows these are.
    let clientID: String
    private var rows: [(table: StoreTable, id: String)] = []

    init(clientID: String) {
        self.clientID = clientID
    }

    /// Notes a row of `table` whose id (as a message names it) is `id`; returns its line.
    mutating func add(_ table: StoreTable, id: String) -> Int {
        rows.append((table, id))
        return rows.count
    }

    /// `clients/acme entries/e-9 creative_id`; `clients/acme` for line 0 (the document itself).
    func place(line: Int, column: Int) -> String {
        var text = "clients/\(clientID)"
        guard line >= 1, line <= rows.count else { return text }
        let row = rows[line - 1]
        switch row.table {
        case .clients: break
        case .accounts: text = "accounts/\(row.id)"
        default: text += " \(row.table.rawValue)/\(row.id)"
        }
        if column >= 1, column <= row.table.columns.count { text += " " + row.table.columns[column - 1] }
        return text
    }
}
