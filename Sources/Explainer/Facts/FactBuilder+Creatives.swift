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
    }

    /// The creatives that matter to the question, as CEL objects (in input order), and by
    /// id; one pass over the log. A creative matters when one of its entries, its submission
    /// or its delivery is inside the window, when it is still in production, or when it was
    /// delivered and its reconciliation never landed. The others (years of settled work in
    /// a long log) cannot move the balance of the window, and building them is most of the
    /// cost of the facts.
    func creatives(timeOrdered: [LedgerEntry]) -> (items: [Facts.Item], byID: [String: CELValue]) {
        var byCreative: [String: CreativeEntries] = [:]
        let window = queryValue.since...queryValue.until
        for entry in timeOrdered {
            guard let id = entry.creative else { continue }
            if window.contains(entry.at) { byCreative[id, default: .init()].inWindow = true }
            switch entry.type {
            case .submission:
                byCreative[id, default: .init()].charges.append(entry.id)
                byCreative[id, default: .init()].charged -= entry.amount
            case .submissionRefund:
                byCreative[id, default: .init()].refunds.append(entry.id)
                byCreative[id, default: .init()].refunded += entry.amount
            case .showcaseOverage:
                byCreative[id, default: .init()].overages.append(entry.id)
                byCreative[id, default: .init()].overageCharged -= entry.amount
            default:
                break
            }
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
        var fields: [(key: String, value: CELValue)] = [
            ("id", .string(creative.id)), ("title", .string(creative.title)), ("status", .string(creative.status.rawValue)),
            ("in_flight", .bool(creative.status == .inFlight)), ("delivered", .bool(delivered)),
            ("clips", .list(creative.clips.map(Self.int))), ("clip_seconds", .list(seconds.map(Self.int))),
            ("showcase_seconds", Self.int(seconds.reduce(0, +))), ("clips_text", .string(Self.clipsText(seconds))),
            ("deposit", Self.int(deposit)), ("expected_cost", Self.int(policy.submissionCost(clips: creative.clips))),
            ("delivered_seconds", Self.int(creative.deliveredSeconds ?? 0)),
            ("has_delivered_seconds", .bool(creative.deliveredSeconds != nil)),
            ("reconciliation", Self.int(reconciliation)), ("hours_since_delivery", Self.int(hours)),
            ("charges", Self.strings(entries.charges)), ("charged", Self.int(entries.charged)),
            ("refunds", Self.strings(entries.refunds)), ("refunded", Self.int(entries.refunded)),
            ("overages", Self.strings(entries.overages)), ("overage_charged", Self.int(entries.overageCharged)),
        ]
        if let submitted = creative.submittedAt { fields.append(("submitted_at", Self.timestamp(submitted))) }
        if let deliveredAt = creative.deliveredAt { fields.append(("delivered_at", Self.timestamp(deliveredAt))) }
        let layout = Self.creativeLayouts[(creative.submittedAt == nil ? 0 : 1) + (creative.deliveredAt == nil ? 0 : 2)]
        return .object(CELObject(layout, fields: fields))
    }

    /// A creative's fields in the order `creativeValue` writes them, for each of the times it may
    /// lack (by bits: 1 submitted, 2 delivered); a long log builds thousands.
    private static let creativeLayouts: [CELObject.Layout] = (0..<4).map { bits in
        let names = ["id", "title", "status", "in_flight", "delivered", "clips", "clip_seconds", "showcase_seconds", "clips_text",
                     "deposit", "expected_cost", "delivered_seconds", "has_delivered_seconds", "reconciliation",
                     "hours_since_delivery", "charges", "charged", "refunds", "refunded", "overages", "overage_charged"]
        return CELObject.Layout(typeName: "Creative", names: names + (bits & 1 != 0 ? ["submitted_at"] : [])
                                    + (bits & 2 != 0 ? ["delivered_at"] : []))
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
