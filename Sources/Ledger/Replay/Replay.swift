import Foundation

/// The credits log replayed from the opening balances (SPEC section 2): what each
/// bucket held after every entry, and the movements no entry records.
public struct Replay: Sendable {
    /// Entries and computed movements in time order (ties by log order); an expiry
    /// comes just before the allocation it cites.
    public let rows: ReplayRows
    /// The buckets around each entry, indexed by `LedgerEntry.logIndex`.
    public let entryStates: [EntryState]
    /// Movements no entry records, in time order.
    public let movements: [ComputedMovement]
    /// The buckets after the last row.
    public let planTokens: Int
    public let rolloverTokens: Int
    public let outstanding: Int
    /// The balance the client sees now (`client.balance`).
    public let shownBalance: Int

    /// Plan plus rolled-over tokens after the last row.
    public var replayedBalance: Int { planTokens + rolloverTokens }

    /// Whether the replay gives the balance shown; a mismatch is a fact to report, not an error.
    public var matchesShownBalance: Bool { replayedBalance == shownBalance }

    /// The buckets around one entry.
    public func state(of entry: LedgerEntry) -> EntryState {
        entryStates[entry.logIndex]
    }

    /// Replays a snapshot's log under a policy. O(n log n) for the sort, O(n) otherwise.
    public static func run(_ snapshot: Snapshot, policy: Policy) -> Replay {
        var ledger = Buckets(plan: snapshot.opening.planTokens, rollover: snapshot.opening.rolloverTokens,
                             outstanding: 0, order: policy.deductionOrder)
        let entries = snapshot.entries
        var steps: [Int32] = []
        steps.reserveCapacity(entries.count + entries.count / 16)
        var movements: [ComputedMovement] = []
        var movementStates: [ReplayRows.MovementState] = []
        let order = timeOrder(entries)
        // States are kept in log order, steps in time order: fill the states by index.
        let states = [EntryState](unsafeUninitializedCapacity: entries.count) { buffer, initialized in
            for index in order {
                let before = ledger
                let type = entries[index].type
                if type == .planAllocation && ledger.plan > 0 {
                    let entry = entries[index]
                    movements.append(ComputedMovement(kind: .planTokensExpired, id: "expiry:\(entry.id)", at: entry.at,
                                                      amount: -ledger.plan, entries: [entry.id]))
                    ledger.plan = 0
                    movementStates.append(ReplayRows.MovementState(plan: ledger.plan, rollover: ledger.rollover,
                                                                   outstanding: ledger.outstanding))
                    steps.append(Int32(truncatingIfNeeded: -movements.count))
                }
                ledger.apply(type, amount: entries[index].amount)
                (buffer.baseAddress! + index).initialize(to: EntryState(
                    planBefore: before.plan, rolloverBefore: before.rollover, planAfter: ledger.plan,
                    rolloverAfter: ledger.rollover, outstandingBefore: before.outstanding,
                    outstandingAfter: ledger.outstanding))
                steps.append(Int32(truncatingIfNeeded: index))
            }
            initialized = entries.count
        }
        let rows = ReplayRows(steps: steps, entries: entries, entryStates: states, movements: movements,
                              movementStates: movementStates)
        return Replay(rows: rows, entryStates: states, movements: movements, planTokens: ledger.plan,
                      rolloverTokens: ledger.rollover, outstanding: ledger.outstanding, shownBalance: snapshot.client.balance)
    }

    /// Entry positions in time order, ties by log order.
    static func timeOrder(_ entries: [LedgerEntry]) -> [Int] {
        TimeOrder.positions(of: entries.map { $0.at.timeIntervalSinceReferenceDate })
    }

    private init(rows: ReplayRows, entryStates: [EntryState], movements: [ComputedMovement], planTokens: Int,
                 rolloverTokens: Int, outstanding: Int, shownBalance: Int) {
        self.rows = rows
        self.entryStates = entryStates
        self.movements = movements
        self.planTokens = planTokens
        self.rolloverTokens = rolloverTokens
        self.outstanding = outstanding
        self.shownBalance = shownBalance
    }
}

/// The running buckets, and how each kind of entry moves them.
private struct Buckets {
    var plan: Int
    var rollover: Int
    var outstanding: Int
    let order: [Bucket]

    mutating func apply(_ type: EntryType, amount: Int) {
        switch type {
        case .planAllocation:
            // The renewal resets the plan bucket (the caller has expired what was left).
            plan = amount
        case .midCycleProration where amount >= 0:
            plan += amount
        default:
            if amount >= 0 {
                rollover += amount
            } else {
                deduct(-amount, overage: type == .showcaseOverage)
            }
        }
    }

    /// Takes tokens in the policy's order. What the balance cannot cover becomes
    /// outstanding for an overage, and drives rolled-over tokens below zero otherwise.
    private mutating func deduct(_ cost: Int, overage: Bool) {
        var remaining = cost
        for bucket in order where remaining > 0 {
            switch bucket {
            case .plan:
                let taken = min(max(plan, 0), remaining)
                plan -= taken
                remaining -= taken
            case .rollover:
                let taken = min(max(rollover, 0), remaining)
                rollover -= taken
                remaining -= taken
            }
        }
        guard remaining > 0 else { return }
        if overage { outstanding += remaining } else { rollover -= remaining }
    }
}
