import Foundation

/// Part of one token movement that a cause accounts for (signed like the movement).
public struct Claim: Hashable, Sendable {
    /// An entry id, or a computed movement's id (`expiry:e-2`).
    public let movement: String
    public let amount: Int

    public init(movement: String, amount: Int) {
        self.movement = movement
        self.amount = amount
    }
}

/// A cause a rule proposes: an amount of the difference, the movements it comes
/// out of, and the sentence a customer reads. The search combines causes.
public struct Cause: Sendable {
    /// The rule's id.
    public let rule: String
    public let title: String
    /// Signed tokens.
    public let amount: Int
    public let claims: [Claim]
    /// The entries it rests on, oldest first.
    public let entries: [String]
    /// Written only for the causes an answer shows (`Explainer.Messages`).
    public internal(set) var text: String
    public internal(set) var advice: [String]
    /// The rule's weight.
    public let weight: Double
    /// The latest time among its items, for recency.
    public let latest: Date?
    /// The order rules produced it in, for deterministic tie-breaks.
    public private(set) var order: Int
    /// How it makes a story with other causes (its rule's `story:`).
    public let story: StoryRole
    /// It takes only part of a movement it claims (the deposit of a charge).
    public let isPart: Bool
    /// Ids that tie it to other causes into one story, besides its entries and claims (the
    /// creative a charge and its refund are for).
    public let links: [String]
    /// For a cause a finding gives (tokens a refund that never came would have added), the
    /// finding's severity; nil for a rule's cause.
    public let finding: FindingSeverity?
    /// The checklist items its advice already asks for (the rule's `checks:`).
    public var checks: Set<NextCheck> = []

    public init(rule: String, title: String, amount: Int, claims: [Claim], entries: [String], text: String,
                advice: [String] = [], weight: Double = 0.5, latest: Date? = nil, order: Int,
                story: StoryRole = .alone, isPart: Bool = false, links: [String] = [], finding: FindingSeverity? = nil) {
        self.rule = rule
        self.title = title
        self.amount = amount
        self.claims = claims
        self.entries = entries
        self.text = text
        self.advice = advice
        self.weight = weight
        self.latest = latest
        self.order = order
        self.story = story
        self.isPart = isPart
        self.links = links
        self.finding = finding
    }
}

extension Cause {
    /// Part of a charge that is a story only with the rest of its `since` story, or alone (the
    /// deposit of one creative named by its cost): never filler among other causes. A part
    /// that is a whole balance movement (an overage the balance paid only in part) is not.
    public var isFiller: Bool { isPart && story == .since }

    /// The same cause, in another place of the order causes were produced in.
    func renumbered(_ order: Int) -> Cause {
        var cause = self
        cause.order = order
        return cause
    }
}

/// Something that looks wrong or worth knowing, beside the answer.
public struct Finding: Sendable {
    public let rule: String
    public let title: String
    public let severity: FindingSeverity
    /// The entries it is about, oldest first.
    public let entries: [String]
    public let text: String
    public let advice: [String]
    /// The checklist items its advice already asks for (the rule's `checks:`).
    public var checks: Set<NextCheck> = []
}

/// A rule that failed while it ran (an expression error, a claim that cannot hold
/// its amount): reported, never silently dropped.
public struct RuleProblem: Sendable, CustomStringConvertible {
    public let rule: String
    public let message: String
    /// Where in the rule file, when the problem is in an expression.
    public let location: String?

    public var description: String {
        "\(location.map { "\($0): " } ?? "")warning: rule '\(rule)': \(message)"
    }
}
