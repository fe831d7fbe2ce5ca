import CEL
import Foundation
import Ledger

extension FactBuilder {
    /// The entries of the whole log that name one creative, by kind.
    struct CreativeEntries {
        /// One of its entries is inside the window.
        var inWindow = false
        var charges: [String] = [], charged = 0
        var refunds: [String] = [], refunded = 0
        var overages: [String] = [], overageCharged = 0

        /// Counts one entry naming the creative (one lookup of the creative per entry).
        mutating func add(_ entry: LedgerEntry, inWindow: Bool) {
            if inWindow { self.inWindow = true }
            switch entry.type {
            case .submission:
                charges.append(entry.id)
                charged -= entry.amount
            case .submissionRefund:
                refunds.append(entry.id)
                refunded += entry.amount
            case .showcaseOverage:
                overages.append(entry.id)
                overageCharged -= entry.amount
            default:
                break
            }
        }
    }

    /// The creatives that matter to the question, as CEL objects (in input order), and by
    /// id; one pass over the log. A creative matters when one of its entries, its submission
    /// or its delivery is inside the window, when it is still in production, or when it was
    /// delivered and its reconciliation never landed. The others (years of settled work in
    /// a long log) cannot move the balance of the window, and building them is most of the
    /// cost of the facts.
    func creatives(timeOrdered: [LedgerEntry]) -> (items: [Facts.Item], byID: [String: CELValue]) {
        var byCreative: [String: CreativeEntries] = Dictionary(minimumCapacity: snapshot.creatives.count)
        let window = queryValue.since...queryValue.until
        for entry in timeOrdered {
            guard let id = entry.creative else { continue }
            byCreative[id, default: .init()].add(entry, inWindow: window.contains(entry.at))
        }
        var items: [Facts.Item] = []
        var byID: [String: CELValue] = [:]
        items.reserveCapacity(snapshot.creatives.count)
        for creative in snapshot.creatives {
            let entries = byCreative[creative.id] ?? .init()
            guard matters(creative, entries, window: window) else { continue }
            let value = creativeValue(creative, entries: entries)
            byID[creative.id] = value
            items.append(Facts.Item(bindings: [("creative", value)], value: value, at: creative.submittedAt,
                                    creativeKey: creative.id, id: creative.id))
        }
        return (items, byID)
    }

    private func matters(_ creative: Creative, _ entries: CreativeEntries, window: ClosedRange<Date>) -> Bool {
        if entries.inWindow || creative.status == .inFlight { return true }
        if let submitted = creative.submittedAt, window.contains(submitted) { return true }
        if let delivered = creative.deliveredAt, window.contains(delivered) { return true }
        let settled = creative.deliveredSeconds.map {
            policy.showcaseDeposit(clips: creative.clips) == $0 * policy.showcasePerSecond
        } ?? true
        return !settled && entries.refunds.isEmpty && entries.overages.isEmpty
    }

    private func creativeValue(_ creative: Creative, entries: CreativeEntries) -> CELValue {
        let seconds = creative.clips.map(policy.clampedSeconds)
        let deposit = policy.showcaseDeposit(clips: creative.clips)
        let delivered = creative.status == .delivered
        let reconciliation = delivered && creative.deliveredSeconds != nil
            ? deposit - (creative.deliveredSeconds ?? 0) * policy.showcasePerSecond : 0
        let hours = delivered ? creative.deliveredAt.map { Int(queryValue.now.timeIntervalSince($0) / 3600) } ?? -1 : -1
        var fields = CELObject.Fields(Layouts.creative[(creative.submittedAt == nil ? 0 : 1) + (creative.deliveredAt == nil ? 0 : 2)])
        fields.append("charged", Self.int(entries.charged))
        fields.append("charges", Self.strings(entries.charges))
        fields.append("clip_seconds", .list(seconds.map(Self.int)))
        fields.append("clips", .list(creative.clips.map(Self.int)))
        fields.append("clips_text", .string(Self.clipsText(seconds)))
        fields.append("delivered", .bool(delivered))
        if let deliveredAt = creative.deliveredAt { fields.append("delivered_at", Self.timestamp(deliveredAt)) }
        fields.append("delivered_seconds", Self.int(creative.deliveredSeconds ?? 0))
        fields.append("deposit", Self.int(deposit))
        fields.append("expected_cost", Self.int(policy.submissionCost(clips: creative.clips)))
        fields.append("has_delivered_seconds", .bool(creative.deliveredSeconds != nil))
        fields.append("hours_since_delivery", Self.int(hours))
        fields.append("id", .string(creative.id))
        fields.append("in_flight", .bool(creative.status == .inFlight))
        fields.append("overage_charged", Self.int(entries.overageCharged))
        fields.append("overages", Self.strings(entries.overages))
        fields.append("reconciliation", Self.int(reconciliation))
        fields.append("refunded", Self.int(entries.refunded))
        fields.append("refunds", Self.strings(entries.refunds))
        fields.append("showcase_seconds", Self.int(seconds.reduce(0, +)))
        fields.append("status", .string(creative.status.rawValue))
        if let submitted = creative.submittedAt { fields.append("submitted_at", Self.timestamp(submitted)) }
        fields.append("title", .string(creative.title))
        return .object(CELObject(fields))
    }

    /// The clip arithmetic in words: `6 clips x 8 s`, `3 clips of 4, 8 and 12 s`, `1 clip of 8 s`.
    static func clipsText(_ seconds: [Int]) -> String {
        guard let first = seconds.first else { return "no clips" }
        if seconds.count == 1 { return "1 clip of \(first) s" }
        if seconds.allSatisfy({ $0 == first }) { return "\(seconds.count) clips x \(first) s" }
        let names = seconds.map(String.init)
        return "\(seconds.count) clips of \(names.dropLast().joined(separator: ", ")) and \(names.last!) s"
    }
}
