import CEL
import Diagnostics

/// One rule of a pack, loaded and checked: a cause (an amount of the difference,
/// taken out of movements it claims) or a finding (something to check). The file
/// format is documented for rule authors in `Rules/README.md`.
public struct Rule: Sendable {
    /// The rule's name, equal to its file name: `showcase-deposit`.
    public let id: String
    public let kind: RuleKind
    /// A few words a customer understands.
    public let title: String
    /// For findings: how much it matters.
    public let severity: FindingSeverity?
    /// What the rule looks at one at a time.
    public let iteration: Iteration
    /// Whether the rule applies to an item (bool).
    let condition: RuleExpression
    /// Causes: the signed tokens an item accounts for (int).
    let amount: RuleExpression?
    /// Causes: the ids of the movements the amount comes out of, in order.
    let claims: IdListExpression?
    /// The entries shown with the message.
    let cites: IdListExpression?
    public let grouping: Grouping
    /// 0 to 1: among equally good answers, higher weights rank first.
    public let weight: Double
    let message: MessageTemplate
    let advice: [MessageTemplate]
    /// The rule's own examples, run by `credits rules test`.
    public let examples: [RuleExample]
    /// Where the rule's file starts.
    public let location: SourceLocation
}

/// Cause or finding.
public enum RuleKind: String, Sendable, CaseIterable {
    case cause, finding
}

/// How much a finding matters: a warning makes the analysis suspicious.
public enum FindingSeverity: String, Sendable, CaseIterable {
    case warning, info
}

/// What a rule looks at one at a time (`for:` in the file).
public enum Iteration: String, Sendable, CaseIterable {
    case entries, creatives, movements, otherClients = "other_clients", reports, client
}

/// How a rule's matches are put together into causes or findings (`group:`).
public enum Grouping: String, Sendable, CaseIterable {
    case each, perCreative = "per-creative", perDay = "per-day", all
}

/// A compiled CEL expression of a rule file, with where it was written, so
/// that a failure while it runs names the rule and the place.
struct RuleExpression: Sendable {
    let program: CELProgram
    let source: String
    /// Where the expression starts in its file.
    let location: SourceLocation
    /// The places of the scalar it was written in, and where in that scalar it starts;
    /// nil for the defaults the loader supplies.
    var positions: (map: ScalarPositions, start: Int)?

    /// Evaluates; a failure is placed in the rule file, not in the expression alone.
    func evaluate(_ bindings: [String: CELValue]) throws(CELError) -> CELValue {
        do {
            return try program.evaluate(bindings)
        } catch {
            throw CELError(error.message, location: error.location.map(place(of:)) ?? location)
        }
    }
}

/// A list of ids written either as one expression (`creative.charges`) or as a
/// YAML list of expressions (`[entry.id, entry.paired_charge]`); each piece may
/// give one id or a list of them.
struct IdListExpression: Sendable {
    let parts: [RuleExpression]
}
