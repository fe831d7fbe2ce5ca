import Explainer
import Foundation
import Ledger

/// A client at a glance: the help article's checklist (balance by bucket, plan and
/// billing date, auto reload, creatives still in production, the latest entries,
/// earlier reports and whether a correction landed since), and the question form.
struct OverviewPage {
    let console: Console
    let snapshot: Snapshot

    func render() -> HTML {
        let client = snapshot.client
        let time = TimeFormat(zone: client.timeZone, reference: snapshot.generatedAt)
        let log = CreditsLog(snapshot: snapshot, policy: console.policy, timeZone: client.timeZone)
        let replay = log.replay
        // The findings of the question "is this balance right?": what the rules flag
        // (a correction that never landed, a charge that does not match the pricing).
        let check = try? console.explain(snapshot, Question(expected: client.balance))
        let warnings = check?.findings.filter { $0.severity == .warning } ?? []
        let cycle = client.billingCycle
        let next = cycle.next(after: snapshot.generatedAt)
        let allocation = console.policy.allocation(plan: client.plan)
        let reload = client.autoReload
        let inFlight = snapshot.creatives.filter { $0.status == .inFlight }
        let recent = Array(log.page(1)?.rows.prefix(10) ?? [])

        let mismatch: HTML = replay.matchesShownBalance ? "" : Piece.note("warning",
            "Replaying the log gives \(replay.replayedBalance), but the balance shown is \(replay.shownBalance): the log does not account for \(abs(replay.shownBalance - replay.replayedBalance)) tokens.")
        let facts: HTML = """
            <dl class="facts">
              <div><dt>Balance shown</dt><dd class="big">\(Piece.tokens(client.balance))</dd></div>
              <div><dt>Plan tokens</dt><dd>\(replay.planTokens) <small>expire at the next renewal</small></dd></div>
              <div><dt>Rolled-over tokens</dt><dd>\(replay.rolloverTokens) <small>top-ups, reloads, refunds</small></dd></div>
              <div><dt>Plan</dt><dd>\(client.plan)\(allocation.map { " <small>\($0) tokens a month</small>" as HTML })</dd></div>
              <div><dt>Billing date</dt><dd>the \(Self.ordinal(client.billingAnchor.day)) of each month <small>next renewal \(time.dateTime(next))</small></dd></div>
              <div><dt>Auto reload</dt><dd>\(reload.enabled ? "on, \(reload.amount ?? console.policy.reloadDefault) tokens" : "off")</dd></div>
              \(client.outstanding != 0 ? "<div><dt>Outstanding</dt><dd>\(client.outstanding) tokens to settle</dd></div>" as HTML : "")
            </dl>
            """
        let creatives: HTML = inFlight.isEmpty ? "<p class=\"hint\">None: every creative submitted has been delivered.</p>" : Piece.table(
            ["Creative", "Id", "Submitted", "Clips (s)", "Charged at submit"],
            inFlight.map { creative in
                ["\(creative.title.isEmpty ? "(untitled)" : creative.title)", "<code>\(creative.id)</code>",
                 "\(creative.submittedAt.map(time.dateTime) ?? "—")",
                 "\(creative.clips.map(String.init).joined(separator: ", "))",
                 "\(console.policy.submissionCost(clips: creative.clips))"]
            }, classes: ["", "", "", "", "num"])
        let reports: HTML = snapshot.reports.isEmpty ? "<p class=\"hint\">None.</p>" : Piece.table(
            ["Report", "Opened", "Expected", "Saw", "Note", "Correction since"],
            snapshot.reports.sorted { $0.openedAt > $1.openedAt }.map { report in
                let open = warnings.contains { $0.rule == "fix-not-landed" && $0.text.contains("\(report.id):") }
                return ["<code>\(report.id)</code>", "\(time.dateTime(report.openedAt))", "\(report.expected)", "\(report.actual)",
                        "\(report.note ?? "")", open ? "<span class=\"badge suspicious\">none landed</span>" : "<span class=\"badge explained\">yes</span>"]
            }, classes: ["", "", "num", "num", "", ""])
        let findings: HTML = warnings.isEmpty ? "" : """
            <section><h2>Worth checking</h2><ul class="findings">\(warnings.map { "<li><strong>\($0.title)</strong>: \($0.text)</li>" as HTML })</ul></section>
            """
        return """
            <p class="crumbs"><a href="/clients">Clients</a> › \(client.name)</p>
            <h1>\(client.name) <small><code>\(client.id)</code>\(snapshot.account.map { " · \($0.name)" as HTML })</small></h1>
            <p class="tabs"><strong>Overview</strong> <a href="\(ConsoleURL.log(client.id))">Credits log</a> <a href="\(ConsoleURL.ask(client.id))">Ask about the balance</a></p>
            \(mismatch)
            \(facts)
            \(AskPage.questionForm(clientID: client.id, form: QuestionForm(expected: nil), balance: client.balance))
            \(findings)
            <section><h2>Creatives still in production</h2>\(creatives)</section>
            <section><h2>Ten most recent entries</h2>
            \(LogPage.table(recent, log: log, highlight: nil))
            <p><a href="\(ConsoleURL.log(client.id))">The whole credits log</a> (times in \(log.timeZoneName))</p></section>
            <section><h2>Earlier reports</h2>\(reports)</section>
            """
    }

    static func ordinal(_ day: Int) -> String {
        let suffix = (11...13).contains(day % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][day % 10]
        return "\(day)\(suffix)"
    }
}
