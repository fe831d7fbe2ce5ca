/// The replay's rows in time order. Kept compact (an index and the buckets after
/// each step) and turned into `ReplayRow` values only when read, so that replaying
/// a 100,000-entry log copies no entry.
public struct ReplayRows: RandomAccessCollection, Sendable {
    /// The buckets after a computed movement (an entry's are in `entryStates`).
    struct MovementState: Sendable {
        let plan: Int
        let rollover: Int
        let outstanding: Int
    }

    /// Each step in time order: an entry's log index (0 or more), or a movement's
    /// position as -1 - position. Four bytes a step keeps the replay cache-friendly.
    private let steps: [Int32]
    private let entries: [LedgerEntry]
    private let entryStates: [EntryState]
    private let movements: [ComputedMovement]
    private let movementStates: [MovementState]

    init(steps: [Int32], entries: [LedgerEntry], entryStates: [EntryState], movements: [ComputedMovement],
         movementStates: [MovementState]) {
        self.steps = steps
        self.entries = entries
        self.entryStates = entryStates
        self.movements = movements
        self.movementStates = movementStates
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { steps.count }

    /// The row at a position in time order.
    public subscript(position: Int) -> ReplayRow {
        let step = Int(steps[position])
        if step >= 0 {
            let state = entryStates[step]
            return ReplayRow(kind: .entry(entries[step]), planAfter: state.planAfter, rolloverAfter: state.rolloverAfter,
                             outstandingAfter: state.outstandingAfter)
        }
        let state = movementStates[-1 - step]
        return ReplayRow(kind: .movement(movements[-1 - step]), planAfter: state.plan, rolloverAfter: state.rollover,
                         outstandingAfter: state.outstanding)
    }

    /// Whether the row at a position is an entry, without making the row.
    public func isEntry(at position: Int) -> Bool {
        steps[position] >= 0
    }
}
