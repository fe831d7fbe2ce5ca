import Foundation

/// The credits log replayed from the opening balances (SPEC section 2): what each
/// bucket held after every entry, and the movements no entry records.
public struct Replay: Sendable {
    /// Entries and computed movements in time order (ties by log order); an expiry
    /// comes just before the allocation it cites.
    public let rows: [ReplayRow]
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
        var rows: [ReplayRow] = []
        rows.reserveCapacity(entries.count + entries.count / 16)
        var movements: [ComputedMovement] = []
        let placeholder = EntryState(planBefore: 0, rolloverBefore: 0, planAfter: 0, rolloverAfter: 0,
                                     outstandingBefore: 0, outstandingAfter: 0)
        var states = [EntryState](repeating: placeholder, count: entries.count)

        for index in timeOrder(entries) {
            let entry = entries[index]
            let before = ledger
            if entry.type == .planAllocation && ledger.plan > 0 {
                let expiry = ComputedMovement(kind: .planTokensExpired, id: "expiry:\(entry.id)", at: entry.at,
                                              amount: -ledger.plan, entries: [entry.id])
                ledger.plan = 0
                movements.append(expiry)
                rows.append(ReplayRow(kind: .movement(expiry), planAfter: ledger.plan, rolloverAfter: ledger.rollover,
                                      outstandingAfter: ledger.outstanding))
            }
            ledger.apply(entry)
            states[entry.logIndex] = EntryState(planBefore: before.plan, rolloverBefore: before.rollover,
                                                planAfter: ledger.plan, rolloverAfter: ledger.rollover,
                                                outstandingBefore: before.outstanding, outstandingAfter: ledger.outstanding)
            rows.append(ReplayRow(kind: .entry(entry), planAfter: ledger.plan, rolloverAfter: ledger.rollover,
                                  outstandingAfter: ledger.outstanding))
        }
        return Replay(rows: rows, entryStates: states, movements: movements, planTokens: ledger.plan,
                      rolloverTokens: ledger.rollover, outstanding: ledger.outstanding, shownBalance: snapshot.client.balance)
    }

    /// Entry positions in time order, ties by log order. Logs usually come sorted
    /// (oldest or newest first), so those cases skip the sort.
    static func timeOrder(_ entries: [LedgerEntry]) -> [Int] {
        let count = entries.count
        var ascending = true
        var descending = true
        for index in entries.indices.dropFirst() {
            let previous = entries[index - 1].at
            let current = entries[index].at
            if current < previous { ascending = false }
            if current >= previous { descending = false }   // equal times must keep log order
            if !ascending && !descending { break }
        }
        if ascending { return Array(0..<count) }
        if descending { return Array((0..<count).reversed()) }
        return (0..<count).sorted { a, b in
            let left = entries[a].at
            let right = entries[b].at
            return left != right ? left < right : a < b
        }
    }

    private init(rows: [ReplayRow], entryStates: [EntryState], movements: [ComputedMovement], planTokens: Int,
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

    mutating func apply(_ entry: LedgerEntry) {
        let amount = entry.amount
        switch entry.type {
        case .planAllocation:
            // The renewal resets the plan bucket (the caller has expired what was left).
            plan = amount
        case .midCycleProration where amount >= 0:
            plan += amount
        default:
            if amount >= 0 {
                rollover += amount
            } else {
                deduct(-amount, overage: entry.type == .showcaseOverage)
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
