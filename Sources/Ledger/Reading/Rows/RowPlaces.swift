/// Where the values of a document built from a client's rows were: a node's line is
/// its row (1-based, in the order rows were added), its column the table column
/// (1-based; 0 for the row itself). Messages name the place the way SPEC section 9
/// does: `clients/acme entries/e-9 creative_id`. A row is noted by its table and
/// position; the name a message gives it is made only when a message needs it (a
/// million rows, and nearly never a message).
struct RowPlaces: Sendable {
    /// The rows the places are in.
    let rows: ClientRows
    private var lines: [(table: StoreTable, row: Int32)] = []
    /// `clients/acme`, made once: every creative's place starts with it.
    private let clientPlace: String

    init(rows: ClientRows) {
        self.rows = rows
        clientPlace = "clients/" + rows.clientID
    }

    /// The client whose rows these are.
    var clientID: String { rows.clientID }

    /// Notes row `row` of `table` (0 for `clients` and `accounts`); returns its line.
    mutating func add(_ table: StoreTable, row: Int) -> Int {
        lines.append((table, Int32(truncatingIfNeeded: row)))
        return lines.count
    }

    /// `clients/acme entries/e-9 creative_id`; `clients/acme` for line 0 (the document itself).
    func place(line: Int, column: Int) -> String {
        var text = clientPlace
        guard line >= 1, line <= lines.count else { return text }
        let (table, row) = lines[line - 1]
        switch table {
        case .clients: break
        case .accounts: text = "accounts/\(rows.account?[0].id ?? "NULL")"
        default: text += " \(table.rawValue)/\(name(of: Int(row), in: table))"
        }
        let columns = table.columns
        if column >= 1, column <= columns.count { text += " " + columns[column - 1] }
        return text
    }

    /// How a message names a row of a per-client table: its id; a clip by its creative
    /// and position (`cr-1/2`); a plan change by its position in the list (1-based).
    private func name(of row: Int, in table: StoreTable) -> String {
        let list = rows[table]
        switch table {
        case .clips:
            return "\(list[row, table.column("creative_id")].id ?? "NULL")/\(list[row, table.column("position")])"
        case .planChanges:
            return "\(row + 1)"
        default:
            return list[row, table.column("id")].id ?? "NULL"
        }
    }
}
