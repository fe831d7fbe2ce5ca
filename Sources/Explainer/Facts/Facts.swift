import CEL
import Foundation
import Ledger

/// The facts of one question about one snapshot, built once as CEL values and
/// shared by every rule: the globals every expression sees, and the items each
/// kind of rule looks at (entries and movements of the window, every creative...).
struct Facts: Sendable {
    /// One thing a rule looks at, with the names it binds and what grouping needs. A class:
    /// every match of every rule holds its item, and a long log has 100,000 of them.
    final class Item: Sendable {
        /// `entry` (and `creative`), `creative`, `movement`, ...
        let bindings: [(name: String, value: CELValue)]
        /// The item itself, for `items` in messages.
        let value: CELValue
        /// When it happened, for grouping per day and for recency.
        let at: Date?
        /// The creative it is about (`per-creative`), or its own id.
        let creativeKey: String
        /// Its own id.
        let id: String
        /// Its kind, for `per-kind`: an entry's type, a movement's kind.
        let kind: String
        /// The day it happened in the query's zone (`per-day`), when its facts hold it already.
        let day: String?

        init(bindings: [(name: String, value: CELValue)], value: CELValue, at: Date?, creativeKey: String, id: String,
             kind: String = "", day: String? = nil) {
            self.bindings = bindings
            self.value = value
            self.at = at
            self.creativeKey = creativeKey
            self.id = id
            self.kind = kind
            self.day = day
        }
    }

    let query: ExplainQuery
    let snapshot: Snapshot
    let replay: Replay
    private(set) var globals: [String: CELValue]
    let items: [Iteration: [Item]]
    /// Every token movement (each entry, each computed movement) by id: its signed amount,
    /// and for entries their position in time order (to list cited entries oldest first;
    /// nil for computed movements). One table, because large logs make hashing the cost.
    let movements: [String: (amount: Int, order: Int?)]

    init(snapshot: Snapshot, policy: Policy, query: ExplainQuery) {
        self.init(snapshot: snapshot, policy: policy, replay: Replay.run(snapshot, policy: policy), query: query)
    }

    init(snapshot: Snapshot, policy: Policy, replay: Replay, query: ExplainQuery) {
        self.query = query
        self.snapshot = snapshot
        self.replay = replay
        let builder = FactBuilder(snapshot: snapshot, policy: policy, replay: replay, query: query)
        // Logs usually come in time order already: check before sorting (by index: a loop over
        // pairs of entries would copy each one, and a long log has 100,000).
        let entries = snapshot.entries
        let inOrder = { (a: LedgerEntry, b: LedgerEntry) in (a.at, a.logIndex) < (b.at, b.logIndex) }
        let timeOrdered = entries.indices.dropFirst().allSatisfy { (entries[$0 - 1].at, entries[$0 - 1].logIndex) < (entries[$0].at, entries[$0].logIndex) }
            ? entries : entries.sorted(by: inOrder)
        // A long log builds its facts on every core: each entry's stand alone, and the
        // tables beside them are built two at a time.
        let long = Parallel.isLong(timeOrdered.count)
        let (movements, (creatives, window, pairs)) = Parallel.both(together: long, {
            Self.movementTable(timeOrdered: timeOrdered, replay: replay)
        }, {
            (builder.creatives(timeOrdered: timeOrdered), timeOrdered.filter { query.since <= $0.at && $0.at <= query.until },
             FactBuilder.pairedCharges(timeOrdered))
        })
        self.movements = movements
        let reloads = FactBuilder.pairedReloads(window, pairs: pairs)
        let byID = creatives.byID
        let entryItems = Parallel.map(items: window) {
            builder.entryItem($0, pairedCharge: pairs[$0.id] ?? "", pairedReloads: reloads[$0.id] ?? [], creatives: byID)
        }
        let (entriesByID, (movementItems, otherItems, reportItems)) = Parallel.both(together: long, {
            // A lookup by id, so that a rule about one item finds another without a scan of the
            // list (one per item: quadratic over a long window).
            CELValue.map(CELMap(entryItems.map { (.string($0.id), $0.value) }))
        }, {
            (replay.movements.filter { query.since <= $0.at && $0.at <= query.until }
                .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
                .map { builder.movementItem($0) },
             snapshot.otherClients.map { builder.otherClientItem($0) },
             snapshot.reports.sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
                .map { builder.reportItem($0, timeOrdered: timeOrdered) })
        })
        let client = builder.clientValue()
        items = [
            .entries: entryItems, .movements: movementItems, .creatives: creatives.items,
            .otherClients: otherItems, .reports: reportItems,
            .client: [Item(bindings: [], value: client, at: nil, creativeKey: "", id: snapshot.client.id)],
        ]
        globals = [
            "client": client, "query": builder.queryObject(), "policy": builder.policyValue(), "replay": builder.replayValue(),
            "entries": .list(entryItems.map(\.value)), "movements": .list(movementItems.map(\.value)),
            "creatives": .list(creatives.items.map(\.value)), "other_clients": .list(otherItems.map(\.value)),
            "reports": .list(reportItems.map(\.value)), "plan_changes": .list(builder.planChangeValues()),
            "entries_by_id": entriesByID,
            "creatives_by_id": .map(CELMap(creatives.items.map { (.string($0.id), $0.value) })),
            "balance_since": Self.balanceSince(nil, rest: [], time: query.time),
        ]
    }

    /// Every movement's amount by id, and for entries their place in time order.
    private static func movementTable(timeOrdered: [LedgerEntry], replay: Replay) -> [String: (amount: Int, order: Int?)] {
        var movements: [String: (amount: Int, order: Int?)] = Dictionary(minimumCapacity: timeOrdered.count + replay.movements.count)
        for (position, entry) in timeOrdered.enumerated() { movements[entry.id] = (entry.amount, position) }
        for movement in replay.movements { movements[movement.id] = (movement.amount, nil) }
        return movements
    }

    /// Every name an expression about `item` sees: the globals and the item's own.
    func bindings(of item: Item) -> [String: CELValue] {
        Self.bindings(of: item, globals: globals)
    }

    static func bindings(of item: Item, globals: [String: CELValue]) -> [String: CELValue] {
        var bindings = globals
        for binding in item.bindings { bindings[binding.name] = binding.value }
        return bindings
    }

    /// The same facts, with the moment the balance was the expected one and the movements since
    /// then that no other cause names (`rest`), for the rules that name those (`story: rest`).
    func with(balanceSince moment: BalanceHistory.Moment, rest: [String]) -> Facts {
        var facts = self
        facts.globals["balance_since"] = Self.balanceSince(moment, rest: rest, time: query.time)
        return facts
    }

    private static func balanceSince(_ moment: BalanceHistory.Moment?, rest: [String], time: TimeFormat) -> CELValue {
        var fields = CELObject.Fields(FactBuilder.Layouts.balanceSince)
        fields.append("after_entry", .string(moment?.afterEntry ?? ""))
        fields.append("at", FactBuilder.timestamp(moment?.at ?? Date(timeIntervalSince1970: 0)))
        fields.append("balance", FactBuilder.int(moment?.balance ?? 0))
        fields.append("found", .bool(moment != nil))
        fields.append("local", .string(moment.map { time.dateTime($0.at) } ?? ""))
        fields.append("rest", .map(CELMap(rest.map { (.string($0), .bool(true)) })))
        return .object(CELObject(fields))
    }
}
