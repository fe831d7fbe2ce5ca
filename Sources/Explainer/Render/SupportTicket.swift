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

    /// The rule whose findings are reports with no correction since.
    static let fixNotLanded = "fix-not-landed"

    /// One point of a list: a sentence and the entries it rests on.
    private struct Item {
        var text: String
        var entries: [ReportContent.EntryLine] = []
    }

    /// The parts of a ticket, worded once for both layouts.
    private struct Parts {
        var title: String
        var facts: [(String, String)]
        var suspicious: [Item]
        var explained: [Item]
        var reports: [Item]
    }

    private func parts(_ explanation: Explanation) -> Parts {
        let time = explanation.query.time
        let client = explanation.snapshot.client
        let query = explanation.query
        var facts: [(String, String)] = [
            ("Client", "\(client.name) (\(client.id))"),
            ("Balance expected", ReportContent.tokens(query.expected)),
            ("Balance seen", query.delta == 0 ? ReportContent.tokens(query.actual)
                : "\(ReportContent.tokens(query.actual)) (\(abs(query.delta)) \(query.delta < 0 ? "lower" : "higher") than expected)"),
            ("Window", "\(time.dateTime(query.since)) to \(time.dateTime(query.until))"),
            ("Status", ReportContent.status(explanation)),
        ]
        if let balance = ReportContent.balanceWas(explanation) { facts.append(("Balance history", balance)) }
        let bridge = ReportContent.bridge(explanation.history).map { "\($0.label) \($0.amount)" }
        facts.append(("How the balance moved", bridge.joined(separator: "; ")))
        if let stop = explanation.rulesStopped {
            facts.append(("Rules stopped early", "rule '\(stop.rule)' used up the question's evaluation budget (\(stop.budget) steps) on \(stop.item); the items after it were not checked"))
        }
        if !explanation.replay.matchesShownBalance {
            facts.append(("Replayed log", "gives \(explanation.replay.replayedBalance), the page shows \(explanation.replay.shownBalance)"))
        }
        // A finding is one point, however many entries it cites.
        // Reports with no correction since are the `fix-not-landed` rule's findings: the
        // ticket lists them in a section of their own, as the rule decided them.
        let (reportFindings, otherFindings) = (explanation.findings.filter { $0.rule == Self.fixNotLanded },
                                               explanation.findings.filter { $0.rule != Self.fixNotLanded })
        let suspicious = ReportContent.shownFindings(otherFindings).compactMap { shown -> Item? in
            switch shown {
            case .finding(let finding) where finding.severity == .warning:
                Item(text: "\(finding.title): \(finding.text)", entries: ReportContent.lines(finding.entries, explanation))
            case .more(let count, let like, let earliest) where like.severity == .warning:
                Item(text: "\(like.title): \(ReportContent.moreText(count, earliest: earliest, explanation))")
            default:
                nil
            }
        }
        // Only a hypothesis (confidence high or medium): a coincidence explains nothing.
        var explained = (explanation.hypotheses.first?.causes ?? []).map { cause in
            Item(text: "\(cause.title) (\(ReportContent.signed(cause.amount))): \(cause.text)",
                 entries: ReportContent.lines(of: cause, explanation))
        }
        if !explained.isEmpty && explanation.unexplained != 0 {
            let left = explanation.unexplained
            explained.append(Item(text: "Still unexplained: \(ReportContent.signed(left)) \(abs(left) == 1 ? "token" : "tokens")."))
        }
        let reports = reportFindings.map { Item(text: $0.text) }
        return Parts(title: "Credit balance question: \(client.name) (\(client.id))", facts: facts,
                     suspicious: suspicious, explained: explained, reports: reports)
    }

    /// The three lists, titled, with what each says when it is empty.
    private func sections(_ parts: Parts) -> [(title: String, items: [Item], empty: String)] {
        [("Entries that look wrong", parts.suspicious, "none found"),
         ("What the log already explains", parts.explained, "nothing"),
         ("Earlier reports with no correction on the log", parts.reports, "none")]
    }

    /// Plain text, the default.
    public func text(_ explanation: Explanation) -> String {
        let parts = parts(explanation)
        var out = parts.title + "\n\n"
        for (key, value) in parts.facts { out += "\(key): \(value)\n" }
        for section in sections(parts) {
            out += "\n\(section.title):\n"
            if section.items.isEmpty { out += "  \(section.empty)\n" }
            for item in section.items {
                out += "  - \(item.text)\n" + TextReport.entryTable(item.entries, indent: "      ")
            }
        }
        out += "\nReproduce with:\n  \(command)\n"
        return out
    }

    /// The ticket's parts as JSON, with `credits ticket --format json`: its title, its facts
    /// as name and value, its three lists (each point with the entries it rests on) and
    /// the command that reproduces it.
    public func json(_ explanation: Explanation) -> JSONValue {
        let parts = parts(explanation)
        func entry(_ line: ReportContent.EntryLine) -> JSONValue {
            .object([("when", .string(line.when)), ("type", .string(line.label)), ("amount", .string(line.amount)),
                     ("id", .string(line.id)), ("note", .string(line.note))])
        }
        let sections: [JSONValue] = sections(parts).map { section in
            .object([("title", .string(section.title)),
                     ("items", .array(section.items.map { item in
                         .object([("text", .string(item.text)), ("entries", .array(item.entries.map(entry)))])
                     }))])
        }
        return .object([
            ("title", .string(parts.title)),
            ("facts", .array(parts.facts.map { .object([("name", .string($0.0)), ("value", .string($0.1))]) })),
            ("sections", .array(sections)),
            ("command", .string(command)),
        ])
    }

    /// Markdown, with `--format markdown`.
    public func markdown(_ explanation: Explanation) -> String {
        let parts = parts(explanation)
        var out = "### \(parts.title)\n\n"
        for (key, value) in parts.facts { out += "- **\(key):** \(value)\n" }
        for section in sections(parts) {
            out += "\n#### \(section.title)\n\n"
            if section.items.isEmpty { out += "_\(section.empty)_\n" }
            for item in section.items {
                out += "- \(item.text)\n"
                for line in item.entries {
                    out += "  - \(line.when): \(line.label) \(line.amount), \(MarkdownReport.entry(line))\n"
                }
            }
        }
        out += "\n#### Reproduce with\n\n```\n\(command)\n```\n"
        return out
    }
}
