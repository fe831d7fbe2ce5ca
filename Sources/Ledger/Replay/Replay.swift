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
        var ledger = Buckets(plan: snapshot.opening.planTokens, rollover: snapshot.opening.rolloverTokens, outstanding: 0)
        let entries = snapshot.entries
        // One pass over the entries takes what the replay needs into compact arrays. An entry
        // is 128 bytes and a large log's entries are far more than the cache holds: reading
        // them once here, rather than once to sort and again to replay, halves the replay's
        // wait on memory, and the loop below copies no `EntryType` (whose unknown case holds
        // a string, so every copy would retain and release it).
        var times: [Double] = []
        var moves: [Move] = []
        times.reserveCapacity(entries.count)
        moves.reserveCapacity(entries.count)
        for entry in entries {
            times.append(entry.at.timeIntervalSinceReferenceDate)
            moves.append(Move(entry.type, amount: entry.amount))
        }
        var steps: [Int32] = []
        steps.reserveCapacity(entries.count + entries.count / 16)
        var movements: [ComputedMovement] = []
        var movementStates: [ReplayRows.MovementState] = []
        let order = TimeOrder.positions(of: times)
        let deductionOrder = policy.deductionOrder
        // States are kept in log order, steps in time order: fill the states by index.
        let states = [EntryState](unsafeUninitializedCapacity: entries.count) { buffer, initialized in
            for index in order {
                let move = moves[index]
                let before = ledger
                if move.effect == .allocation && ledger.plan > 0 {
                    let entry = entries[index]
                    movements.append(ComputedMovement(kind: .planTokensExpired, id: "expiry:\(entry.id)", at: entry.at,
                                                      amount: -ledger.plan, entries: [entry.id]))
                    ledger.plan = 0
                    movementStates.append(ReplayRows.MovementState(plan: ledger.plan, rollover: ledger.rollover,
                                                                   outstanding: ledger.outstanding))
                    steps.append(Int32(truncatingIfNeeded: -movements.count))
                }
                ledger.apply(move, order: deductionOrder)
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

/// What one entry does to the buckets (SPEC section 2), read once from its type and amount.
private struct Move {
    enum Effect: UInt8 {
        /// A renewal: resets the plan bucket (the replay has expired what was left).
        case allocation
        /// A positive proration: adds plan tokens.
        case addPlan
        /// Any other addition: adds rolled-over tokens.
        case add
        /// A deduction; an overage's shortfall becomes outstanding.
        case deduct, deductOverage
    }

    let effect: Effect
    let amount: Int

    init(_ type: EntryType, amount: Int) {
        switch type {
        case .planAllocation: effect = .allocation
        case .midCycleProration where amount >= 0: effect = .addPlan
        case .showcaseOverage where amount < 0: effect = .deductOverage
        default: effect = amount >= 0 ? .add : .deduct
        }
        self.amount = amount
    }
}

/// The running buckets, and how each kind of entry moves them. Three integers, so that
/// keeping a copy of them before each entry costs no reference counting.
private struct Buckets {
    var plan: Int
    var rollover: Int
    var outstanding: Int

    mutating func apply(_ move: Move, order: [Bucket]) {
        switch move.effect {
        case .allocation: plan = move.amount
        case .addPlan: plan += move.amount
        case .add: rollover += move.amount
        case .deduct: deduct(-move.amount, overage: false, order: order)
        case .deductOverage: deduct(-move.amount, overage: true, order: order)
        }
    }

    /// Takes tokens in the policy's order. What the balance cannot cover becomes
    /// outstanding for an overage, and drives rolled-over tokens below zero otherwise.
    private mutating func deduct(_ cost: Int, overage: Bool, order: [Bucket]) {
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
