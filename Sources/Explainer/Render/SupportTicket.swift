import Foundation
import Ledger

/// The support ticket of SPEC section 8: what the article asks a customer to send
/// and what support would ask next, with the command that reproduces the analysis.
public struct SupportTicket {
    /// The exact `credits explain ...` command line that gave this analysis.
    public let command: String

    public init(command: String) {
        self.command = command
    }

    /// The parts of a ticket, worded once for both layouts.
    private struct Parts {
        var title: String
        var facts: [(String, String)]
        var suspicious: [String]
        var explained: [String]
        var reports: [String]
    }

    private func parts(_ explanation: Explanation) -> Parts {
        let time = explanation.query.time
        let client = explanation.snapshot.client
        let query = explanation.query
        var facts: [(String, String)] = [
            ("Client", "\(client.name) (\(client.id))"),
            ("Balance expected", "\(query.expected)"),
            ("Balance seen", query.delta == 0 ? "\(query.actual)"
                : "\(query.actual) (\(abs(query.delta)) \(query.delta < 0 ? "lower" : "higher") than expected)"),
            ("Window", "\(time.dateTime(query.since)) to \(time.dateTime(query.until))"),
            ("Status", ReportContent.verdict(explanation)),
        ]
        if !explanation.replay.matchesShownBalance {
            facts.append(("Replayed log", "gives \(explanation.replay.replayedBalance), the page shows \(explanation.replay.shownBalance)"))
        }
        let suspicious = explanation.findings.filter { $0.severity == .warning }.flatMap { finding in
            let lines = ReportContent.lines(finding.entries, explanation)
            guard !lines.isEmpty else { return ["\(finding.title): \(finding.text)"] }
            return lines.map { "\($0.when)  \($0.label)  \($0.amount)  [\($0.id)]: \(finding.text)" }
        }
        var explained = (explanation.hypotheses.first?.causes ?? []).map { cause in
            "\(ReportContent.signed(cause.amount)): \(cause.text)"
        }
        if explanation.unexplained != 0 {
            let left = explanation.unexplained
            explained.append("Unexplained: \(ReportContent.signed(left)) \(abs(left) == 1 ? "token" : "tokens").")
        }
        let reports = explanation.snapshot.reports.sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }.compactMap { report -> String? in
            let landed = explanation.snapshot.entries.contains { $0.type == .adminAdjustment && $0.at > report.openedAt }
            guard !landed else { return nil }
            let note = report.note.map { " (\"\($0)\")" } ?? ""
            return "\(report.id), opened \(time.dateTime(report.openedAt)): expected \(report.expected), saw \(report.actual)\(note). No correction has landed on the log since."
        }
        return Parts(title: "Credit balance question: \(client.name) (\(client.id))", facts: facts,
                     suspicious: suspicious, explained: explained, reports: reports)
    }

    /// Plain text, the default.
    public func text(_ explanation: Explanation) -> String {
        let parts = parts(explanation)
        var out = parts.title + "\n\n"
        for (key, value) in parts.facts { out += "\(key): \(value)\n" }
        out += section("Entries that look wrong", parts.suspicious, empty: "none found by the rules")
        out += section("What the log already explains", parts.explained, empty: "nothing")
        out += section("Earlier reports with no correction on the log", parts.reports, empty: "none")
        out += "\nReproduce with:\n  \(command)\n"
        return out
    }

    /// Markdown, with `--format markdown`.
    public func markdown(_ explanation: Explanation) -> String {
        let parts = parts(explanation)
        var out = "### \(parts.title)\n\n"
        for (key, value) in parts.facts { out += "- **\(key):** \(value)\n" }
        for (title, lines, empty) in [("Entries that look wrong", parts.suspicious, "none found by the rules"),
                                      ("What the log already explains", parts.explained, "nothing"),
                                      ("Earlier reports with no correction on the log", parts.reports, "none")] {
            out += "\n#### \(title)\n\n"
            out += lines.isEmpty ? "_\(empty)_\n" : lines.map { "- \($0)\n" }.joined()
        }
        out += "\n#### Reproduce with\n\n```\n\(command)\n```\n"
        return out
    }

    private func section(_ title: String, _ lines: [String], empty: String) -> String {
        "\n\(title):\n" + (lines.isEmpty ? "  \(empty)\n" : lines.map { "  - \($0)\n" }.joined())
    }
}
