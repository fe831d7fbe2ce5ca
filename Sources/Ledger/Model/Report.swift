import Diagnostics
import Foundation

/// A discrepancy this client reported before.
public struct Report: Sendable, Identifiable {
    public let id: String
    public let openedAt: Date
    public let expected: Int
    public let actual: Int
    public let note: String?
    public let location: SourceLocation

    public init(id: String, openedAt: Date, expected: Int, actual: Int, note: String? = nil, location: SourceLocation) {
        self.id = id
        self.openedAt = openedAt
        self.expected = expected
        self.actual = actual
        self.note = note
        self.location = location
    }
}
