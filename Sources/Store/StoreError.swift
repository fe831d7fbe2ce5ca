import Diagnostics

/// A store that cannot be opened, read or written: the database's own words, with
/// what `credits` was doing. Bad rows are not store errors: they are diagnostics
/// (`DiagnosticsError`) named by table, client, row and column.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
