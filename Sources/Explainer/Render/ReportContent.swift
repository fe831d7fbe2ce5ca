import Foundation
import Ledger

/// What a report says, worded once, before it is laid out as text, Markdown or a
/// ticket: the verdict, the best answer's causes with their entries, the other
/// answers, the findings and what to check next.
struct ReportContent {
    /// One cited entry as the credits page shows it, or a movement the replay computed.
    struct EntryLine {
        let when: String
        let label: String
        let amount: String
        /// The entry's id; nil for a computed movement (an expiry), which has no entry.
        let id: String?
        /// How much of it a cause counts, when not all: `for reference` for an entry cited to
        /// show where the cause comes from (the renewal's +575 under the plan tokens it
        /// expired, the charge under an auto reload); `-48 of it counted` for a part.
        let note: String?

        /// The cells of an aligned table: time, type, amount, id, and the note in parentheses.
        var cells: [String] { [when, label, amount, id ?? Self.noEntry] + (note.map { ["(\($0))"] } ?? []) }

        /// The note of an entry cited but not counted.
        static let forReference = "for reference"

        /// Written where a computed movement's id would be.
        static let noEntry = "no log entry"
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
    /// Whose balance, and the two numbers: `Bluebird Bakery (bluebird-bakery): you expected 200 tokens and see 112.`
    let question: String
    /// The window in words: `Period looked at: Oct 20 to Nov 24, 12:30 PM CST (the last 35 days).`
    let period: String
    let causes: [Block]
    let notes: [String]
    /// The other hypotheses, one line each.
    let alternatives: [String]
    /// Why the first answer ranks above the others, when that is not plain from the lines.
    let alternativesNote: String?
    /// Answers that add up only by coincidence, one line each.
    let coincidences: [String]
    /// Where the expected number was the real balance, or the nearest balances when never.
    let balanceWas: String?
    /// How the balance moved over the window, kind by kind (the bridge).
    let bridge: [(label: String, amount: String)]
    let findings: [Block]
    let nextSteps: [String]

    init(_ explanation: Explanation) {
        self.explanation = explanation
        let query = explanation.query
        verdict = Self.verdict(explanation)
        let client = explanation.snapshot.client
        question = "\(client.name) (\(client.id)): you expected \(Self.tokens(query.expected)) and see \(query.actual)."
        period = "Period looked at: \(Self.period(query))."
        let best = explanation.hypotheses.first
        causes = (best?.causes ?? []).map { cause in
            Block(title: cause.title, text: cause.text, amount: cause.amount, severity: nil,
                  entries: Self.lines(of: cause, explanation))
        }
        var notes: [String] = []
        if let best, !best.isExact, best.explained != 0 {
            notes.append("Still unexplained: \(Self.signed(best.unexplained)) \(abs(best.unexplained) == 1 ? "token" : "tokens").")
        }
        if explanation.isAmbiguous {
            notes.append("The log fits more than one explanation equally well; the others are listed below. Check which one matches what you did.")
        }
        if explanation.stoppedEarly {
            notes.append("The search stopped early: there were too many combinations to try them all, so these are the best found, not necessarily the best there are. A shorter period (--since) leaves fewer to try.")
        }
        if let stop = explanation.rulesStopped {
            notes.append("The rules stopped early: rule '\(stop.rule)' used up this question's evaluation budget "
                + "(\(stop.budget) steps) on \(stop.item), so the items after it were not checked and causes or findings may be missing. "
                + "A ticket is due: support should look at this log.")
        }
        self.notes = notes
        // Causes that would read the same but rest on other entries (two charges of one
        // creative) are told apart by their entries' ids.
        var entriesByText: [String: Set<[String]>] = [:]
        for cause in explanation.hypotheses.flatMap(\.causes) {
            entriesByText[Self.describe(cause, explanation), default: []].insert(cause.entries)
        }
        func describe(_ cause: Cause) -> String {
            let text = Self.describe(cause, explanation)
            return entriesByText[text, default: []].count > 1 ? Self.describe(cause, explanation, withIDs: true) : text
        }
        func line(_ hypothesis: Hypothesis) -> String {
            let parts = hypothesis.causes.map(describe).joined(separator: " + ")
            let rest = hypothesis.isExact ? "" : "; \(Self.signed(hypothesis.unexplained)) left unexplained"
            return "\(parts) = \(Self.signed(hypothesis.explained))\(rest)"
        }
        alternatives = explanation.hypotheses.dropFirst().map(line)
        alternativesNote = Self.whyFirst(explanation)
        coincidences = explanation.coincidences.map(line)
        balanceWas = Self.balanceWas(explanation)
        bridge = Self.bridge(explanation.history)
        let shownFindings = Self.shownFindings(explanation.findings)
        findings = shownFindings.map { shown in
            switch shown {
            case .finding(let finding):
                Block(title: finding.title, text: finding.text, amount: nil, severity: finding.severity,
                      entries: Self.lines(finding.entries, explanation))
            case .more(let count, let like, let earliest):
                Block(title: like.title, text: Self.moreText(count, earliest: earliest, explanation),
                      amount: nil, severity: like.severity, entries: [])
            }
        }
        nextSteps = Self.nextSteps(explanation, shownFindings: shownFindings)
    }

    /// A finding as the reports show it, or the findings of one rule left out.
    enum ShownFinding {
        case finding(Finding)
        /// `count` more findings like `like`, the earliest citing `earliest` (an entry id).
        case more(count: Int, like: Finding, earliest: String?)
    }

    /// How many findings of one rule a report shows; the JSON output has them all.
    static let findingsPerRule = 5

    /// The findings, with at most `findingsPerRule` of each rule (its last ones: rules give
    /// their items oldest first, so the most recent) and one line for the rest of that
    /// rule after them: a log with a systematic problem can have thousands of one finding,
    /// and a page of them hides everything else.
    static func shownFindings(_ findings: [Finding]) -> [ShownFinding] {
        var total: [String: Int] = [:]
        for finding in findings { total[finding.rule, default: 0] += 1 }
        var seen: [String: Int] = [:]
        var shown: [ShownFinding] = []
        var firstLeftOut: [String: Finding] = [:]
        for finding in findings {
            let position = seen[finding.rule, default: 0]
            seen[finding.rule] = position + 1
            let count = total[finding.rule] ?? 0
            if position < count - findingsPerRule {
                if firstLeftOut[finding.rule] == nil { firstLeftOut[finding.rule] = finding }
                continue
            }
            shown.append(.finding(finding))
            if position == count - 1, let earliest = firstLeftOut[finding.rule] {
                shown.append(.more(count: count - findingsPerRule, like: finding, earliest: earliest.entries.first))
            }
        }
        return shown
    }

    /// `1614 more like the 5 above, the earliest on Dec 27, 2022, 12:55 PM CST (e-4071); ...`
    static func moreText(_ count: Int, earliest: String?, _ explanation: Explanation) -> String {
        let first = earliest.flatMap { explanation.snapshot.entry(id: $0) }
            .map { ", the earliest on \(explanation.query.time.dateTime($0.at)) (\($0.id))" } ?? ""
        return "\(count) more like the \(findingsPerRule) above\(first); `credits explain --format json` lists every one."
    }

    static func verdict(_ explanation: Explanation) -> String {
        let delta = explanation.delta
        guard delta != 0 else {
            let base = "Your balance is what you expected (\(tokens(explanation.query.actual)))."
            return explanation.status == .suspicious ? base + " Something in the log looks wrong, though; see below." : base
        }
        let direction = "Your balance is \(tokens(abs(delta))) \(delta < 0 ? "lower" : "higher") than you expected"
        let explained = explanation.explained
        var sentence: String
        switch explanation.hypotheses.first {
        case let best? where best.isExact: sentence = "\(direction); the log explains all of it."
        case _ where explained != 0:
            let left = abs(delta - explained)
            sentence = "\(direction); the log explains \(abs(explained)) of it, and \(left) \(left == 1 ? "is" : "are") still unexplained."
        default: sentence = "\(direction), and the log does not explain it."
        }
        if explanation.status == .suspicious { sentence += " Something in the log looks wrong; see below." }
        return sentence
    }

    /// The status in a few words for a support agent: `explained: the log accounts for all of -88`.
    static func status(_ explanation: Explanation) -> String {
        let delta = explanation.delta, explained = explanation.explained
        let accounted: String = switch explanation.hypotheses.first {
        case let best? where best.isExact: "the log accounts for all of \(signed(delta))"
        case _ where explained != 0: "the log accounts for \(signed(explained)) of \(signed(delta)), \(signed(delta - explained)) unexplained"
        default: "the log accounts for none of \(signed(delta))"
        }
        switch explanation.status {
        case .noDiscrepancy: return "no difference: the balance is what was expected"
        case .explained: return "explained: \(accounted)"
        case .partial: return "partly explained: \(accounted)"
        case .unexplained: return "unexplained: \(accounted)"
        case .suspicious:
            let count = explanation.findings.filter { $0.severity == .warning }.count
            let wrong = "\(count) \(count == 1 ? "thing looks" : "things look") wrong"
            return delta == 0 ? "suspicious: \(wrong), though the balance is what was expected" : "suspicious: \(wrong); \(accounted)"
        }
    }

    /// `+50`, `-88`, `0`.
    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }

    /// `1 token`, `88 tokens`.
    static func tokens(_ n: Int) -> String { "\(n) \(abs(n) == 1 ? "token" : "tokens")" }

    /// The window as a person reads it: the first day, the last moment, and how long
    /// (`Oct 20 to Nov 24, 12:30 PM CST (the last 35 days)`); the starting hour too when
    /// the window is shorter than two days. Exact times are in the JSON and the ticket.
    static func period(_ query: ExplainQuery) -> String {
        let time = query.time
        let seconds = query.until.timeIntervalSince(query.since)
        let days = (seconds / 86_400).rounded()
        let hours = (seconds / 3600).rounded()
        let last = abs(query.until.timeIntervalSince(query.now)) < 1 ? "the last " : ""
        // Whole days, give or take a daylight-saving hour; about so many days; or hours.
        let length = if days >= 1 && abs(seconds - days * 86_400) <= 3600 {
            days == 1 ? "\(last.isEmpty ? "1 " : last)day" : "\(last)\(Int(days)) days"
        } else if days >= 2 {
            "about \(Int(days)) days"
        } else {
            "\(last)\(Int(hours)) \(hours == 1 ? "hour" : "hours")"
        }
        // Within a day or two, the hour it starts matters; within one day, the date is said once.
        let start = days >= 2 ? time.shortDate(query.since) : time.dateTime(query.since)
        let end = time.day(query.since) == time.day(query.until) ? time.clock(query.until) : time.dateTime(query.until)
        return "\(start) to \(end) (\(length))"
    }

    /// The entries a cause cites, and the computed movements it claims (an expiry has no
    /// entry of its own), in time order; cited entries it does not claim are for reference,
    /// and those it claims in part say how much.
    static func lines(of cause: Cause, _ explanation: Explanation) -> [EntryLine] {
        let claimed = Dictionary(cause.claims.map { ($0.movement, $0.amount) }, uniquingKeysWith: +)
        let time = explanation.query.time
        var rows: [(at: Date, order: Int, line: EntryLine)] = cause.entries.compactMap { id in
            explanation.snapshot.entry(id: id).map { entry in
                let note = switch claimed[entry.id] {
                case nil: EntryLine.forReference
                case entry.amount: nil as String?
                case let part?: "\(signed(part)) of it counted"
                }
                return (entry.at, 1, line(entry, time, note: note))
            }
        }
        for movement in explanation.replay.movements where claimed[movement.id] != nil {
            // An expiry comes just before the allocation it cites, as on the credits log.
            rows.append((movement.at, 0, EntryLine(when: time.dateTime(movement.at), label: movementLabel(movement.kind),
                                                 amount: signed(movement.amount), id: nil, note: nil)))
        }
        return rows.enumerated().sorted { a, b in
            (a.element.at, a.element.order, a.offset) < (b.element.at, b.element.order, b.offset)
        }.map(\.element.line)
    }

    /// The entries a finding cites, in the order given.
    static func lines(_ ids: [String], _ explanation: Explanation) -> [EntryLine] {
        ids.compactMap { explanation.snapshot.entry(id: $0) }.map { line($0, explanation.query.time, note: nil) }
    }

    private static func line(_ entry: LedgerEntry, _ time: TimeFormat, note: String?) -> EntryLine {
        EntryLine(when: time.dateTime(entry.at), label: entry.type.label, amount: signed(entry.amount), id: entry.id,
                  note: note)
    }

    private static func movementLabel(_ kind: ComputedMovement.Kind) -> String {
        switch kind {
        case .planTokensExpired: "Plan tokens expired"
        }
    }

    /// One cause of another answer, with what tells it apart from others of its kind:
    /// `Product Showcase deposit for 'Spring Menu' (-38, Nov 11)`, `Plan renewed (+150, Nov 3, e-9995)`;
    /// `withIDs`: the entries' ids too, `(-88, Nov 23, e-8127)`.
    static func describe(_ cause: Cause, _ explanation: Explanation, withIDs: Bool = false) -> String {
        let snapshot = explanation.snapshot
        let entries = cause.entries.compactMap { snapshot.entry(id: $0) }
        var titles: [String] = []
        for entry in entries {
            guard let id = entry.creative else { continue }
            let title = snapshot.creative(id: id).map(\.title) ?? ""
            let name = title.isEmpty ? id : "'\(title)'"
            if !titles.contains(name) { titles.append(name) }
        }
        let day = cause.latest.map { ", \(explanation.query.time.shortDate($0))" } ?? ""
        let ids = entries.count <= 2 ? entries.map { ", \($0.id)" }.joined() : ", \(entries.count) entries"
        let subject: String? = switch titles.count {
        case 0: nil
        case 1, 2: titles.joined(separator: " and ")
        default: "\(titles.count) creatives"
        }
        // Without a creative, a single entry's id is what names the cause.
        let showIDs = withIDs || (subject == nil && entries.count == 1)
        return "\(cause.title)\(subject.map { " for \($0)" } ?? "") (\(signed(cause.amount))\(day)\(showIDs ? ids : ""))"
    }

    /// Why the first answer ranks above the second, as the search decided it; nil when the
    /// log alone leaves them tied (the report says so instead).
    static func whyFirst(_ explanation: Explanation) -> String? {
        guard explanation.hypotheses.count > 1, !explanation.isAmbiguous,
              let reason = explanation.hypotheses[0].reason else { return nil }
        return "The explanation above ranks first because \(words(reason, explanation))."
    }

    /// A ranking reason in words.
    static func words(_ reason: RankReason, _ explanation: Explanation) -> String {
        switch reason {
        case .accountsForMore: "it accounts for more of the difference"
        case .finding: "a finding says this is what went wrong"
        case .startsAtBalance(let balance, let at):
            "it starts where your balance really was \(balance) (\(explanation.query.time.dateTime(at)))"
        case .oneMistake: "it needs one mistake rather than two"
        case .wholeMovements: "it counts whole movements, not parts of them"
        case .linked: "its causes are linked (a charge and the reload it triggered, a renewal and its expiry): one story"
        case .likelierKind: "its kind of cause is the more common one"
        case .moreRecent: "its entries are more recent"
        case .notCoincidence: "its causes tell one story, while other sums only add up by coincidence"
        }
    }

    /// What the coincidences are, said once under them.
    static let coincidenceNote = "The log could also add up to this by coincidence; nothing links these entries, so they are not offered as an explanation."

    /// `Your balance was 200 on Nov 24, 10:13 AM CST (after e-40402); since then the log explains every movement.`,
    /// or, when it never was, the nearest balances and when.
    static func balanceWas(_ explanation: Explanation) -> String? {
        let query = explanation.query
        guard query.delta != 0 else { return nil }
        let time = query.time
        if let moment = explanation.balanceWas {
            let after = moment.afterEntry.map { " (after \($0))" } ?? ""
            return "Your balance was \(query.expected) on \(time.dateTime(moment.at))\(after)."
        }
        let nearest = explanation.history.nearest(to: query.expected)
        guard !nearest.isEmpty else { return nil }
        let list = nearest.map { "\($0.balance) on \(time.dateTime($0.at))" }
        return "Your balance was never \(query.expected) in this period; the nearest were \(list.joined(separator: " and "))."
    }

    /// The bridge: opening, one line per kind with its count, closing.
    static func bridge(_ history: BalanceHistory) -> [(label: String, amount: String)] {
        [("Opening balance", "\(history.opening)")]
            + history.lines.map { ("\($0.label) (\($0.count))", signed($0.amount)) }
            + [("Closing balance", "\(history.closing)")]
    }

    /// The advice of the best answer's causes and of the findings, each once; when the
    /// log does not explain everything, the article's checklist.
    /// `shownFindings` when the caller has them already (see `shownFindings(_:)`).
    static func nextSteps(_ explanation: Explanation, shownFindings: [ShownFinding]? = nil) -> [String] {
        var steps: [String] = []
        func add(_ line: String) { if !steps.contains(line) { steps.append(line) } }
        // The advice of the findings the report shows: those left out of a long list
        // (see `shownFindings`) are not asked about.
        let shown = (shownFindings ?? Self.shownFindings(explanation.findings)).compactMap { shown -> Finding? in
            if case .finding(let finding) = shown { return finding }
            return nil
        }
        var covered = Set<NextCheck>()
        for finding in shown where finding.severity == .warning { finding.advice.forEach(add); covered.formUnion(finding.checks) }
        for cause in explanation.hypotheses.first?.causes ?? [] { cause.advice.forEach(add); covered.formUnion(cause.checks) }
        for finding in shown where finding.severity == .info { finding.advice.forEach(add); covered.formUnion(finding.checks) }
        // Many causes of one kind repeat their advice with other names: a few lines are enough.
        // (What they cover counts only for the lines kept.)
        if steps.count > 4 {
            steps = Array(steps.prefix(4))
            covered = Self.checks(coveredBy: steps, explanation, shown)
        }
        if explanation.status != .explained && explanation.status != .noDiscrepancy {
            let client = explanation.snapshot.client
            add("Confirm you are looking at the right client's log: each client has its own balance (/dashboard/clients/\(client.id)/credits).")
            // What the advice above already asks for (its rules' `checks:`) is not asked again.
            if !covered.contains(.recentEntries) {
                add("Read the ten most recent entries, top to bottom.")
            }
            let checks = [(NextCheck.inProduction, "the creatives still in production"),
                          (.billingDate, "the billing cycle date"),
                          (.autoReload, "the auto reload setting")]
                .filter { key, _ in !covered.contains(key) }.map(\.1)
            if !checks.isEmpty {
                let list = checks.count == 1 ? checks[0] : checks.dropLast().joined(separator: ", ") + " and " + checks.last!
                add("Cross-check \(list) on the client's settings page.")
            }
        }
        if explanation.needsTicket {
            add("If that does not settle it, run `credits ticket` with the same options and send its text to your account manager.")
        }
        return steps
    }

    /// The checklist items the kept advice lines come from.
    private static func checks(coveredBy steps: [String], _ explanation: Explanation, _ shown: [Finding]) -> Set<NextCheck> {
        var covered = Set<NextCheck>()
        for finding in shown where finding.advice.contains(where: steps.contains) { covered.formUnion(finding.checks) }
        for cause in explanation.hypotheses.first?.causes ?? [] where cause.advice.contains(where: steps.contains) {
            covered.formUnion(cause.checks)
        }
        return covered
    }
}
