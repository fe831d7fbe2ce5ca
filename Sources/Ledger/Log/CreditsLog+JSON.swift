import Foundation

extension CreditsLog {
    /// The machine form of one page (SPEC section 4): the contract's keys, in its
    /// order, plus a few more (`label`, `note`, `outstanding_after`, an event's `id`
    /// and buckets after it, `time_zone`, `outstanding`). Times carry the display zone's offset.
    public func json(_ page: Page) -> JSONValue {
        var rows: [JSONValue] = []
        var events: [JSONValue] = []
        for row in page.rows {
            switch row.kind {
            case .entry(let entry):
                rows.append(.object([
                    ("id", .string(entry.id)),
                    ("at", .string(ISOTimestamp.format(entry.at, in: timeZone))),
                    ("type", .string(entry.type.id)),
                    ("label", .string(entry.type.label)),
                    ("amount", .int(entry.amount)),
                    ("creative", .string(entry.creative)),
                    ("note", .string(entry.note)),
                    ("plan_after", .int(row.planAfter)),
                    ("rollover_after", .int(row.rolloverAfter)),
                    ("balance_after", .int(row.balanceAfter)),
                    ("outstanding_after", .int(row.outstandingAfter)),
                ]))
            case .movement(let movement):
                events.append(.object([
                    ("id", .string(movement.id)),
                    ("kind", .string(movement.kind.rawValue)),
                    ("at", .string(ISOTimestamp.format(movement.at, in: timeZone))),
                    ("amount", .int(movement.amount)),
                    ("entries", .array(movement.entries.map { .string($0) })),
                    ("plan_after", .int(row.planAfter)),
                    ("rollover_after", .int(row.rolloverAfter)),
                    ("balance_after", .int(row.balanceAfter)),
                ]))
            }
        }
        let client = snapshot.client
        return .object([
            ("version", .int(1)),
            ("client", .object([("id", .string(client.id)), ("name", .string(client.name))])),
            ("shown_balance", .int(replay.shownBalance)),
            ("replayed_balance", .int(replay.replayedBalance)),
            ("outstanding", .object([("shown", .int(client.outstanding)), ("replayed", .int(replay.outstanding))])),
            ("time_zone", .string(timeZoneName)),
            ("page", .int(page.number)),
            ("pages", .int(page.count)),
            ("rows", .array(rows)),
            ("events", .array(events)),
        ])
    }
}
