import Foundation

/// What one rule did with one question, item by item (`credits explain --why RULE`): whether its
/// `when` held, and where it did not, the smallest part of the condition that was false, with the
/// values that made it so; for a cause, what the search then did with each candidate it proposed.
public struct RuleTrace: Sendable {
    public let rule: String
    public let title: String
    public let kind: RuleKind
    /// What the rule looks at (`for:`).
    public let iteration: Iteration
    /// What the rule was given to look at, when that is narrower than the question's window
    /// (`balance-since`: what moved since the balance was the expected number).
    public let scope: String?
    /// The first `RuleTrace.itemsShown` items it looked at, in the order it saw them.
    public let items: [ItemTrace]
    /// How many items it looked at in all.
    public let looked: Int
    /// How many of them its `when` held for, was false for, and failed on.
    public let held: Int
    public let notHeld: Int
    public let failed: Int
    /// Why `when` was false, the most common first: the false parts of an item (more than one when
    /// neither side of an `||` held) and how many items they were false for.
    public let falseParts: [(parts: [FalsePart], items: Int)]
    /// When it held for nothing in the window: how many items outside it it holds for, the latest, and
    /// whether only the `WholeLog.reach` entries nearest the window on each side were looked at.
    public let outsideWindow: (count: Int, latest: ItemTrace, isCut: Bool)?
    /// Causes only: each candidate the rule proposed and what the search did with it.
    public let candidates: [CandidateDisposition]

    /// Items listed one by one; the rest are counted.
    public static let itemsShown = 20

    /// The one-line account of the rule: fired, or why not at all.
    public var verdict: Verdict {
        if held > 0 { return .fired(items: held) }
        if failed > 0 && notHeld == 0 { return .failed(items: failed) }
        if let outside = outsideWindow { return .outsideWindow(items: outside.count, latest: outside.latest, isCut: outside.isCut) }
        if looked == 0 { return .nothingToLookAt }
        if let common = falseParts.first { return .falseEverywhere(common.parts, items: common.items, of: looked) }
        return .failed(items: failed)
    }

    /// Whether a rule fired and, when it did not, why.
    public enum Verdict: Sendable {
        /// Its `when` held for this many items.
        case fired(items: Int)
        /// Nothing in the window held, but this many items outside it do; the latest of them.
        case outsideWindow(items: Int, latest: ItemTrace, isCut: Bool)
        /// The window has nothing of the kind the rule looks at.
        case nothingToLookAt
        /// The most common false parts, how many items they were false for, and of how many.
        case falseEverywhere([FalsePart], items: Int, of: Int)
        /// The rule failed on every item it looked at.
        case failed(items: Int)
    }

    init(rule: Rule, scope: String?, items: [ItemTrace], looked: Int, held: Int, notHeld: Int, failed: Int,
         falseParts: [(parts: [FalsePart], items: Int)], outsideWindow: (count: Int, latest: ItemTrace, isCut: Bool)?,
         candidates: [CandidateDisposition]) {
        self.rule = rule.id
        title = rule.title
        kind = rule.kind
        iteration = rule.iteration
        self.scope = scope
        self.items = items
        self.looked = looked
        self.held = held
        self.notHeld = notHeld
        self.failed = failed
        self.falseParts = falseParts
        self.outsideWindow = outsideWindow
        self.candidates = candidates
    }
}

/// One item a rule looked at and what its `when` gave.
public struct ItemTrace: Sendable {
    /// The item's id (an entry id, a creative id, `expiry:e-2`...).
    public let id: String
    /// The item as a support agent names it: `entry e-7866 (Auto reload +50, Nov 23, 2:22 PM EST)`.
    public let subject: String
    public let outcome: Outcome

    public enum Outcome: Sendable {
        /// `when` held: for a cause, the amount and the movements it claims (none for a finding).
        case held(amount: Int?, claims: [String])
        /// `when` was false: its smallest false parts (more than one when neither side of an `||` held).
        case notHeld([FalsePart])
        /// The rule failed on this item.
        case failed(String)
    }
}

/// The smallest part of a condition that was false for an item, in words and with its values.
public struct FalsePart: Sendable, Hashable {
    /// The part as written in the rule: `entry.type == "submission"`.
    public let expression: String
    /// Where it is written: `Rules/causes/x.yaml:5:7`.
    public let location: String
    /// What it means, in words: `is not a submission` (said of the item), `creative cr-77 'Promo' is
    /// not delivered yet`, `auto reload is off for this client`, `` `size(creative.charges)` is 1, not
    /// more than 1 ``.
    public let words: String
    /// How `words` relate to the item the rule looked at.
    public let form: Form

    public enum Form: Sendable, Hashable {
        /// Said of the item: `is not a submission`.
        case predicate
        /// A sentence that names what it is about (still said after the item's name in a list of items).
        case sentence
        /// Values, said after the item's name.
        case values
    }

    /// The operands and their values: `entry.type` is `"auto_reload"`.
    public let values: [Operand]

    /// A sub-expression and what it gave, as CEL writes values.
    public struct Operand: Sendable, Hashable {
        public let expression: String
        public let value: String
    }

    /// The evidence: `` `entry.type` is "auto_reload" ``.
    public var evidence: String {
        values.map { "`\($0.expression)` is \($0.value)" }.joined(separator: ", ")
    }

    /// The part said of an item: `entry e-7866 (...) is not a submission: `entry.type` is "auto_reload"`.
    public func sentence(about subject: String) -> String {
        let said = switch form {
        case .predicate: "\(subject) \(words)"
        case .sentence, .values: "\(subject): \(words)"
        }
        return values.isEmpty ? said : "\(said): \(evidence)"
    }
}

/// What the search did with one candidate cause of a rule.
public struct CandidateDisposition: Sendable {
    public let amount: Int
    /// The movements it claims.
    public let claims: [String]
    public let disposition: Disposition

    public enum Disposition: Sendable {
        /// Part of the first hypothesis.
        case inFirst
        /// Part of another hypothesis (its rank, from 1), and why the one above it ranks higher.
        case inOther(rank: Int, reason: String)
        /// Only in a coincidence (its rank, from 1): it adds up only with unrelated movements.
        case inCoincidence(rank: Int)
        /// Left out: a cause of the first hypothesis claims the same movement.
        case claimedByOther(rule: String, amount: Int, movement: String)
        /// Left out: the first hypothesis starts where the balance was the expected number, and
        /// every movement it claims came before then.
        case beforeBalance(balance: Int, at: Date, local: String, afterEntry: String?)
        /// Left out: it can add up with other causes, but that answer ranks below those shown.
        case belowShown
        /// Left out: no combination with it adds up to the difference.
        case noCombination
        /// There is no difference to explain.
        case noDifference
    }
}
