import CEL
import Diagnostics

/// `credits rules lint` refuses a rule that could spend more than a question's whole
/// budget over a large log (as Kubernetes refuses a CEL rule whose estimated cost is
/// too high), so that a costly rule is found when it is written, not when a long log
/// stops the rules early.
extension RuleLoader {
    /// The log a rule is checked against: 100,000 entries, the largest the benchmarks read.
    static let largeLog = 100_000

    /// How many items of each kind a large log has.
    static func itemCount(_ iteration: Iteration) -> Int {
        switch iteration {
        case .entries, .movements: largeLog
        case .creatives: largeLog / 10
        case .otherClients, .reports: 100
        case .client: 1
        }
    }

    /// How many items one group of a rule's matches holds at most (`all`: every item).
    static func groupSize(_ grouping: Grouping, of count: Int) -> Int {
        switch grouping {
        case .each: 1
        case .perCreative: 10
        case .perDay: 50
        case .perKind, .all: count
        }
    }

    /// The sizes the estimate assumes for the lists the facts hold: the log's lists are
    /// large; `plan_changes`, `reports` and `other_clients` hold a few each, as does what
    /// an item lists (a creative's charges, `balance_since.rest`), the default.
    static func sizes(items: Int) -> [String: Int] {
        ["entries": largeLog, "movements": largeLog, "entries_by_id": largeLog,
         "creatives": largeLog / 10, "creatives_by_id": largeLog / 10, "items": items]
    }

    static let maps: Set<String> = ["entries_by_id", "creatives_by_id"]

    /// Adds an error at the costliest part of a rule that could spend more than a
    /// question's budget (`RuleEvaluator.questionBudget`) over a large log: its item
    /// expressions evaluated for every item, or its message and advice for one group of
    /// the most items it can hold (each message has the budget again, for all groups).
    mutating func checkCost(item: [(key: String, expression: RuleExpression)],
                            message: [(key: String, expression: RuleExpression)],
                            iteration: Iteration, grouping: Grouping, file: SourceFile) {
        let count = Self.itemCount(iteration)
        var itemParts: [(key: String, cost: Int, place: SourceLocation)] = []
        for (key, expression) in item {
            let estimate = expression.program.estimatedCost(sizes: Self.sizes(items: 1), maps: Self.maps)
            itemParts.append((key, Self.multiply(estimate.cost, count), expression.place(of: estimate.location)))
        }
        var messageParts: [(key: String, cost: Int, place: SourceLocation)] = []
        for (key, expression) in message {
            let estimate = expression.program.estimatedCost(sizes: Self.sizes(items: Self.groupSize(grouping, of: count)), maps: Self.maps)
            messageParts.append((key, estimate.cost, expression.place(of: estimate.location)))
        }
        for parts in [itemParts, messageParts] {
            let total = parts.reduce(0) { $0.addingReportingOverflow($1.cost).overflow ? .max : $0 + $1.cost }
            guard total > RuleEvaluator.questionBudget, let costliest = parts.max(by: { $0.cost < $1.cost }) else { continue }
            let shown = costliest.cost == .max ? "more than \(Int.max)" : "about \(costliest.cost)"
            diagnostics.append(file.diagnostic(
                "'\(costliest.key)' may cost \(shown) evaluation steps over a log of \(Self.largeLog) entries, more than the "
                    + "\(RuleEvaluator.questionBudget) a question may spend on all its rules; a list read in full inside "
                    + "another list's comprehension is the usual cause: look items up by id, or count them once",
                at: costliest.place))
        }
    }

    private static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : product
    }
}
