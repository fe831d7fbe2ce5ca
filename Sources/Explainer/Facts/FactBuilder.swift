import CEL
import Foundation
import Ledger

/// Turns the ledger's Swift values into the CEL objects of `FactSchema`.
struct FactBuilder: Sendable {
    let snapshot: Snapshot
    let policy: Policy
    let replay: Replay
    let queryValue: ExplainQuery
    let time: TimeFormat
    /// Plan changes in time order, to know the plan in effect at an instant.
    let planChanges: [PlanChange]
    /// The creative bound for entries that name none.
    let noCreative: CELValue

    init(snapshot: Snapshot, policy: Policy, replay: Replay, query: ExplainQuery) {
        self.snapshot = snapshot
        self.policy = policy
        self.replay = replay
        self.queryValue = query
        self.time = query.time
        self.planChanges = snapshot.planChanges.sorted { $0.at < $1.at }
        self.noCreative = .object(CELObject(typeName: "Creative", fields: [
            "id": .string(""), "title": .string(""), "status": .string(""), "in_flight": .bool(false),
            "delivered": .bool(false), "clips": .list([]), "clip_seconds": .list([]), "showcase_seconds": .int(0),
            "clips_text": .string(""), "deposit": .int(0), "expected_cost": .int(0), "delivered_seconds": .int(0),
            "has_delivered_seconds": .bool(false), "reconciliation": .int(0), "hours_since_delivery": .int(-1),
            "charges": .list([]), "charged": .int(0), "refunds": .list([]), "refunded": .int(0),
            "overages": .list([]), "overage_charged": .int(0),
        ]))
    }

    static func int(_ n: Int) -> CELValue { .int(Int64(n)) }
    static func timestamp(_ date: Date) -> CELValue { .timestamp(CELTimestamp(date: date)) }
    static func strings(_ list: [String]) -> CELValue { .list(list.map { .string($0) }) }

    func clientValue() -> CELValue {
        let client = snapshot.client
        let anchor = client.billingAnchor
        return .object(CELObject(typeName: "Client", fields: [
            "id": .string(client.id), "name": .string(client.name), "timezone": .string(time.zone.identifier),
            "plan": .string(client.plan), "allocation": Self.int(policy.plans[client.plan] ?? 0),
            "billing_anchor": .string(String(format: "%04d-%02d-%02d", anchor.year, anchor.month, anchor.day)),
            "billing_day": Self.int(anchor.day), "auto_reload": .bool(client.autoReload.enabled),
            "reload_amount": Self.int(client.autoReload.amount ?? policy.reloadDefault),
            "balance": Self.int(client.balance), "outstanding": Self.int(client.outstanding),
            "credits_url": .string("/dashboard/clients/\(client.id)/credits"),
        ]))
    }

    func queryObject() -> CELValue {
        .object(CELObject(typeName: "Query", fields: [
            "expected": Self.int(queryValue.expected), "actual": Self.int(queryValue.actual),
            "delta": Self.int(queryValue.delta), "since": Self.timestamp(queryValue.since),
            "until": Self.timestamp(queryValue.until), "now": Self.timestamp(queryValue.now),
        ]))
    }

    func policyValue() -> CELValue {
        let plans = policy.plans.keys.sorted().map { (CELValue.string($0), Self.int(policy.plans[$0]!)) }
        return .object(CELObject(typeName: "Policy", fields: [
            "submission_base": Self.int(policy.submissionBase), "showcase_per_second": Self.int(policy.showcasePerSecond),
            "clip_min_seconds": Self.int(policy.clipMinSeconds), "clip_max_seconds": Self.int(policy.clipMaxSeconds),
            "reload_default": Self.int(policy.reloadDefault), "page_size": Self.int(policy.pageSize),
            "images_per_batch": Self.int(policy.imagesPerBatch), "reroll_cost": Self.int(policy.rerollCost),
            "refund_grace_hours": Self.int(policy.refundGraceHours), "plans": .map(CELMap(plans)),
        ]))
    }

    func replayValue() -> CELValue {
        .object(CELObject(typeName: "Replay", fields: [
            "balance": Self.int(replay.replayedBalance), "shown": Self.int(replay.shownBalance),
            "matches": .bool(replay.matchesShownBalance), "plan_tokens": Self.int(replay.planTokens),
            "rollover_tokens": Self.int(replay.rolloverTokens), "outstanding": Self.int(replay.outstanding),
        ]))
    }

    /// Every plan change, oldest first.
    func planChangeValues() -> [CELValue] {
        planChanges.map { change in
            .object(CELObject(typeName: "PlanChange", fields: [
                "at": Self.timestamp(change.at), "local": .string(time.dateTime(change.at)),
                "from": .string(change.from), "to": .string(change.to),
                "from_allocation": Self.int(policy.plans[change.from] ?? 0), "to_allocation": Self.int(policy.plans[change.to] ?? 0),
            ]))
        }
    }

    /// The plan in effect at an instant: the last change before it, else the plan the first change left.
    func plan(at date: Date) -> String {
        if let last = planChanges.last(where: { $0.at <= date }) { return last.to }
        return planChanges.first?.from ?? snapshot.client.plan
    }

    /// Whether a local date is the client's billing day that month (short months: the last day).
    func isAnniversary(_ local: TimeFormat.Local) -> Bool {
        let anchor = snapshot.client.billingAnchor
        let day = min(anchor.day, TimeFormat.daysInMonth(year: local.year, month: local.month))
        return local.day == day && (local.year, local.month, local.day) >= (anchor.year, anchor.month, anchor.day)
    }

    /// An entry's fields in the order `entryItem` writes them (a long log builds one per entry).
    static let entryLayout = CELObject.Layout(typeName: "Entry", names: [
        "id", "at", "local", "day", "type", "label", "known", "amount", "creative", "note", "index",
        "plan_before", "plan_after", "rollover_before", "rollover_after", "balance_before", "balance_after",
        "outstanding_before", "outstanding_after", "plan", "plan_allocation", "on_anniversary", "paired_charge",
        "paired_reloads",
    ])

    func entryItem(_ entry: LedgerEntry, pairedCharge: String, pairedReloads: [String], creatives: [String: CELValue]) -> Facts.Item {
        let state: EntryState? = entry.logIndex < replay.entryStates.count ? replay.state(of: entry) : nil
        let plan = plan(at: entry.at)
        let known = !entry.type.isUnknown
        let local = time.local(entry.at)
        let planBefore = state?.planBefore ?? 0, planAfter = state?.planAfter ?? 0
        let rolloverBefore = state?.rolloverBefore ?? 0, rolloverAfter = state?.rolloverAfter ?? 0
        let day = time.day(local)
        let value = CELValue.object(CELObject(Self.entryLayout, [
            "id": .string(entry.id), "at": Self.timestamp(entry.at), "local": .string(time.dateTime(local, at: entry.at)),
            "day": .string(day), "type": .string(entry.type.id), "label": .string(entry.type.label),
            "known": .bool(known), "amount": Self.int(entry.amount), "creative": .string(entry.creative ?? ""),
            "note": .string(entry.note ?? ""), "index": Self.int(entry.logIndex),
            "plan_before": Self.int(planBefore), "plan_after": Self.int(planAfter),
            "rollover_before": Self.int(rolloverBefore), "rollover_after": Self.int(rolloverAfter),
            "balance_before": Self.int(planBefore + rolloverBefore), "balance_after": Self.int(planAfter + rolloverAfter),
            "outstanding_before": Self.int(state?.outstandingBefore ?? 0), "outstanding_after": Self.int(state?.outstandingAfter ?? 0),
            "plan": .string(plan), "plan_allocation": Self.int(policy.plans[plan] ?? 0),
            "on_anniversary": .bool(isAnniversary(local)), "paired_charge": .string(pairedCharge),
            "paired_reloads": Self.strings(pairedReloads),
        ]))
        let creative = entry.creative.flatMap { creatives[$0] } ?? noCreative
        return Facts.Item(bindings: [("entry", value), ("creative", creative)], value: value, at: entry.at,
                          creativeKey: entry.creative ?? "", id: entry.id,
                          kind: entry.type.id, day: day)
    }

    func movementItem(_ movement: ComputedMovement) -> Facts.Item {
        let local = time.local(movement.at)
        let day = time.day(local)
        let value = CELValue.object(CELObject(typeName: "Movement", fields: [
            "id": .string(movement.id), "kind": .string(Self.kindName(movement)), "at": Self.timestamp(movement.at),
            "local": .string(time.dateTime(local, at: movement.at)), "day": .string(day),
            "amount": Self.int(movement.amount), "entries": Self.strings(movement.entries),
        ]))
        return Facts.Item(bindings: [("movement", value)], value: value, at: movement.at, creativeKey: movement.id, id: movement.id,
                          kind: Self.kindName(movement), day: day)
    }

    static func kindName(_ movement: ComputedMovement) -> String {
        movement.kind.rawValue
    }

    func otherClientItem(_ other: OtherClient) -> Facts.Item {
        let value = CELValue.object(CELObject(typeName: "OtherClient", fields: [
            "id": .string(other.id), "name": .string(other.name), "balance": Self.int(other.balance),
        ]))
        return Facts.Item(bindings: [("other_client", value)], value: value, at: nil, creativeKey: other.id, id: other.id)
    }

    func reportItem(_ report: Report, timeOrdered: [LedgerEntry]) -> Facts.Item {
        let adjustments = timeOrdered.filter { $0.type == .adminAdjustment && $0.at > report.openedAt }.map(\.id)
        let value = CELValue.object(CELObject(typeName: "Report", fields: [
            "id": .string(report.id), "opened_at": Self.timestamp(report.openedAt),
            "local": .string(time.dateTime(report.openedAt)), "expected": Self.int(report.expected),
            "actual": Self.int(report.actual), "delta": Self.int(report.actual - report.expected),
            "note": .string(report.note ?? ""), "adjustments_since": Self.strings(adjustments),
        ]))
        return Facts.Item(bindings: [("report", value)], value: value, at: report.openedAt, creativeKey: report.id, id: report.id)
    }

    /// For each auto reload, the deduction it was charged for: the first one logged at
    /// the same time or after it (within an hour), else the last one just before it.
    /// For each auto reload of `window` (in time order), the reloads of the window logged
    /// next to the same charge, itself included, oldest first; just itself when it has no
    /// charge. One group per charge, found in one pass.
    static func pairedReloads(_ window: [LedgerEntry], pairs: [String: String]) -> [String: [String]] {
        var byCharge: [String: [String]] = [:]
        for entry in window where entry.type == .autoReload {
            if let charge = pairs[entry.id] { byCharge[charge, default: []].append(entry.id) }
        }
        var reloads: [String: [String]] = [:]
        for entry in window where entry.type == .autoReload {
            reloads[entry.id] = pairs[entry.id].flatMap { byCharge[$0] } ?? [entry.id]
        }
        return reloads
    }

    static func pairedCharges(_ timeOrdered: [LedgerEntry]) -> [String: String] {
        var pairs: [String: String] = [:]
        func isCharge(_ entry: LedgerEntry) -> Bool { entry.amount < 0 && entry.type != .autoReload }
        for (index, entry) in timeOrdered.enumerated() where entry.type == .autoReload {
            var found: String?
            var next = index + 1
            while next < timeOrdered.count, timeOrdered[next].at.timeIntervalSince(entry.at) <= 3600 {
                if isCharge(timeOrdered[next]) { found = timeOrdered[next].id; break }
                next += 1
            }
            var previous = index - 1
            while found == nil, previous >= 0, entry.at.timeIntervalSince(timeOrdered[previous].at) <= 3600 {
                if isCharge(timeOrdered[previous]) { found = timeOrdered[previous].id }
                previous -= 1
            }
            if let found { pairs[entry.id] = found }
        }
        return pairs
    }
}
