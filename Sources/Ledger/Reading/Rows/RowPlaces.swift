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
    /// Written as UTF-8 into one buffer, the id straight from the row's: every creative,
    /// plan change and report of a snapshot keeps its place (tens of thousands in an
    /// audit), and appending the pieces as strings was a tenth of reading the rows.
    func place(line: Int, column: Int) -> String {
        guard line >= 1, line <= lines.count else { return clientPlace }
        let (table, row) = lines[line - 1]
        var text: [UInt8] = []
        text.reserveCapacity(64)
        switch table {
        case .clients: text += clientPlace.utf8
        case .accounts: text += "accounts/\(rows.account?[0].id ?? "NULL")".utf8
        default:
            text += clientPlace.utf8
            text.append(UInt8(ascii: " "))
            text += table.rawValue.utf8
            text.append(UInt8(ascii: "/"))
            appendName(of: Int(row), in: table, to: &text)
        }
        let columns = table.columns
        if column >= 1, column <= columns.count {
            text.append(UInt8(ascii: " "))
            text += columns[column - 1].utf8
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// How a message names a row of a per-client table: its id; a clip by its creative
    /// and position (`cr-1/2`); a plan change by its position in the list (1-based).
    private func appendName(of row: Int, in table: StoreTable, to text: inout [UInt8]) {
        let list = rows[table]
        switch table {
        case .clips:
            appendID(list, row, Column.clipCreative, to: &text)
            text.append(UInt8(ascii: "/"))
            text += list[row, Column.clipPosition].description.utf8
        case .planChanges:
            text += String(row + 1).utf8
        default:
            appendID(list, row, Column.id(of: table), to: &text)
        }
    }

    /// A value as `RowValue.id` shows it (`NULL` for none), text straight from the list's buffer.
    private func appendID(_ list: RowList, _ row: Int, _ column: Int, to text: inout [UInt8]) {
        guard list.kind(row, column) == .text else {
            text += (list[row, column].id ?? "NULL").utf8
            return
        }
        list.withText(row, column) { text.append(contentsOf: $0) }
    }

    /// Column positions, found once by name.
    private enum Column {
        static let clipCreative = StoreTable.clips.column("creative_id"), clipPosition = StoreTable.clips.column("position")
        static let entryID = StoreTable.entries.column("id"), creativeID = StoreTable.creatives.column("id")
        static let reportID = StoreTable.reports.column("id"), otherClientID = StoreTable.otherClients.column("id")

        static func id(of table: StoreTable) -> Int {
            switch table {
            case .entries: entryID
            case .creatives: creativeID
            case .reports: reportID
            case .otherClients: otherClientID
            default: table.column("id")
            }
        }
    }
}
