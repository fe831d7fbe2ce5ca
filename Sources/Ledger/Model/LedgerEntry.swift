import Diagnostics
import Foundation

/// One line of the credits log: a signed movement of whole tokens.
///
/// 96 bytes: the small numbers are kept as 32-bit integers, and the source file's name
/// is the snapshot's (`Snapshot.location(of:)`), not a copy per entry. A large log
/// holds 100,000 of these, and a third of the time spent filling them was the pages
/// they are written to.
public struct LedgerEntry: Sendable, Identifiable {
    /// Unique within the snapshot, such as `e-1043`.
    public let id: String
    /// When it happened.
    public let at: Date
    /// What kind of movement it is.
    public let type: EntryType
    /// Signed whole tokens: negative for deductions, positive for additions.
    public let amount: Int
    /// The creative it concerns (submissions, refunds, overages), if any.
    public let creative: String?
    /// A note, such as the reason an admin adjustment was made.
    public let note: String?
    private let storedOffset: Int32
    private let storedLogIndex: Int32
    private let storedLine: Int32
    private let storedColumn: Int32

    /// The UTC offset written in the input, in seconds (`-06:00` is -21600).
    public var offsetSeconds: Int { Int(storedOffset) }
    /// Position in the input (0-based), for tie-breaking and citations.
    public var logIndex: Int { Int(storedLogIndex) }
    /// Where the entry was written in its snapshot: 1-based line and column.
    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    /// Makes an entry; readers and tests use it. The offset is at most a day either
    /// way, and the log index, line and column fit 32 bits (a snapshot is a text under 2 GiB).
    public init(id: String, at: Date, offsetSeconds: Int, type: EntryType, amount: Int,
                creative: String? = nil, note: String? = nil, logIndex: Int, line: Int, column: Int) {
        precondition(abs(offsetSeconds) <= 86_400, "a UTC offset is within a day")
        self.id = id
        self.at = at
        self.type = type
        self.amount = amount
        self.creative = creative
        self.note = note
        self.storedOffset = Int32(offsetSeconds)
        self.storedLogIndex = Int32(logIndex)
        self.storedLine = Int32(line)
        self.storedColumn = Int32(column)
    }
}
