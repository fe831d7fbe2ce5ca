import Diagnostics
import Ledger

/// One example written in a rule file: a small snapshot, a question about it,
/// and what the rule (and the whole analysis) must answer. `credits rules test`
/// runs them.
public struct RuleExample: Sendable {
    /// The name shown by `credits rules test`.
    public let name: String
    /// The snapshot, read when the rules load.
    let snapshot: Snapshot
    /// The question, in its command-line form.
    let question: ExampleQuestion
    let expectation: ExampleExpectation
    /// Where the example starts in its rule file.
    public let location: SourceLocation
}

/// The `query:` of an example: the options of `credits explain`.
struct ExampleQuestion: Sendable {
    var expected: Int
    var actual: Int?
    var since: String?
    var until: String?
    var now: String?
    var timeZone: String?
}

/// The `expect:` of an example; every key but `fires` is optional.
struct ExampleExpectation: Sendable {
    /// The rule produced at least one cause or finding.
    var fires: Bool
    /// Causes: the sum of the rule's causes' amounts.
    var amount: Int?
    /// The entries the rule cites, all together, in log order.
    var entries: [String]?
    /// How many causes or findings the rule produced.
    var count: Int?
    /// The exact text of the rule's first message.
    var message: String?
    /// The whole analysis's status.
    var status: ExplanationStatus?
    /// The best hypothesis's explained amount.
    var explained: Int?
    /// Whether the rule's cause is part of the best hypothesis.
    var best: Bool?
}
