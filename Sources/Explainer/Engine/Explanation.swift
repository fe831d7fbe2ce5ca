import Foundation
import Ledger

/// The answer to one question: ranked hypotheses, findings, and the status that
/// decides the exit code and whether a ticket is due (SPEC section 5).
public struct Explanation: Sendable {
    public let snapshot: Snapshot
    public let query: ExplainQuery
    public let replay: Replay
    /// Best first; an exact one, when any exists, first. Confidence high or medium.
    public let hypotheses: [Hypothesis]
    /// Answers that add up only by the coincidence of unrelated movements (confidence low).
    public let coincidences: [Hypothesis]
    public let findings: [Finding]
    public let status: ExplanationStatus
    /// The search ran out of budget before it had looked at every combination.
    public let stoppedEarly: Bool
    /// Two or more exact hypotheses alike in everything the ranking weighs but recency: the
    /// log alone cannot tell which one it was (decided by the search).
    public let isAmbiguous: Bool
    /// Every cause the rules proposed, whether or not a hypothesis uses it.
    public let candidates: [Cause]
    /// For each candidate, by position, the answer it ended in.
    public let placements: [StorySearch.Placement]
    /// The balance at every moment of the window, and the bridge.
    public let history: BalanceHistory
    /// The latest moment the balance was the expected number; nil when it never was.
    public let balanceWas: BalanceHistory.Moment?
    /// Rules that failed while they ran.
    public let problems: [RuleProblem]
    /// The facts the rules saw, for tracing a rule over them (`--why`) without building them
    /// again. Kept with the answer, so that a long log's are let go once it is shown, not
    /// before it is given.
    let facts: Facts

    public var delta: Int { query.delta }
    /// The best hypothesis's explained amount (0 when there is none).
    public var explained: Int { hypotheses.first?.explained ?? 0 }
    public var unexplained: Int { delta - explained }
    /// Where the rules' evaluation budget ran out, when it did: the answer may miss causes
    /// and findings of the items after it.
    public var rulesStopped: RuleBudgetStop?
    /// A ticket is due: the status says so, or the rules could not look at the whole log.
    public var needsTicket: Bool { status.needsTicket || rulesStopped != nil }
    /// The entries findings point at, each once, in log order.
    public var suspiciousEntries: [LedgerEntry] {
        let ids = Set(findings.filter { $0.severity == .warning }.flatMap(\.entries))
        return snapshot.entries.filter { ids.contains($0.id) }.sorted { ($0.at, $0.logIndex) < ($1.at, $1.logIndex) }
    }
}

/// SPEC section 5's status, first that applies.
public enum ExplanationStatus: String, Sendable, CaseIterable {
    case suspicious, noDiscrepancy = "no_discrepancy", explained, partial, unexplained

    /// A ticket is due (and the command exits 1).
    public var needsTicket: Bool {
        switch self {
        case .suspicious, .partial, .unexplained: true
        case .noDiscrepancy, .explained: false
        }
    }

    static func of(delta: Int, best: Hypothesis?, findings: [Finding]) -> ExplanationStatus {
        if findings.contains(where: { $0.severity == .warning }) { return .suspicious }
        if delta == 0 { return .noDiscrepancy }
        guard let best, best.explained != 0 else { return .unexplained }
        return best.isExact ? .explained : .partial
    }
}
