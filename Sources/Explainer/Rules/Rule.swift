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
    /// Ids that tie its causes to others into one story without being shown (the creative a
    /// charge and its refund are for).
    let links: IdListExpression?
    public let grouping: Grouping
    /// 0 to 1: how likely a customer is to have missed one of its causes (see Rules/README.md,
    /// "How the answer is chosen").
    public let weight: Double
    /// How its causes make a story with others (`story:` in the file).
    public let story: StoryRole
    let message: MessageTemplate
    let advice: [MessageTemplate]
    /// The rule's own examples, run by `credits rules test`.
    public let examples: [RuleExample]
    /// The checklist items its advice already asks for (`checks:`).
    public var checks: Set<NextCheck> = []
    /// Where the rule's file starts.
    public let location: SourceLocation

    /// The expressions `RuleEvaluator.match` evaluates for an item, in the order it does:
    /// `when`, the amount, then the parts of claims, cites and links.
    var matchExpressions: [RuleExpression] {
        [condition] + (amount.map { [$0] } ?? []) + (claims?.parts ?? []) + (cites?.parts ?? []) + (links?.parts ?? [])
    }
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
    case each, perCreative = "per-creative", perDay = "per-day", perKind = "per-kind", all
}

/// How a rule's causes combine into the story a customer tells (`story:`): what the
/// ranking counts as one mistake rather than a coincidence of several.
public enum StoryRole: String, Sendable, CaseIterable {
    /// Each cause is a story of its own; causes resting on the same entries make one.
    case alone
    /// Like `alone`, but inside a "your balance was N" story its movements are counted
    /// by kind (a plain submission among others since then).
    case plain
    /// Any of its causes together are one story (several creatives still in production).
    case together
    /// Its causes are one story only all together since a moment ("every creative since
    /// Nov 3 cost 40"), or one alone; never one picked among others as filler.
    case since
    /// It names what moved since the customer's balance that no other cause names: it runs
    /// after the others, over `balance_since.rest`, and belongs to that story alone.
    case rest
}

/// A compiled CEL expression of a rule file, with where it was written, so
/// that a failure while it runs names the rule and the place.
/// A class: every item a rule looks at passes its expressions around, and a long log has
/// 100,000 items.
final class RuleExpression: Sendable {
    let program: CELProgram
    let source: String
    /// Where the expression starts in its file.
    let location: SourceLocation
    /// The places of the scalar it was written in, and where in that scalar it starts;
    /// nil for the defaults the loader supplies.
    let positions: (map: ScalarPositions, start: Int)?
    /// What it needs of an item's field to be true (`entry.type == "submission" && ...`, its
    /// values sorted), and the slot of each name it reads in an activation of its program:
    /// found once, used by every question (an audit asks one for every client).
    let fieldGuard: (guard: CELFieldGuard, values: [String])?
    let slots: [(name: String, slot: CELSlot)]

    init(program: CELProgram, source: String, location: SourceLocation, positions: (map: ScalarPositions, start: Int)? = nil) {
        self.program = program
        self.source = source
        self.location = location
        self.positions = positions
        fieldGuard = program.fieldGuard.map { ($0, $0.values.sorted()) }
        slots = program.variables.compactMap { name in program.slot(of: name).map { (name, $0) } }
    }

    /// Evaluates; a failure is placed in the rule file, not in the expression alone.
    func evaluate(_ bindings: [String: CELValue]) throws(CELError) -> CELValue {
        var budget = CELBudget(total: .max)
        return try evaluate(bindings, budget: &budget)
    }

    /// Evaluates within what is left of a question's budget.
    func evaluate(_ bindings: [String: CELValue], budget: inout CELBudget) throws(CELError) -> CELValue {
        do {
            return try program.evaluate(bindings, budget: &budget)
        } catch {
            throw placed(error)
        }
    }

    /// The same, with the names bound in an activation of this expression's program.
    func evaluate(_ activation: inout CELActivation, budget: inout CELBudget) throws(CELError) -> CELValue {
        do {
            return try program.evaluate(&activation, budget: &budget)
        } catch {
            throw placed(error)
        }
    }

    private func placed(_ error: CELError) -> CELError {
        CELError(error.message, location: error.location.map(place(of:)) ?? location)
    }
}

/// A list of ids written either as one expression (`creative.charges`) or as a
/// YAML list of expressions (`[entry.id, entry.paired_charge]`); each piece may
/// give one id or a list of them.
struct IdListExpression: Sendable {
    let parts: [RuleExpression]
}
