import Foundation

/// Writes a checked snapshot back as the document SPEC section 3 describes, for
/// `credits db export`: reading it again gives a snapshot that answers every question
/// as this one does. Times the model keeps without their written offset are in UTC;
/// clip seconds are whole (as the pricing bills them, rounded up when read).
public enum SnapshotWriter {
    /// The snapshot as a JSON value, keys in the order SPEC section 3 lists them.
    public static func json(_ snapshot: Snapshot) -> JSONValue {
        let client = snapshot.client
        var top: [(String, JSONValue)] = [
            ("snapshot_version", .int(snapshot.version)),
            ("generated_at", .string(time(snapshot.generatedAt))),
        ]
        if let account = snapshot.account {
            top.append(("account", .object([("id", .string(account.id)), ("name", .string(account.name))])))
        }
        var reload: [(String, JSONValue)] = [("enabled", .bool(client.autoReload.enabled))]
        if let amount = client.autoReload.amount { reload.append(("amount", .int(amount))) }
        top.append(("client", .object([
            ("id", .string(client.id)), ("name", .string(client.name)), ("timezone", .string(client.timeZone.identifier)),
            ("plan", .string(client.plan)), ("billing_anchor", .string(client.billingAnchor.description)),
            ("auto_reload", .object(reload)), ("balance", .int(client.balance)), ("outstanding", .int(client.outstanding)),
        ])))
        if snapshot.opening.isGiven {
            top.append(("opening", .object([("plan_tokens", .int(snapshot.opening.planTokens)),
                                            ("rollover_tokens", .int(snapshot.opening.rolloverTokens))])))
        }
        top.append(("entries", .array(snapshot.entries.map { entry in
            var fields: [(String, JSONValue)] = [
                ("id", .string(entry.id)), ("at", .string(ISOTimestamp.format(entry.at, offsetSeconds: entry.offsetSeconds))),
                ("type", .string(entry.type.id)), ("amount", .int(entry.amount)),
            ]
            if let creative = entry.creative { fields.append(("creative", .string(creative))) }
            if let note = entry.note { fields.append(("note", .string(note))) }
            return .object(fields)
        })))
        top.append(("creatives", .array(snapshot.creatives.map { creative in
            var fields: [(String, JSONValue)] = [("id", .string(creative.id))]
            if !creative.title.isEmpty { fields.append(("title", .string(creative.title))) }
            if let at = creative.submittedAt { fields.append(("submitted_at", .string(time(at)))) }
            fields.append(("status", .string(creative.status.rawValue)))
            if let at = creative.deliveredAt { fields.append(("delivered_at", .string(time(at)))) }
            if !creative.clips.isEmpty { fields.append(("clips", .array(creative.clips.map { .int($0) }))) }
            if let seconds = creative.deliveredSeconds { fields.append(("delivered_seconds", .int(seconds))) }
            return .object(fields)
        })))
        top.append(("plan_changes", .array(snapshot.planChanges.map {
            .object([("at", .string(time($0.at))), ("from", .string($0.from)), ("to", .string($0.to))])
        })))
        top.append(("other_clients", .array(snapshot.otherClients.map {
            .object([("id", .string($0.id)), ("name", .string($0.name)), ("balance", .int($0.balance))])
        })))
        top.append(("reports", .array(snapshot.reports.map { report in
            var fields: [(String, JSONValue)] = [("id", .string(report.id)), ("opened_at", .string(time(report.openedAt))),
                                                 ("expected", .int(report.expected)), ("actual", .int(report.actual))]
            if let note = report.note { fields.append(("note", .string(note))) }
            return .object(fields)
        })))
        return .object(top)
    }

    private static func time(_ date: Date) -> String {
        ISOTimestamp.format(date, offsetSeconds: 0)
    }
}
