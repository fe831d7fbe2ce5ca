import Foundation
import Ledger
import Testing

/// A small log, one entry a line: `AT TYPE AMOUNT` (the type may have spaces) (ids e-1, e-2, ... in the order written).
struct ReplayCase: CustomTestStringConvertible, Sendable {
    let name: String
    let opening: (plan: Int, rollover: Int)?
    let entries: [String]
    /// `plan P rollover R outstanding O`, then each row in replay order with the buckets after it.
    let expected: [String]
    var testDescription: String { name }

    /// The snapshot YAML for the case.
    var yaml: String {
        var text = """
            generated_at: 2026-11-24T15:00:00Z
            client: { id: acme, name: Acme Coffee, plan: growth, billing_anchor: 2026-11-15, balance: 0 }

            """
        if let opening { text += "opening: { plan_tokens: \(opening.plan), rollover_tokens: \(opening.rollover) }\n" }
        text += "entries:\n"
        for (index, line) in entries.enumerated() {
            let words = line.split(separator: " ")
            let type = words.dropFirst().dropLast().joined(separator: " ")   // a label may have spaces
            text += "  - { id: e-\(index + 1), at: \(words.first!), type: \"\(type)\", amount: \(words.last!) }\n"
        }
        return text
    }
}

/// What a replay did, as comparable lines.
func summary(_ replay: Replay) -> [String] {
    ["plan \(replay.planTokens) rollover \(replay.rolloverTokens) outstanding \(replay.outstanding)"]
        + replay.rows.map { row in
            let cites = row.movement.map { " cites \($0.entries.joined(separator: ","))" } ?? ""
            return "\(row.id) \(row.amount) -> \(row.planAfter)/\(row.rolloverAfter)/\(row.outstandingAfter)\(cites)"
        }
}

@Test(arguments: [
    ReplayCase(name: "renewal expires unused plan tokens", opening: (40, 20), entries: [
        "2026-11-15T06:00:00Z plan_allocation 325",
    ], expected: [
        "plan 325 rollover 20 outstanding 0",
        "expiry:e-1 -40 -> 0/20/0 cites e-1",
        "e-1 325 -> 325/20/0",
    ]),
    ReplayCase(name: "renewal with no plan tokens left records no expiry", opening: (0, 20), entries: [
        "2026-11-15T06:00:00Z plan_allocation 325",
    ], expected: ["plan 325 rollover 20 outstanding 0", "e-1 325 -> 325/20/0"]),
    ReplayCase(name: "no opening starts at 0/0", opening: nil, entries: [
        "2026-11-15T06:00:00Z plan_allocation 150", "2026-11-16T06:00:00Z manual_top_up 100",
    ], expected: ["plan 150 rollover 100 outstanding 0", "e-1 150 -> 150/0/0", "e-2 100 -> 150/100/0"]),
    ReplayCase(name: "a deduction crosses from plan to rolled-over tokens", opening: (30, 100), entries: [
        "2026-11-20T16:14:00Z submission -88",
    ], expected: ["plan 0 rollover 42 outstanding 0", "e-1 -88 -> 0/42/0"]),
    ReplayCase(name: "proration: positive to plan, negative deducts", opening: (100, 10), entries: [
        "2026-11-18T10:00:00Z mid_cycle_proration 50", "2026-11-19T10:00:00Z Mid cycle proration -155",
    ], expected: ["plan 0 rollover 5 outstanding 0", "e-1 50 -> 150/10/0", "e-2 -155 -> 0/5/0"]),
    ReplayCase(name: "auto reloads logged after the charge", opening: (0, 23), entries: [
        "2026-11-23T20:22:00Z submission -88", "2026-11-23T20:22:00Z auto_reload 50", "2026-11-23T20:22:00Z auto_reload 50",
    ], expected: ["plan 0 rollover 35 outstanding 0", "e-1 -88 -> 0/-65/0", "e-2 50 -> 0/-15/0", "e-3 50 -> 0/35/0"]),
    ReplayCase(name: "auto reloads logged before the charge", opening: (10, 13), entries: [
        "2026-11-23T20:21:59Z Auto reload 50", "2026-11-23T20:22:00Z submission -56",
    ], expected: ["plan 0 rollover 17 outstanding 0", "e-1 50 -> 10/63/0", "e-2 -56 -> 0/17/0"]),
    ReplayCase(name: "an overage beyond the balance becomes outstanding", opening: (1, 2), entries: [
        "2026-11-22T10:00:00Z showcase_overage -5",
    ], expected: ["plan 0 rollover 0 outstanding 2", "e-1 -5 -> 0/0/2"]),
    ReplayCase(name: "an overage the balance covers is a deduction", opening: (5, 0), entries: [
        "2026-11-22T10:00:00Z showcase_overage -2",
    ], expected: ["plan 3 rollover 0 outstanding 0", "e-1 -2 -> 3/0/0"]),
    ReplayCase(name: "another deduction beyond the balance drives rolled-over tokens negative", opening: (0, 10), entries: [
        "2026-11-22T10:00:00Z image_generation -12",
    ], expected: ["plan 0 rollover -2 outstanding 0", "e-1 -12 -> 0/-2/0"]),
    ReplayCase(name: "refunds, top-ups and positive adjustments roll over; negative adjustments deduct", opening: (20, 0), entries: [
        "2026-11-20T10:00:00Z submission_refund 8", "2026-11-20T11:00:00Z manual_top_up 100",
        "2026-11-20T12:00:00Z admin_adjustment 15", "2026-11-20T13:00:00Z admin_adjustment -30",
    ], expected: ["plan 0 rollover 113 outstanding 0", "e-1 8 -> 20/8/0", "e-2 100 -> 20/108/0", "e-3 15 -> 20/123/0",
                  "e-4 -30 -> 0/113/0"]),
    ReplayCase(name: "unknown types take part: additions roll over, deductions deduct", opening: (10, 0), entries: [
        "2026-11-20T10:00:00Z Promo credit 15", "2026-11-21T10:00:00Z Mystery fee -12",
    ], expected: ["plan 0 rollover 13 outstanding 0", "e-1 15 -> 10/15/0", "e-2 -12 -> 0/13/0"]),
    ReplayCase(name: "equal times keep log order", opening: (100, 0), entries: [
        "2026-11-15T06:00:00Z submission -50", "2026-11-15T06:00:00Z plan_allocation 325",
    ], expected: ["plan 325 rollover 0 outstanding 0", "e-1 -50 -> 50/0/0", "expiry:e-2 -50 -> 0/0/0 cites e-2",
                  "e-2 325 -> 325/0/0"]),
    ReplayCase(name: "equal times keep log order, the other way round", opening: (100, 0), entries: [
        "2026-11-15T06:00:00Z plan_allocation 325", "2026-11-15T06:00:00Z submission -50",
    ], expected: ["plan 275 rollover 0 outstanding 0", "expiry:e-1 -100 -> 0/0/0 cites e-1", "e-1 325 -> 325/0/0",
                  "e-2 -50 -> 275/0/0"]),
    ReplayCase(name: "newest first input is replayed oldest first", opening: (0, 0), entries: [
        "2026-11-20T10:00:00Z submission -40", "2026-11-16T10:00:00Z manual_top_up 10", "2026-11-15T06:00:00Z plan_allocation 150",
    ], expected: ["plan 110 rollover 10 outstanding 0", "e-3 150 -> 150/0/0", "e-2 10 -> 150/10/0", "e-1 -40 -> 110/10/0"]),
    ReplayCase(name: "shuffled input with ties sorts by time, then log order", opening: (0, 0), entries: [
        "2026-11-16T10:00:00Z manual_top_up 1", "2026-11-15T06:00:00Z manual_top_up 2", "2026-11-16T10:00:00Z manual_top_up 3",
        "2026-11-14T10:00:00-06:00 manual_top_up 4", "2026-11-15T06:00:00Z manual_top_up 5",
    ], expected: ["plan 0 rollover 15 outstanding 0", "e-4 4 -> 0/4/0", "e-2 2 -> 0/6/0", "e-5 5 -> 0/11/0",
                  "e-1 1 -> 0/12/0", "e-3 3 -> 0/15/0"]),
    ReplayCase(name: "offsets compare as instants", opening: (0, 0), entries: [
        "2026-11-15T01:00:00-06:00 manual_top_up 1", "2026-11-15T06:30:00Z manual_top_up 2",
    ], expected: ["plan 0 rollover 3 outstanding 0", "e-2 2 -> 0/2/0", "e-1 1 -> 0/3/0"]),
])
func replay(_ c: ReplayCase) throws {
    let snapshot = try validSnapshot(c.yaml)
    #expect(summary(Replay.run(snapshot, policy: builtinPolicy)) == c.expected)
}

@Test func entryStatesAreByLogIndex() throws {
    let snapshot = try validSnapshot(ReplayCase(name: "", opening: (40, 20), entries: [
        "2026-11-20T16:14:00Z submission -88", "2026-11-15T06:00:00Z plan_allocation 325",
    ], expected: []).yaml)
    let replay = Replay.run(snapshot, policy: builtinPolicy)
    #expect(replay.state(of: snapshot.entries[0]) == EntryState(planBefore: 325, rolloverBefore: 20, planAfter: 237,
                                                                rolloverAfter: 20, outstandingBefore: 0, outstandingAfter: 0))
    #expect(replay.entryStates[1] == EntryState(planBefore: 40, rolloverBefore: 20, planAfter: 325, rolloverAfter: 20,
                                                outstandingBefore: 0, outstandingAfter: 0))
    #expect(replay.movements.map(\.id) == ["expiry:e-2"])
    #expect(replay.movements[0].kind == .planTokensExpired && replay.movements[0].amount == -40)
    #expect(replay.movements[0].at == instant("2026-11-15T06:00:00Z"))
    #expect(replay.rows.map(\.id) == ["expiry:e-2", "e-2", "e-1"])
    #expect(replay.rows.indices.map { replay.rows.isEntry(at: $0) } == [false, true, true])
}

@Test func aMismatchIsAFactNotAnError() throws {
    let snapshot = try validSnapshot(ReplayCase(name: "", opening: (0, 100), entries: [
        "2026-11-20T16:14:00Z submission -88",
    ], expected: []).yaml)   // shows balance 0, replays to 12
    let replay = Replay.run(snapshot, policy: builtinPolicy)
    #expect(replay.replayedBalance == 12)
    #expect(replay.shownBalance == 0)
    #expect(!replay.matchesShownBalance)
}

@Test func deductionOrderIsAPolicySetting() throws {
    let p = builtinPolicy
    let rolloverFirst = Policy(submissionBase: p.submissionBase, showcasePerSecond: p.showcasePerSecond,
                               clipMinSeconds: p.clipMinSeconds, clipMaxSeconds: p.clipMaxSeconds, plans: p.plans,
                               reloadDefault: p.reloadDefault, pageSize: p.pageSize, deductionOrder: [.rollover, .plan],
                               imagesPerBatch: p.imagesPerBatch, rerollCost: p.rerollCost, refundGraceHours: p.refundGraceHours)
    let snapshot = try validSnapshot(ReplayCase(name: "", opening: (30, 100), entries: [
        "2026-11-20T16:14:00Z submission -120",
    ], expected: []).yaml)
    #expect(summary(Replay.run(snapshot, policy: rolloverFirst)) == ["plan 10 rollover 0 outstanding 0", "e-1 -120 -> 10/0/0"])
}

@Test func aLargeShuffledLogReplaysInTimeOrder() throws {
    // Many entries in a scrambled but reproducible order: the replay's order must be
    // the sorted one, ties by log order.
    var lines: [String] = []
    for index in 0..<500 {
        let minute = (index * 7919) % 173   // many ties
        lines.append("2026-11-20T10:\(String(format: "%02d", minute / 3)):00Z manual_top_up \(index + 1)")
    }
    let snapshot = try validSnapshot(ReplayCase(name: "", opening: (0, 0), entries: lines, expected: []).yaml)
    let replay = Replay.run(snapshot, policy: builtinPolicy)
    let order = replay.rows.compactMap(\.entry)
    let expected = snapshot.entries.sorted { ($0.at, $0.logIndex) < ($1.at, $1.logIndex) }
    #expect(order.map(\.id) == expected.map(\.id))
    #expect(replay.rolloverTokens == 500 * 501 / 2)
}
