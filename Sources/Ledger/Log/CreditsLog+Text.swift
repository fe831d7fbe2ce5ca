import Foundation

extension CreditsLog {
    /// The page for a person at a terminal: a heading, a table newest first with the
    /// buckets after each row, and whether the replay gives the balance shown.
    public func text(_ page: Page) -> String {
        let client = snapshot.client
        let time = TimeFormat(zone: timeZone, reference: snapshot.generatedAt)
        var lines: [String] = []
        lines.append("Credits log of \(client.name) (\(client.id)), page \(page.number) of \(page.count)")
        lines.append("Newest first, times in \(timeZoneName). Balance after each row = plan tokens + rolled-over tokens.")
        lines.append("")

        var table: [[String]] = [["When", "Entry", "Type", "Amount", "Plan", "Rolled over", "Balance", "Details"]]
        for row in page.rows {
            let details: String
            let id: String
            let label: String
            switch row.kind {
            case .entry(let entry):
                id = entry.id
                label = entry.type.label + (entry.type.isUnknown ? " (unknown type)" : "")
                details = [entry.creative.map { "creative \($0)" }, entry.note.map { "note: \($0)" }]
                    .compactMap { $0 }.joined(separator: "; ")
            case .movement(let movement):
                id = "-"
                label = "Plan tokens expired"
                details = "no log entry: unused plan tokens expired at the renewal (\(movement.entries.joined(separator: ", ")))"
            }
            table.append([time.dateTime(row.at), id, label, CreditsLog.signed(row.amount), String(row.planAfter),
                          String(row.rolloverAfter), String(row.balanceAfter), details])
        }
        if page.rows.isEmpty {
            lines.append("The log has no entries.")
        } else {
            lines += TextColumns.aligned(table, rightAligned: [3, 4, 5, 6])
        }
        lines.append("")

        if replay.matchesShownBalance {
            lines.append("Replayed balance \(replay.replayedBalance) (plan \(replay.planTokens), rolled over \(replay.rolloverTokens)) matches the shown balance \(replay.shownBalance).")
        } else {
            let difference = replay.shownBalance - replay.replayedBalance
            let direction = difference > 0 ? "more" : "less"
            lines.append("MISMATCH: replaying the log gives \(replay.replayedBalance) (plan \(replay.planTokens), rolled over \(replay.rolloverTokens)), but the balance shown is \(replay.shownBalance), \(abs(difference)) \(direction): the log does not account for that difference.")
        }
        if replay.outstanding != 0 || client.outstanding != 0 {
            let agreement = replay.outstanding == client.outstanding ? "matches" : "differs from"
            lines.append("Outstanding token balance \(replay.outstanding) (replayed) \(agreement) the \(client.outstanding) shown.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `+325`, `-88`, `0`.
    static func signed(_ amount: Int) -> String {
        amount > 0 ? "+\(amount)" : String(amount)
    }
}
