import Foundation

/// A token movement the replay computes but no log entry records (SPEC section 2).
public struct ComputedMovement: Sendable, Identifiable {
    /// What kind of movement it is.
    public enum Kind: String, Sendable {
        /// Unused plan tokens of the ending cycle expired at a renewal.
        case planTokensExpired = "plan_tokens_expired"
    }

    public let kind: Kind
    /// `expiry:e-2`: stable, derived from the entry it cites.
    public let id: String
    public let at: Date
    /// Signed tokens (an expiry is negative).
    public let amount: Int
    /// The ids of the entries it rests on (an expiry cites the renewal's allocation).
    public let entries: [String]

    public init(kind: Kind, id: String, at: Date, amount: Int, entries: [String]) {
        self.kind = kind
        self.id = id
        self.at = at
        self.amount = amount
        self.entries = entries
    }
}
