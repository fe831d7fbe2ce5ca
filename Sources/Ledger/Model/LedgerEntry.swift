import Diagnostics
import Foundation

/// One line of the credits log: a signed movement of whole tokens.
public struct LedgerEntry: Sendable, Identifiable {
    /// Unique within the snapshot, such as `e-1043`.
    public let id: String
    /// When it happened.
    public let at: Date
    /// The UTC offset written in the input, in seconds (`-06:00` is -21600).
    public let offsetSeconds: Int
    /// What kind of movement it is.
    public let type: EntryType
    /// Signed whole tokens: negative for deductions, positive for additions.
    public let amount: Int
    /// The creative it concerns (submissions, refunds, overages), if any.
    public let creative: String?
    /// A note, such as the reason an admin adjustment was made.
    public let note: String?
    /// Position in the input (0-based), for tie-breaking and citations.
    public let logIndex: Int
    /// Where the entry was written.
    public let location: SourceLocation

    /// Makes an entry; readers and tests use it.
    public init(id: String, at: Date, offsetSeconds: Int, type: EntryType, amount: Int,
                creative: String? = nil, note: String? = nil, logIndex: Int, location: SourceLocation) {
        self.id = id
        self.at = at
        self.offsetSeconds = offsetSeconds
        self.type = type
        self.amount = amount
        self.creative = creative
        self.note = note
        self.logIndex = logIndex
        self.location = location
    }
}
