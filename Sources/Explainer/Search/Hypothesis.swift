import Foundation

/// A set of causes offered as the answer: their amounts add up to `explained`,
/// and `explained + unexplained` is the difference asked about.
public struct Hypothesis: Sendable {
    /// Oldest first, by the first entry each cites.
    public internal(set) var causes: [Cause]
    public let explained: Int
    public let unexplained: Int
    /// 0 to 1: how likely a customer is to have made exactly this mistake (the ranking's
    /// value; `Rules/README.md`, "How the answer is chosen").
    public let score: Double
    /// `high` or `medium` for a hypothesis; `low` for a coincidence.
    public let confidence: Confidence
    /// The stories it is made of: one mistake, or two at once.
    public let stories: [StoryShape]
    /// It cites every movement since a moment the balance was the expected number.
    public let startsAtBalance: Bool
    /// Why it ranks above the answer after it (nil for the last, or when nothing tells them apart).
    public internal(set) var reason: RankReason?

    /// It accounts for the whole difference.
    public var isExact: Bool { unexplained == 0 }
}

/// How likely an answer is to be what the customer missed.
public enum Confidence: String, Sendable, CaseIterable {
    /// One story a customer often misses (a renewal with its expiry, a submission).
    case high
    /// Two mistakes at once, one part of a charge, an unexplained remainder.
    case medium
    /// Unrelated movements that happen to add up: a coincidence, not a hypothesis.
    case low
}

/// What kind of story a group of causes tells.
public enum StoryShape: String, Sendable {
    /// One cause.
    case single
    /// Part of one movement (the deposit of a charge): the customer names that creative by its cost.
    case part
    /// Causes resting on the same entries: a charge and the reload it triggered, a renewal and its expiry.
    case linked
    /// Several causes of a `together` rule: the creatives still in production.
    case together
    /// Every cause of a `since` rule since a moment: "every creative cost 40 since Nov 3".
    case since
    /// Every movement since the balance was the expected number.
    case balanceSince = "balance_since"
    /// What a finding says is wrong (a refund that never came).
    case finding
    /// Unrelated movements that add up.
    case coincidence
}

/// Why one answer ranks above the next: decided once by the search, put into words by the reports.
public enum RankReason: Sendable, Equatable {
    /// It accounts for more of the difference.
    case accountsForMore
    /// What a finding says is wrong accounts for it.
    case finding
    /// It starts where the balance was the expected number.
    case startsAtBalance(balance: Int, at: Date)
    /// One mistake rather than two.
    case oneMistake
    /// Whole movements rather than parts of them.
    case wholeMovements
    /// Its causes rest on the same entries (the charge and the reload it triggered).
    case linked
    /// Its kind of cause is the more common one (the rules' weights).
    case likelierKind
    /// Its movements are more recent.
    case moreRecent
    /// The others only add up by coincidence.
    case notCoincidence
}
