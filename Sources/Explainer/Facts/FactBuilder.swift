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

    init(snapshot: Snapshot, policy: Policy, replay: Replay, query: ExplainQuery) {
        self.snapshot = snapshot
        self.policy = policy
        self.replay = replay
        self.queryValue = query
        // Every entry's time is written in the client's zone: its offsets over the log, found once.
        let times = snapshot.entries.lazy.map(\.at)
        let first = min(query.since, times.min() ?? query.since)
        self.time = query.time.covering(first...max(first, query.until, query.now, times.max() ?? first))
        self.planChanges = snapshot.planChanges.sorted { $0.at < $1.at }
    }

    /// The creative bound for entries that name none: no title, no clips, nothing charged,
    /// not delivered (every question's is the same).
    static let noCreative: CELValue = {
        var none = CELObject.Fields(Layouts.creative[0])
        none.append("charged", .int(0))
        none.append("charges", .list([]))
        none.append("clip_seconds", .list([]))
        none.append("clips", .list([]))
        none.append("clips_text", .string(""))
        none.append("delivered", .bool(false))
        none.append("delivered_seconds", .int(0))
        none.append("deposit", .int(0))
        none.append("expected_cost", .int(0))
        none.append("has_delivered_seconds", .bool(false))
        none.append("hours_since_delivery", .int(-1))
        none.append("id", .string(""))
        none.append("in_flight", .bool(false))
        none.append("overage_charged", .int(0))
        none.append("overages", .list([]))
        none.append("reconciliation", .int(0))
        none.append("refunded", .int(0))
        none.append("refunds", .list([]))
        none.append("showcase_seconds", .int(0))
        none.append("status", .string(""))
        none.append("title", .string(""))
        return .object(CELObject(none))
    }()

    /// Each fact type's layout (`FactSchema`), found once: objects are written field by field in
    /// the schema's order, and a long log writes one per entry.
    enum Layouts {
        static let client = FactSchema.layout(of: "Client")
        static let query = FactSchema.layout(of: "Query")
        static let policy = FactSchema.layout(of: "Policy")
        static let replay = FactSchema.layout(of: "Replay")
        static let planChange = FactSchema.layout(of: "PlanChange")
        static let entry = FactSchema.layout(of: "Entry")
        static let movement = FactSchema.layout(of: "Movement")
        static let otherClient = FactSchema.layout(of: "OtherClient")
        static let report = FactSchema.layout(of: "Report")
        static let balanceSince = FactSchema.layout(of: "BalanceSince")
        /// A creative's, by the times it has (bits: 1 submitted, 2 delivered).
        static let creative: [CELObject.Layout] = (0..<4).map { bits in
            FactSchema.layout(of: "Creative", omitting: Set((bits & 1 == 0 ? ["submitted_at"] : []) + (bits & 2 == 0 ? ["delivered_at"] : [])))
        }
    }

    static func int(_ n: Int) -> CELValue { .int(Int64(n)) }
    static func timestamp(_ date: Date) -> CELValue { .timestamp(CELTimestamp(date: date)) }
    static func strings(_ list: [String]) -> CELValue { .list(list.map { .string($0) }) }

    func clientValue() -> CELValue {
        let client = snapshot.client
        let anchor = client.billingAnchor
        var fields = CELObject.Fields(Layouts.client)
        fields.append("allocation", Self.int(policy.plans[client.plan] ?? 0))
        fields.append("auto_reload", .bool(client.autoReload.enabled))
        fields.append("balance", Self.int(client.balance))
        fields.append("billing_anchor", .string(anchor.description))
        fields.append("billing_day", Self.int(anchor.day))
        fields.append("credits_url", .string("/dashboard/clients/\(client.id)/credits"))
        fields.append("id", .string(client.id))
        fields.append("name", .string(client.name))
        fields.append("outstanding", Self.int(client.outstanding))
        fields.append("plan", .string(client.plan))
        fields.append("reload_amount", Self.int(client.autoReload.amount ?? policy.reloadDefault))
        fields.append("timezone", .string(time.zone.identifier))
        return .object(CELObject(fields))
    }

    func queryObject() -> CELValue {
        var fields = CELObject.Fields(Layouts.query)
        fields.append("actual", Self.int(queryValue.actual))
        fields.append("delta", Self.int(queryValue.delta))
        fields.append("expected", Self.int(queryValue.expected))
        fields.append("now", Self.timestamp(queryValue.now))
        fields.append("since", Self.timestamp(queryValue.since))
        fields.append("until", Self.timestamp(queryValue.until))
        return .object(CELObject(fields))
    }

    func policyValue() -> CELValue {
        let plans = policy.plans.keys.sorted().map { (CELValue.string($0), Self.int(policy.plans[$0]!)) }
        var fields = CELObject.Fields(Layouts.policy)
        fields.append("clip_max_seconds", Self.int(policy.clipMaxSeconds))
        fields.append("clip_min_seconds", Self.int(policy.clipMinSeconds))
        fields.append("images_per_batch", Self.int(policy.imagesPerBatch))
        fields.append("page_size", Self.int(policy.pageSize))
        fields.append("plans", .map(CELMap(plans)))
        fields.append("refund_grace_hours", Self.int(policy.refundGraceHours))
        fields.append("reload_default", Self.int(policy.reloadDefault))
        fields.append("reroll_cost", Self.int(policy.rerollCost))
        fields.append("showcase_per_second", Self.int(policy.showcasePerSecond))
        fields.append("submission_base", Self.int(policy.submissionBase))
        return .object(CELObject(fields))
    }

    func replayValue() -> CELValue {
        var fields = CELObject.Fields(Layouts.replay)
        fields.append("balance", Self.int(replay.replayedBalance))
        fields.append("matches", .bool(replay.matchesShownBalance))
        fields.append("outstanding", Self.int(replay.outstanding))
        fields.append("plan_tokens", Self.int(replay.planTokens))
        fields.append("rollover_tokens", Self.int(replay.rolloverTokens))
        fields.append("shown", Self.int(replay.shownBalance))
        return .object(CELObject(fields))
    }

    /// Every plan change, oldest first.
    func planChangeValues() -> [CELValue] {
        planChanges.map { change in
            var fields = CELObject.Fields(Layouts.planChange)
            fields.append("at", Self.timestamp(change.at))
            fields.append("from", .string(change.from))
            fields.append("from_allocation", Self.int(policy.plans[change.from] ?? 0))
            fields.append("local", .string(time.dateTime(change.at)))
            fields.append("to", .string(change.to))
            fields.append("to_allocation", Self.int(policy.plans[change.to] ?? 0))
            return .object(CELObject(fields))
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

    func entryItem(_ entry: LedgerEntry, pairedCharge: String, pairedReloads: [String], creatives: [String: CELValue]) -> Facts.Item {
        let state: EntryState? = entry.logIndex < replay.entryStates.count ? replay.state(of: entry) : nil
        let plan = plan(at: entry.at)
        let known = !entry.type.isUnknown
        let local = time.local(entry.at)
        let planBefore = state?.planBefore ?? 0, planAfter = state?.planAfter ?? 0
        let rolloverBefore = state?.rolloverBefore ?? 0, rolloverAfter = state?.rolloverAfter ?? 0
        let day = time.day(local)
        var fields = CELObject.Fields(Layouts.entry)
        fields.append("amount", Self.int(entry.amount))
        fields.append("at", Self.timestamp(entry.at))
        fields.append("balance_after", Self.int(planAfter + rolloverAfter))
        fields.append("balance_before", Self.int(planBefore + rolloverBefore))
        fields.append("creative", .string(entry.creative ?? ""))
        fields.append("day", .string(day))
        fields.append("id", .string(entry.id))
        fields.append("index", Self.int(entry.logIndex))
        fields.append("known", .bool(known))
        fields.append("label", .string(entry.type.label))
        fields.append("local", .string(time.dateTime(local, at: entry.at)))
        fields.append("note", .string(entry.note ?? ""))
        fields.append("on_anniversary", .bool(isAnniversary(local)))
        fields.append("outstanding_after", Self.int(state?.outstandingAfter ?? 0))
        fields.append("outstanding_before", Self.int(state?.outstandingBefore ?? 0))
        fields.append("paired_charge", .string(pairedCharge))
        fields.append("paired_reloads", Self.strings(pairedReloads))
        fields.append("plan", .string(plan))
        fields.append("plan_after", Self.int(planAfter))
        fields.append("plan_allocation", Self.int(policy.plans[plan] ?? 0))
        fields.append("plan_before", Self.int(planBefore))
        fields.append("rollover_after", Self.int(rolloverAfter))
        fields.append("rollover_before", Self.int(rolloverBefore))
        fields.append("type", .string(entry.type.id))
        let value = CELValue.object(CELObject(fields))
        let creative = entry.creative.flatMap { creatives[$0] } ?? Self.noCreative
        return Facts.Item(bindings: [("entry", value), ("creative", creative)], value: value, at: entry.at,
                          creativeKey: entry.creative ?? "", id: entry.id,
                          kind: entry.type.id, day: day)
    }

    func movementItem(_ movement: ComputedMovement) -> Facts.Item {
        let local = time.local(movement.at)
        let day = time.day(local)
        var fields = CELObject.Fields(Layouts.movement)
        fields.append("amount", Self.int(movement.amount))
        fields.append("at", Self.timestamp(movement.at))
        fields.append("day", .string(day))
        fields.append("entries", Self.strings(movement.entries))
        fields.append("id", .string(movement.id))
        fields.append("kind", .string(Self.kindName(movement)))
        fields.append("local", .string(time.dateTime(local, at: movement.at)))
        let value = CELValue.object(CELObject(fields))
        return Facts.Item(bindings: [("movement", value)], value: value, at: movement.at, creativeKey: movement.id, id: movement.id,
                          kind: Self.kindName(movement), day: day)
    }

    static func kindName(_ movement: ComputedMovement) -> String {
        movement.kind.rawValue
    }

    func otherClientItem(_ other: OtherClient) -> Facts.Item {
        var fields = CELObject.Fields(Layouts.otherClient)
        fields.append("balance", Self.int(other.balance))
        fields.append("id", .string(other.id))
        fields.append("name", .string(other.name))
        let value = CELValue.object(CELObject(fields))
        return Facts.Item(bindings: [("other_client", value)], value: value, at: nil, creativeKey: other.id, id: other.id)
    }

    func reportItem(_ report: Report, timeOrdered: [LedgerEntry]) -> Facts.Item {
        let adjustments = timeOrdered.filter { $0.type == .adminAdjustment && $0.at > report.openedAt }.map(\.id)
        var fields = CELObject.Fields(Layouts.report)
        fields.append("actual", Self.int(report.actual))
        fields.append("adjustments_since", Self.strings(adjustments))
        fields.append("delta", Self.int(report.actual - report.expected))
        fields.append("expected", Self.int(report.expected))
        fields.append("id", .string(report.id))
        fields.append("local", .string(time.dateTime(report.openedAt)))
        fields.append("note", .string(report.note ?? ""))
        fields.append("opened_at", Self.timestamp(report.openedAt))
        let value = CELValue.object(CELObject(fields))
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
