import Foundation
import Ledger

/// `credits explain --format json`: SPEC section 5, version 1, keys in the
/// contract's order (second edition: `confidence`, `coincidences`, `bridge`,
/// `balance_was`). One addition: `stopped_early` (the search ran out of budget).
public struct JSONReport {
    /// The ticket text to embed when one is due.
    public let ticket: String?

    public init(ticket: String?) {
        self.ticket = ticket
    }

    public func value(_ explanation: Explanation) -> JSONValue {
        let utc = TimeFormat(zone: TimeZone(identifier: "UTC")!)
        let client = explanation.snapshot.client
        func answers(_ list: [Hypothesis]) -> JSONValue {
            .array(list.enumerated().map { rank, hypothesis in answer(rank, hypothesis) })
        }
        func answer(_ rank: Int, _ hypothesis: Hypothesis) -> JSONValue {
            JSONValue.object([
                ("rank", .int(rank + 1)), ("score", .double(hypothesis.score)),
                ("confidence", .string(hypothesis.confidence.rawValue)),
                ("explained", .int(hypothesis.explained)), ("unexplained", .int(hypothesis.unexplained)),
                ("causes", .array(hypothesis.causes.map { cause in
                    .object([
                        ("rule", .string(cause.rule)), ("title", .string(cause.title)), ("amount", .int(cause.amount)),
                        ("entries", .array(cause.entries.map { .string($0) })), ("text", .string(cause.text)),
                    ])
                })),
            ])
        }
        let history = explanation.history
        let bridge = JSONValue.object([
            ("since", .string(utc.iso(explanation.query.since))), ("until", .string(utc.iso(explanation.query.until))),
            ("opening", .int(history.opening)), ("closing", .int(history.closing)),
            ("lines", .array(history.lines.map { line in
                .object([("kind", .string(line.kind)), ("label", .string(line.label)), ("count", .int(line.count)),
                         ("amount", .int(line.amount))])
            })),
        ])
        let balanceWas = explanation.balanceWas.map { moment in
            JSONValue.object([("at", .string(utc.iso(moment.at))), ("after_entry", moment.afterEntry.map { .string($0) } ?? .null)])
        } ?? .null
        let findings = explanation.findings.map { finding in
            JSONValue.object([
                ("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)),
                ("entries", .array(finding.entries.map { .string($0) })), ("text", .string(finding.text)),
            ])
        }
        return .object([
            ("version", .int(1)),
            ("client", .object([("id", .string(client.id)), ("name", .string(client.name))])),
            ("expected", .int(explanation.query.expected)), ("actual", .int(explanation.query.actual)),
            ("delta", .int(explanation.delta)),
            ("window", .object([("since", .string(utc.iso(explanation.query.since))),
                                ("until", .string(utc.iso(explanation.query.until)))])),
            ("status", .string(explanation.status.rawValue)),
            ("explained", .int(explanation.explained)), ("unexplained", .int(explanation.unexplained)),
            ("hypotheses", answers(explanation.hypotheses)),
            ("coincidences", answers(explanation.coincidences)),
            ("findings", .array(findings)),
            ("bridge", bridge),
            ("balance_was", balanceWas),
            ("stopped_early", .bool(explanation.stoppedEarly)),
            ("rules_stopped", explanation.rulesStopped.map { stop in
                .object([("rule", .string(stop.rule)), ("item", .string(stop.item)), ("budget", .int(stop.budget))])
            } ?? .null),
            ("ticket", explanation.needsTicket ? .string(ticket) : .null),
        ])
    }

    public func render(_ explanation: Explanation) -> String {
        value(explanation).rendered() + "\n"
    }
}
