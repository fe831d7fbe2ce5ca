import Foundation
import Ledger

/// The credits log as the credits page shows it, replayed: newest first, 25 a page,
/// local time with the zone, the page's type labels, signed amounts, the buckets
/// and balance after each row, the computed expiry rows, and the mismatch line when
/// the replay does not give the balance shown. A cited entry's row is highlighted.
struct LogPage {
    let log: CreditsLog
    let page: CreditsLog.Page
    let highlight: String?

    func render() -> HTML {
        let client = log.snapshot.client
        let replay = log.replay
        let id = client.id
        let pages: HTML = page.count == 1 ? "" : """
            <nav class="pages">
              \(page.number > 1 ? "<a href=\"\(ConsoleURL.log(id, page: page.number - 1))\">← Newer</a>" as HTML : "")
              <span>Page \(page.number) of \(page.count)</span>
              \(page.number < page.count ? "<a href=\"\(ConsoleURL.log(id, page: page.number + 1))\">Older →</a>" as HTML : "")
            </nav>
            """
        let balance: HTML = replay.matchesShownBalance
            ? Piece.note("ok", "Replaying the log gives \(replay.replayedBalance) (plan \(replay.planTokens), rolled over \(replay.rolloverTokens)), the balance shown.")
            : Piece.note("warning", "Mismatch: replaying the log gives \(replay.replayedBalance) (plan \(replay.planTokens), rolled over \(replay.rolloverTokens)), but the balance shown is \(replay.shownBalance), \(abs(replay.shownBalance - replay.replayedBalance)) \(replay.shownBalance > replay.replayedBalance ? "more" : "less"): the log does not account for that difference.")
        return """
            <p class="crumbs"><a href="/clients">Clients</a> › <a href="\(ConsoleURL.client(id))">\(client.name)</a> › Credits log</p>
            <h1>Credits log <small>\(client.name)</small></h1>
            <p class="tabs"><a href="\(ConsoleURL.client(id))">Overview</a> <strong>Credits log</strong> <a href="\(ConsoleURL.ask(id))">Ask about the balance</a></p>
            <p class="hint">Newest first, times in \(log.timeZoneName). Balance after each row = plan tokens + rolled-over tokens.</p>
            \(balance)
            \(highlight.flatMap { id in page.rows.contains { $0.entry?.id == id } ? Piece.note("info", "Entry <code>\(id)</code>, cited in an answer, is highlighted below.") : nil })
            \(pages)
            \(Self.table(page.rows, log: log, highlight: highlight))
            \(pages)
            """
    }

    /// The rows as a table; each entry's row has an anchor (`#entry-ID`) that answers link to.
    static func table(_ rows: [ReplayRow], log: CreditsLog, highlight: String?) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"hint\">The log has no entries.</p>" }
        let time = TimeFormat(zone: log.timeZone, reference: log.snapshot.generatedAt)
        var cells: [[HTML]] = []
        var attributes: [HTML] = []
        for row in rows {
            switch row.kind {
            case .entry(let entry):
                let details = [entry.creative.map { "creative \($0)" }, entry.note].compactMap { $0 }.joined(separator: " · ")
                let unknown: HTML = entry.type.isUnknown ? " <span class=\"badge partial\">unknown type</span>" : ""
                cells.append(["\(time.dateTime(entry.at))", "\(entry.type.label)\(unknown)", Piece.amount(entry.amount),
                              "\(row.planAfter)", "\(row.rolloverAfter)", "<strong>\(row.balanceAfter)</strong>",
                              "<code>\(entry.id)</code>", "\(details)"])
                let marked = entry.id == highlight
                attributes.append(" id=\"\(ConsoleURL.anchor(entry.id))\"\(marked ? " class=\"highlight\"" as HTML : "")")
            case .movement(let movement):
                cells.append(["\(time.dateTime(movement.at))", "Plan tokens expired", Piece.amount(movement.amount),
                              "\(row.planAfter)", "\(row.rolloverAfter)", "<strong>\(row.balanceAfter)</strong>",
                              "<span class=\"hint\">no log entry</span>",
                              "unused plan tokens expired at the renewal (\(movement.entries.joined(separator: ", ")))"])
                attributes.append(" class=\"computed\"")
            }
        }
        return Piece.table(["When", "Type", "Amount", "Plan", "Rolled over", "Balance", "Entry", "Details"], cells,
                           classes: ["when", "type", "num", "num", "num", "num", "", "details"], rowAttributes: attributes)
    }

    /// The page that holds an entry; nil when the log has no such entry.
    static func page(of entry: String, in log: CreditsLog) -> Int? {
        var seen = 0
        for row in log.replay.rows.reversed() {
            guard let current = row.entry else { continue }
            if current.id == entry { return seen / log.pageSize + 1 }
            seen += 1
        }
        return nil
    }
}
