import Foundation
import Ledger

/// `credits explain --format json`: SPEC section 5, version 1, keys in the
/// contract's order. One addition: `stopped_early` (the search ran out of budget).
public struct JSONReport {
    /// The ticket text to embed when one is due.
    public let ticket: String?

    public init(ticket: String?) {
        self.ticket = ticket
    }

    public func value(_ explanation: Explanation) -> JSONValue {
        let utc = TimeFormat(zone: TimeZone(identifier: "UTC")!)
        let client = explanation.snapshot.client
        let hypotheses = explanation.hypotheses.enumerated().map { rank, hypothesis in
            JSONValue.object([
                ("rank", .int(rank + 1)), ("score", .double(hypothesis.score)),
                ("explained", .int(hypothesis.explained)), ("unexplained", .int(hypothesis.unexplained)),
                ("causes", .array(hypothesis.causes.map { cause in
                    .object([
                        ("rule", .string(cause.rule)), ("title", .string(cause.title)), ("amount", .int(cause.amount)),
                        ("entries", .array(cause.entries.map { .string($0) })), ("text", .string(cause.text)),
                    ])
                })),
            ])
        }
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
            ("hypotheses", .array(hypotheses)),
            ("findings", .array(findings)),
            ("stopped_early", .bool(explanation.stoppedEarly)),
            ("ticket", explanation.needsTicket ? .string(ticket) : .null),
        ])
    }

    public func render(_ explanation: Explanation) -> String {
        value(explanation).rendered() + "\n"
    }
}
