/// The balance by bucket just before the first entry.
public struct Opening: Sendable {
    public let planTokens: Int
    public let rolloverTokens: Int
    /// False when the snapshot gives no opening: the log starts at the client's creation (0/0).
    public let isGiven: Bool

    public init(planTokens: Int = 0, rolloverTokens: Int = 0, isGiven: Bool = false) {
        self.planTokens = planTokens
        self.rolloverTokens = rolloverTokens
        self.isGiven = isGiven
    }
}
