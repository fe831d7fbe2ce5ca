import Explainer

/// One line of the audit (SPEC section 9): a finding about a client, or a client whose
/// rows are bad (rule `bad-data`, a warning), so that the audit goes on with the others.
public struct AuditRow: Sendable {
    public let client: String
    public let rule: String
    public let severity: FindingSeverity
    /// The entries it is about, oldest first.
    public let entries: [String]
    public let text: String

    /// The rule id of a client whose rows cannot be read as a snapshot.
    public static let badDataRule = "bad-data"

    /// Worst first: warnings before information, then by client, rule and entries, so
    /// that the order never depends on how the work was shared out.
    static func worstFirst(_ a: AuditRow, _ b: AuditRow) -> Bool {
        let rank = { (row: AuditRow) in row.severity == .warning ? 0 : 1 }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        if a.client != b.client { return a.client < b.client }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.entries != b.entries { return a.entries.lexicographicallyPrecedes(b.entries) }
        return a.text < b.text
    }
}
