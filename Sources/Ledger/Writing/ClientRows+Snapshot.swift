import Foundation

extension ClientRows {
    /// A checked snapshot as the store's rows, one to one (SPEC section 9): timestamps
    /// as ISO 8601 text with the offset written (entries) or UTC, dates as `YYYY-MM-DD`,
    /// each entry's `seq` its position in the log. `reloadDefault` (the policy's) stands
    /// for an auto reload amount the snapshot leaves out: the column is NOT NULL.
    public init(snapshot: Snapshot, reloadDefault: Int) {
        let client = snapshot.client
        let opening = snapshot.opening
        self.init(client: [
            .text(client.id), .text(snapshot.account?.id), .text(client.name), .text(client.timeZone.identifier), .text(client.plan),
            .text(client.billingAnchor.description), .bool(client.autoReload.enabled), .integer(client.autoReload.amount ?? reloadDefault),
            .integer(client.balance), .integer(client.outstanding),
            opening.isGiven ? .integer(opening.planTokens) : .null, opening.isGiven ? .integer(opening.rolloverTokens) : .null,
            .text(ClientRows.timestamp(snapshot.generatedAt)),
        ], account: snapshot.account.map { [.text($0.id), .text($0.name)] })
        entries.reserveCapacity(snapshot.entries.count)
        for entry in snapshot.entries {
            entries.append([.text(entry.id), .integer(entry.logIndex), .text(ISOTimestamp.format(entry.at, offsetSeconds: entry.offsetSeconds)),
                            .text(entry.type.id), .integer(entry.amount), .text(entry.creative), .text(entry.note)])
        }
        for creative in snapshot.creatives {
            creatives.append([.text(creative.id), .text(creative.title.isEmpty ? nil : creative.title),
                              .text(creative.submittedAt.map(ClientRows.timestamp)), .text(creative.status.rawValue),
                              .text(creative.deliveredAt.map(ClientRows.timestamp)), .integer(creative.deliveredSeconds)])
            for (position, seconds) in creative.clips.enumerated() {
                clips.append([.text(creative.id), .integer(position + 1), .integer(seconds)])
            }
        }
        for change in snapshot.planChanges {
            planChanges.append([.text(ClientRows.timestamp(change.at)), .text(change.from), .text(change.to)])
        }
        for report in snapshot.reports {
            reports.append([.text(report.id), .text(ClientRows.timestamp(report.openedAt)), .integer(report.expected),
                            .integer(report.actual), .text(report.note)])
        }
        for (position, other) in snapshot.otherClients.enumerated() {
            otherClients.append([.integer(position + 1), .text(other.id), .text(other.name), .integer(other.balance)])
        }
    }

    /// A time the model keeps without its written offset, in UTC.
    private static func timestamp(_ date: Date) -> String {
        ISOTimestamp.format(date, offsetSeconds: 0)
    }
}
