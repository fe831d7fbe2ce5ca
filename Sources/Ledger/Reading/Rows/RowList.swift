/// The rows of one table for one client, row after row in one array: a large log has
/// a million entries, and an array per row would be a million allocations.
public struct RowList: Sendable {
    /// The table the rows are of; `table.columns` are the values of each row.
    public let table: StoreTable
    /// The values, row after row.
    public private(set) var values: [RowValue] = []

    /// The number of values a row has (`table.columns` makes its list on each call).
    public let width: Int

    public init(_ table: StoreTable) {
        self.table = table
        width = table.columns.count
    }

    /// The number of rows.
    public var count: Int { values.count / width }

    /// Adds a row: one value per column of `table.columns`, in that order.
    public mutating func append<Row: Collection<RowValue>>(_ row: Row) {
        precondition(row.count == width, "a \(table.rawValue) row has \(width) values")
        values.append(contentsOf: row)
    }

    /// Adds a row given as a slice (a store row without its `client_id`): the store's
    /// readers add millions, and this form needs no generic call per row.
    public mutating func append(_ row: ArraySlice<RowValue>) {
        precondition(row.count == width, "a \(table.rawValue) row has \(width) values")
        values.append(contentsOf: row)
    }

    /// Adds one value of the row being added (all of a row's values, in order, before the next row's).
    public mutating func appendValue(_ value: RowValue) {
        values.append(value)
    }

    /// Makes room for this many rows.
    public mutating func reserveCapacity(_ rows: Int) {
        values.reserveCapacity(rows * width)
    }

    /// A row's values.
    public subscript(row: Int) -> ArraySlice<RowValue> {
        values[row * width..<(row + 1) * width]
    }

    /// One value of a row, by column position.
    public subscript(row: Int, column: Int) -> RowValue {
        values[row * width + column]
    }
}
