import Foundation
import Ledger

/// What a report says, worded once, before it is laid out as text, Markdown or a
/// ticket: the verdict, the best answer's causes with their entries, the other
/// answers, the findings and what to check next.
struct ReportContent {
    /// One cited entry as the credits page shows it.
    struct EntryLine {
        let when: String
        let label: String
        let amount: String
        let id: String
    }

    /// A cause or a finding.
    struct Block {
        let title: String
        let text: String
        let amount: Int?
        let severity: FindingSeverity?
        let entries: [EntryLine]
    }

    let explanation: Explanation
    let verdict: String
    /// Who, which numbers, which window.
    let question: String
    let causes: [Block]
    let notes: [String]
    /// The other hypotheses, one line each.
    let alternatives: [String]
    let findings: [Block]
    let nextSteps: [String]

    init(_ explanation: Explanation) {
        self.explanation = explanation
        let time = explanation.query.time
        verdict = Self.verdict(explanation)
        let client = explanation.snapshot.client
        question = "\(client.name) (\(client.id)): expected \(explanation.query.expected), seeing \(explanation.query.actual); "
            + "looking at \(time.dateTime(explanation.query.since)) to \(time.dateTime(explanation.query.until))."
        let best = explanation.hypotheses.first
        causes = (best?.causes ?? []).map { cause in
            Block(title: cause.title, text: cause.text, amount: cause.amount, severity: nil,
                  entries: Self.lines(cause.entries, explanation))
        }
        var notes: [String] = []
        if let best, !best.isExact, best.explained != 0 {
            notes.append("Still unexplained: \(Self.signed(best.unexplained)) \(abs(best.unexplained) == 1 ? "token" : "tokens").")
        }
        if explanation.isAmbiguous {
            notes.append("The log fits more than one explanation equally well; the others are listed below. Check which one matches what you did.")
        }
        if explanation.stoppedEarly {
            notes.append("The search stopped early: there were too many combinations to try them all, so these are the best found, not necessarily the best there are.")
        }
        self.notes = notes
        alternatives = explanation.hypotheses.dropFirst().map { hypothesis in
            let parts = hypothesis.causes.map { cause in
                let day = cause.latest.map { ", \(time.shortDate($0))" } ?? ""
                return "\(cause.title) (\(Self.signed(cause.amount))\(day))"
            }.joined(separator: " + ")
            let rest = hypothesis.isExact ? "" : "; \(Self.signed(hypothesis.unexplained)) left unexplained"
            return "\(parts) = \(Self.signed(hypothesis.explained))\(rest)"
        }
        findings = explanation.findings.map { finding in
            Block(title: finding.title, text: finding.text, amount: nil, severity: finding.severity,
                  entries: Self.lines(finding.entries, explanation))
        }
        nextSteps = Self.nextSteps(explanation)
    }

    static func verdict(_ explanation: Explanation) -> String {
        let delta = explanation.delta
        guard delta != 0 else {
            let base = "Your balance is what you expected (\(explanation.query.actual))."
            return explanation.status == .suspicious ? base + " Something looks wrong, though; see below." : base
        }
        let direction = "Your balance is \(abs(delta)) \(delta < 0 ? "lower" : "higher") than you expected"
        let explained = explanation.explained
        var sentence: String
        switch explanation.hypotheses.first {
        case let best? where best.isExact: sentence = "\(direction); the log explains all of it."
        case _ where explained != 0:
            sentence = "\(direction); the log explains \(abs(explained)) of it, and \(abs(delta - explained)) \(abs(delta - explained) == 1 ? "is" : "are") still unexplained."
        default: sentence = "\(direction), and the log does not explain it."
        }
        if explanation.status == .suspicious { sentence += " Something looks wrong; see below." }
        return sentence
    }

    /// `+50`, `-88`, `0`.
    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }

    static func lines(_ ids: [String], _ explanation: Explanation) -> [EntryLine] {
        let time = explanation.query.time
        let byID = Dictionary(explanation.snapshot.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }.map { entry in
            EntryLine(when: time.dateTime(entry.at), label: entry.type.label, amount: signed(entry.amount), id: entry.id)
        }
    }

    /// The advice of the best answer's causes and of the findings, each once; when the
    /// log does not explain everything, the article's checklist.
    static func nextSteps(_ explanation: Explanation) -> [String] {
        var steps: [String] = []
        func add(_ line: String) { if !steps.contains(line) { steps.append(line) } }
        for finding in explanation.findings where finding.severity == .warning { finding.advice.forEach(add) }
        for cause in explanation.hypotheses.first?.causes ?? [] { cause.advice.forEach(add) }
        for finding in explanation.findings where finding.severity == .info { finding.advice.forEach(add) }
        // Many causes of one kind repeat their advice with other names: a few lines are enough.
        steps = Array(steps.prefix(4))
        if explanation.status != .explained && explanation.status != .noDiscrepancy {
            let client = explanation.snapshot.client
            add("Confirm you are looking at the right client's log: each client has its own balance (/dashboard/clients/\(client.id)/credits).")
            add("Read the ten most recent entries, top to bottom.")
            add("Cross-check the creatives still in production, the billing cycle date and the auto reload setting on the client's settings page.")
        }
        if explanation.needsTicket {
            add("If that does not settle it, run `credits ticket` with the same options and send its text to your account manager.")
        }
        return steps
    }
}
