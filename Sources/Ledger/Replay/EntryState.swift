/// The buckets just before and just after one entry was replayed.
public struct EntryState: Sendable, Equatable {
    public let planBefore: Int
    public let rolloverBefore: Int
    public let planAfter: Int
    public let rolloverAfter: Int
    public let outstandingBefore: Int
    public let outstandingAfter: Int

    public init(planBefore: Int, rolloverBefore: Int, planAfter: Int, rolloverAfter: Int,
                outstandingBefore: Int, outstandingAfter: Int) {
        self.planBefore = planBefore
        self.rolloverBefore = rolloverBefore
        self.planAfter = planAfter
        self.rolloverAfter = rolloverAfter
        self.outstandingBefore = outstandingBefore
        self.outstandingAfter = outstandingAfter
    }

    /// The balance before: plan plus rolled-over tokens.
    public var balanceBefore: Int { planBefore + rolloverBefore }
    /// The balance after: plan plus rolled-over tokens.
    public var balanceAfter: Int { planAfter + rolloverAfter }
}
