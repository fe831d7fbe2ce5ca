import Ledger

/// One row a query gave: its values in the order the query selects them.
public struct StoreRow: Sendable {
    public let values: [RowValue]

    public init(_ values: [RowValue]) {
        self.values = values
    }

    public subscript(column: Int) -> RowValue {
        values[column]
    }
}

/// The SQL each kind of store speaks, where statements must differ.
public enum StoreDialect: String, Sendable {
    case sqlite, postgres
}
