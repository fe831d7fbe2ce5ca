import CEL
import Foundation
import Ledger
import Testing
@testable import Explainer

/// `credits explain --why`: every rule traced on its own examples, and on the shipped example
/// snapshots, gives an account that agrees with what the rule and the search did.
struct RuleTraceTests {
    static func trace(_ rule: String, example name: String) throws -> RuleTrace {
        let pack = try Support.builtinPack()
        let rule = try #require(pack.rules.first { $0.id == rule })
        let example = try #require(rule.examples.first { $0.name == name })
        let outcome = ExampleRunner(pack: pack).run(example, of: rule)
        return try #require(RuleTracer(pack: pack).trace(outcome.explanation, rule: rule.id))
    }

    /// Each rule's near misses (its examples where it must not fire): why not, with the false part
    /// named and its values.
    @Test(arguments: [
        (#"admin-adjustment"#, #"a top-up bought by hand is no adjustment"#,
         #"did not fire: `entry.type == "admin_adjustment"` is false for the only entry; e.g. entry e-4411 (Manual top up +30, Nov 21, 4:00 PM EST) is not an admin adjustment: `entry.type` is "manual_top_up""#),
        (#"allocation-mismatch"#, #"a starter allocation before an upgrade to growth is right for its day"#,
         #"did not fire: `entry.amount != entry.plan_allocation` is false for 1 of 2 entries (other parts are false for the other 1 entry); e.g. entry e-9931 (Plan allocation +150, Nov 3, 6:00 AM ACDT): `entry.amount` and `entry.plan_allocation` are both 150"#),
        (#"auto-reload"#, #"a top-up bought by hand is no auto reload"#,
         #"did not fire: `entry.type == "auto_reload"` is false for all 2 entries; e.g. entry e-7868 (Manual top up +100, Nov 23, 2:20 PM EST) is not an auto reload: `entry.type` is "manual_top_up""#),
        (#"cycle-renewal"#, #"a renewal before the window is not part of the answer"#,
         #"did not fire in the window; it holds for 1 entry outside it, the latest entry e-2 (Plan allocation +325, Nov 15, 12:00 AM CST)"#),
        (#"duplicate-charge"#, #"a duplicate before the window is not part of this question"#,
         #"did not fire: `creative.charges.exists(id, id in entries_by_id)` is false for the only creative; e.g. creative cr-1203 'Author Night: Niamh Byrne': no element of `creative.charges` (2 elements) satisfies `id in entries_by_id`"#),
        (#"duplicate-charge"#, #"two creatives with the same price, each charged once"#,
         #"did not fire: `size(creative.charges) > 1` is false for all 2 creatives; e.g. creative cr-1203 'Author Night: Niamh Byrne': `size(creative.charges)` is 1, not more than 1"#),
        (#"fix-not-landed"#, #"the promised adjustment landed three days later"#,
         #"did not fire: `size(report.adjustments_since) == 0` is false for the only report; e.g. report t-311 (opened Nov 13, 4:00 PM PST): `size(report.adjustments_since)` is 1, not equal to 0"#),
        (#"fix-not-landed"#, #"a report opened after the moment asked about"#,
         #"did not fire: `report.opened_at <= query.now` is false for the only report; e.g. report t-311 (opened Nov 13, 4:00 PM PST): `report.opened_at` is timestamp("2026-11-14T00:00:00Z"), not at most `query.now` (timestamp("2026-11-13T20:00:00Z"))"#),
        (#"image-generation"#, #"a submission is no image generation"#,
         #"did not fire: `entry.type == "image_generation"` is false for the only entry; e.g. entry e-5 (Submission -40, Nov 23, 9:12 AM CST) is not an image generation: `entry.type` is "submission""#),
        (#"in-flight-submissions"#, #"a delivered creative is no longer in production"#,
         #"did not fire: `creative.in_flight` is false for the only entry; e.g. entry e-1043 (Submission -88, Nov 20, 10:14 AM CST): creative cr-77 'Summer Promo' is not in production (it was delivered): `creative.in_flight` is false"#),
        (#"ledger-mismatch"#, #"a log that adds up to the balance shown"#,
         #"did not fire: `!replay.matches` is false for the only client; e.g. client Quarry Climbing Gym (quarry-gym): the log adds up to the balance shown: `replay.matches` is true"#),
        (#"manual-top-up"#, #"a top-up before the window is not part of the answer"#,
         #"did not fire in the window; it holds for 1 entry outside it, the latest entry e-885 (Manual top up +100, Nov 19, 8:32 AM CST)"#),
        (#"manual-top-up"#, #"an auto reload is not bought by hand"#,
         #"did not fire: `entry.type == "manual_top_up"` is false for the only entry; e.g. entry e-886 (Auto reload +50, Nov 19, 8:32 AM CST) is not a manual top up: `entry.type` is "auto_reload""#),
        (#"mid-cycle-proration"#, #"the allocation on the billing day is a renewal, not a proration"#,
         #"did not fire in the window; it holds for 1 entry outside it, the latest entry e-10033 (Mid cycle proration +122, Nov 12, 10:30 AM CST)"#),
        (#"missing-refund"#, #"delivered 10 hours ago, the refund is not due yet"#,
         #"did not fire: `query.now - creative.delivered_at > duration(string(policy.refund_grace_hours) + "h")` is false for the only creative; e.g. creative cr-1778 'Balayage Transformation': `query.now - creative.delivered_at` is duration("36000s"), not more than `duration(string(policy.refund_grace_hours) + "h")` (duration("172800s"))"#),
        (#"missing-refund"#, #"the refund landed"#,
         #"did not fire: `size(creative.refunds) == 0` is false for the only creative; e.g. creative cr-1778 'Balayage Transformation': `size(creative.refunds)` is 1, not equal to 0"#),
        (#"outstanding-balance"#, #"an overage the balance covered leaves nothing owed"#,
         #"did not fire: `client.outstanding > 0` and `replay.outstanding > 0` are false for the only client; e.g. client Juniper Day Spa (juniper-spa): `client.outstanding` is 0, not more than 0; and client Juniper Day Spa (juniper-spa): `replay.outstanding` is 0, not more than 0"#),
        (#"plan-token-reset"#, #"no plan tokens were left, so none expired"#,
         #"did not fire: there are no unrecorded movements to look at in the window"#),
        (#"refund-mismatch"#, #"48 s deposited, 42 s delivered, +6 refunded is exact"#,
         #"did not fire: `entry.type == "submission_refund"` and `entry.type == "showcase_overage"` are false for 2 of 3 entries (other parts are false for the other 1 entry); e.g. entry e-1561 (Plan allocation +325, Nov 4, 6:00 AM IST) is not a submission refund: `entry.type` is "plan_allocation"; and entry e-1561 (Plan allocation +325, Nov 4, 6:00 AM IST) is not a showcase overage: `entry.type` is "plan_allocation""#),
        (#"refund-mismatch"#, #"an overage of -14 for 14 s beyond the deposit is exact, even if part of it is owed"#,
         #"did not fire: `entry.type == "submission_refund"` and `entry.type == "showcase_overage"` are false for 3 of 4 entries (other parts are false for the other 1 entry); e.g. entry e-2211 (Plan allocation +150, Nov 16, 6:00 AM CET) is not a submission refund: `entry.type` is "plan_allocation"; and entry e-2211 (Plan allocation +150, Nov 16, 6:00 AM CET) is not a showcase overage: `entry.type` is "plan_allocation""#),
        (#"refund-pending"#, #"delivered four days ago, the refund is late (missing-refund says so instead)"#,
         #"did not fire: `query.now - creative.delivered_at <= duration(string(policy.refund_grace_hours) + "h")` is false for the only creative; e.g. creative cr-1778 'Balayage Transformation': `query.now - creative.delivered_at` is duration("410400s"), not at most `duration(string(policy.refund_grace_hours) + "h")` (duration("172800s"))"#),
        (#"refund-pending"#, #"the refund landed"#,
         #"did not fire: `size(creative.refunds) == 0` is false for the only creative; e.g. creative cr-1778 'Balayage Transformation': `size(creative.refunds)` is 1, not equal to 0"#),
        (#"showcase-deposit"#, #"a submission without showcase clips has no deposit"#,
         #"did not fire: `creative.deposit > 0` is false for the only entry; e.g. entry e-1044 (Submission -40, Nov 21, 9:00 AM CST): `creative.deposit` is 0, not more than 0"#),
        (#"showcase-overage"#, #"an overage with nothing left to pay it moved no tokens of the balance"#,
         #"did not fire: `entry.type == "showcase_overage"` is false for 1 of 2 entries (other parts are false for the other 1 entry); e.g. entry e-701 (Submission -136, Nov 19, 9:00 AM CST) is not a showcase overage: `entry.type` is "submission""#),
        (#"showcase-refund"#, #"a refund before the window is not part of the answer"#,
         #"did not fire in the window; it holds for 1 entry outside it, the latest entry e-502 (Submission refund +6, Nov 20, 5:05 AM CST)"#),
        (#"showcase-refund"#, #"a creative delivered in full has no refund to explain"#,
         #"did not fire: `entry.type == "submission_refund"` is false for the only entry; e.g. entry e-501 (Submission -88, Nov 19, 9:00 AM CST) is not a submission refund: `entry.type` is "submission""#),
        (#"submission-cost-mismatch"#, #"a -76 for clips of 20, 2, 12 and 8 s is right (clamped to 12 + 4 + 12 + 8)"#,
         #"did not fire: `entry.type == "submission"` is false for 1 of 2 entries (other parts are false for the other 1 entry); e.g. entry e-601 (Plan allocation +325, Nov 10, 6:00 AM MST) is not a submission: `entry.type` is "plan_allocation""#),
        (#"unknown-entry-type"#, #"the credits page's own labels are known types"#,
         #"did not fire: `!entry.known` is false for all 2 entries; e.g. entry e-1301 (Plan allocation +150, Nov 8, 6:00 AM NPT) is of a type the rules know: `entry.known` is true"#),
        (#"wrong-client"#, #"an expected balance no other client has"#,
         #"did not fire: `other_client.balance == query.expected` is false for all 2 other clients; e.g. other client Bravo Bikes (bravo-bikes, balance 210): `other_client.balance` is 210, not equal to `query.expected` (385)"#),
        (#"wrong-client"#, #"a balance that is as expected is no wrong client, even when another client has the same"#,
         #"did not fire: `query.expected != query.actual` is false for all 2 other clients; e.g. other client Bravo Bikes (bravo-bikes, balance 210): `query.expected` and `query.actual` are both 45"#),
        ("balance-since", "an expected number the balance never was",
         "did not fire: it looks only at what moved since the balance was 113, and the balance was never 113 in the period"),
        ("submission", "a refund is no submission",
         #"did not fire: `entry.type == "submission"` is false for the only entry; e.g. entry e-1044 (Submission refund +5, Nov 21, 10:14 AM CST) is not a submission: `entry.type` is "submission_refund""#),
    ])
    func nearMissesSayWhyNot(rule: String, example: String, verdict: String) throws {
        let trace = try Self.trace(rule, example: example)
        #expect(TraceReport.verdict(trace) == verdict)
        if case .fired = trace.verdict { Issue.record("\(rule): \(example) should not fire") }
    }

    /// On every example of every rule, the trace fires exactly when the rule produced something, and
    /// every item it did not hold for names a false part with a value.
    @Test func everyExampleOfEveryRuleIsAccountedFor() throws {
        let pack = try Support.builtinPack()
        for rule in pack.rules {
            for example in rule.examples {
                let outcome = ExampleRunner(pack: pack).run(example, of: rule)
                let trace = try #require(RuleTracer(pack: pack).trace(outcome.explanation, rule: rule.id))
                Self.checkAccount(trace, outcome.explanation, "\(rule.id): \(example.name)")
            }
        }
    }

    /// `--why` for every built-in rule on every shipped example snapshot, asked what its README asks
    /// and with the balance unchanged.
    @Test(arguments: [
        ("bluebird-bakery-in-flight.yaml", 200), ("lumen-dental-renewal.yaml", 907), ("copper-kettle-auto-reload.yaml", 23),
        ("copper-kettle-auto-reload.yaml", 73), ("fernweh-travel-rerolls.yaml", 150), ("saltbush-wines-upgrade.yaml", 64),
    ])
    func everyRuleOnTheShippedExamples(file: String, expected: Int) throws {
        let text = try String(contentsOf: Support.root.appendingPathComponent("seeds/examples/\(file)"), encoding: .utf8)
        let explanation = try Support.explain(text, expected: expected)
        let traces = RuleTracer(pack: try Support.builtinPack()).traces(explanation)
        #expect(traces.count == (try Support.builtinPack()).rules.count)
        for trace in traces { Self.checkAccount(trace, explanation, "\(file) \(trace.rule)") }
    }

    /// What makes an account correct: it fires when the rule produced a cause or a finding (and
    /// not otherwise); each item not held names its false parts with values, which were false; each
    /// candidate's place in the search is where the search put it.
    static func checkAccount(_ trace: RuleTrace, _ explanation: Explanation, _ label: String) {
        let produced = explanation.candidates.contains { $0.rule == trace.rule } || explanation.findings.contains { $0.rule == trace.rule }
        var fired = false
        if case .fired = trace.verdict { fired = true }
        if produced { #expect(fired, "\(label): produced something, but the trace says \(TraceReport.verdict(trace))") }
        if !fired { #expect(!produced, "\(label)") }
        #expect(trace.held + trace.notHeld + trace.failed == trace.looked, "\(label)")
        #expect(trace.items.count == min(trace.looked, RuleTrace.itemsShown), "\(label)")
        for item in trace.items {
            guard case .notHeld(let parts) = item.outcome else { continue }
            #expect(!parts.isEmpty, "\(label): \(item.id) has no false part")
            for part in parts { #expect(!part.words.isEmpty && part.location.hasPrefix("Rules/"), "\(label): \(item.id)") }
        }
        let candidates = explanation.candidates.filter { $0.rule == trace.rule }
        #expect(trace.candidates.count == (trace.kind == .cause ? candidates.count : 0), "\(label)")
        for (cause, candidate) in zip(candidates, trace.candidates) {
            let rank = explanation.hypotheses.firstIndex { $0.causes.contains { $0.order == cause.order } }
            switch candidate.disposition {
            case .inFirst: #expect(rank == 0, "\(label)")
            case .inOther(let shown, _): #expect(rank.map { $0 + 1 } == shown && shown > 1, "\(label)")
            case .claimedByOther(let rule, _, let movement):
                #expect(rank == nil, "\(label)")
                let first = explanation.hypotheses.first?.causes ?? []
                #expect(first.contains { $0.rule == rule && $0.claims.contains { $0.movement == movement } }, "\(label)")
                #expect(cause.claims.contains { $0.movement == movement }, "\(label)")
            case .inCoincidence(let shown):
                #expect(rank == nil && explanation.coincidences[shown - 1].causes.contains { $0.order == cause.order }, "\(label)")
            case .belowShown, .noCombination: #expect(rank == nil, "\(label)")
            case .beforeBalance(let balance, _, _, _):
                #expect(rank == nil && explanation.balanceWas?.balance == balance && balance == explanation.query.expected, "\(label)")
            case .noDifference: #expect(explanation.delta == 0, "\(label)")
            }
        }
    }

    /// Item by item, in the words of the issue: what an item is not, or what is off, with the values.
    @Test func itemsAreSaidInWordsWithTheirValues() throws {
        let trace = try Self.trace("auto-reload", example: "a top-up bought by hand is no auto reload")
        let sentences = trace.items.map(TraceReport.sentence)
        #expect(sentences.first == #"entry e-7868 (Manual top up +100, Nov 23, 2:20 PM EST) is not an auto reload: `entry.type` is "manual_top_up""#)
        let held = try Self.trace("auto-reload", example: "two reloads of 50 logged with an 88-token submission")
        #expect(held.items.map(TraceReport.sentence) == [
            "entry e-7868a (Auto reload +50, Nov 23, 2:22 PM EST): held: +100, claiming e-7868a, e-7868b",
            #"entry e-7868b (Auto reload +50, Nov 23, 2:22 PM EST): `entry.paired_reloads[0]` is "e-7868a", not equal to `entry.id` ("e-7868b")"#,
            #"entry e-7869 (Submission -88, Nov 23, 2:22 PM EST) is not an auto reload: `entry.type` is "submission""#,
        ])
        // As often false (once each): the earlier item's part first.
        #expect(held.falseParts.map { $0.parts.map(\.expression) } == [["entry.paired_reloads[0] == entry.id"], [#"entry.type == "auto_reload""#]])
    }
}

/// `credits rules test --coverage` over the built-in pack.
struct RuleCoverageTests {
    /// Every part of every built-in rule is both true and false over the rule's examples.
    @Test func theBuiltinPackIsCovered() throws {
        let pack = try Support.builtinPack()
        let coverage = RuleCoverage.measure(pack, outcomes: ExampleRunner(pack: pack).runAll())
        #expect(coverage.count == pack.rules.count)
        let uncovered = coverage.flatMap { rule in rule.uncovered.map { "\($0.location): \($0.expression): \($0.missing)" } }
        #expect(uncovered == [])
        #expect(coverage.reduce(0) { $0 + $1.parts.count } >= 131)
    }

    /// Parts are the whole `when`, the leaves of its `&&` and `||` (a `!x` is one part), and each `?:`
    /// condition of the message with its leaves; each counted over every item of every example.
    @Test func partsAreTheLeavesOfTheLogicAndTheConditions() throws {
        let pack = try Support.builtinPack()
        let rule = try #require(pack.rules.first { $0.id == "refund-mismatch" })
        let outcomes = rule.examples.map { ExampleRunner(pack: pack).run($0, of: rule) }
        let coverage = try #require(RuleCoverage.measure(pack, outcomes: outcomes).first { $0.rule == "refund-mismatch" })
        let when = coverage.parts.filter { $0.place == "when" }.map(\.expression)
        #expect(when.first?.hasPrefix(#"(entry.type == "submission_refund""#) == true)
        #expect(Array(when.dropFirst()) == [
            #"entry.type == "submission_refund""#, #"entry.type == "showcase_overage""#, #"creative.id != """#,
            "!creative.delivered", "!creative.has_delivered_seconds", "entry.amount != creative.reconciliation",
        ])
        #expect(coverage.uncovered.isEmpty)
    }
}
