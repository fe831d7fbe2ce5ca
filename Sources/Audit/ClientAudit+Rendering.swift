import Foundation
import Explainer
import Ledger

extension ClientAudit.Report {
    /// The rows at least as severe as `severity` (`info`: all of them).
    public func rows(atLeast severity: FindingSeverity) -> [AuditRow] {
        severity == .info ? rows : rows.filter { $0.severity == .warning }
    }

    /// A table for a terminal, worst first, then a summary line.
    public func text(_ shown: [AuditRow]) -> String {
        var out = ""
        if !shown.isEmpty {
            let table = [["CLIENT", "RULE", "SEVERITY", "ENTRIES", "TEXT"]] + shown.map { row in
                [row.client, row.rule, row.severity.rawValue, row.entries.joined(separator: " "), Self.oneLine(row.text)]
            }
            out += TextColumns.aligned(table).joined(separator: "\n") + "\n\n"
        }
        let warnings = rows.filter { $0.severity == .warning }.count
        let flagged = Set(rows.filter { $0.severity == .warning }.map(\.client)).count
        out += "\(clients) client\(clients == 1 ? "" : "s") audited: \(warnings) warning\(warnings == 1 ? "" : "s")"
        out += " on \(flagged) client\(flagged == 1 ? "" : "s"), \(rows.count - warnings) information\n"
        return out
    }

    /// SPEC section 9's JSON: `{ "version": 1, "clients": N, "findings": [...] }`.
    public func json(_ shown: [AuditRow]) -> String {
        JSONValue.object([
            ("version", .int(1)),
            ("clients", .int(clients)),
            ("findings", .array(shown.map { row in
                .object([("client", .string(row.client)), ("rule", .string(row.rule)), ("severity", .string(row.severity.rawValue)),
                         ("entries", .array(row.entries.map { .string($0) })), ("text", .string(row.text))])
            })),
        ]).rendered() + "\n"
    }

    /// CSV (RFC 4180): a header, then a row per finding; entries separated by spaces.
    public func csv(_ shown: [AuditRow]) -> String {
        var out = "client,rule,severity,entries,text\r\n"
        for row in shown {
            out += [row.client, row.rule, row.severity.rawValue, row.entries.joined(separator: " "), row.text]
                .map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
