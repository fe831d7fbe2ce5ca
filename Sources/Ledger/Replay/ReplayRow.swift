import Foundation

/// One step of the replay: a log entry, or a movement no entry records, with the buckets after it.
public struct ReplayRow: Sendable {
    /// What moved.
    public enum Kind: Sendable {
        case entry(LedgerEntry)
        case movement(ComputedMovement)
    }

    public let kind: Kind
    public let planAfter: Int
    public let rolloverAfter: Int
    public let outstandingAfter: Int

    public init(kind: Kind, planAfter: Int, rolloverAfter: Int, outstandingAfter: Int) {
        self.kind = kind
        self.planAfter = planAfter
        self.rolloverAfter = rolloverAfter
        self.outstandingAfter = outstandingAfter
    }

    /// The entry or movement id.
    public var id: String {
        switch kind {
        case .entry(let entry): entry.id
        case .movement(let movement): movement.id
        }
    }

    /// When it happened.
    public var at: Date {
        switch kind {
        case .entry(let entry): entry.at
        case .movement(let movement): movement.at
        }
    }

    /// Signed tokens.
    public var amount: Int {
        switch kind {
        case .entry(let entry): entry.amount
        case .movement(let movement): movement.amount
        }
    }

    /// The entry, when the row is one.
    public var entry: LedgerEntry? {
        if case .entry(let entry) = kind { return entry }
        return nil
    }

    /// The computed movement, when the row is one.
    public var movement: ComputedMovement? {
        if case .movement(let movement) = kind { return movement }
        return nil
    }

    /// Plan plus rolled-over tokens after this row.
    public var balanceAfter: Int { planAfter + rolloverAfter }
}
