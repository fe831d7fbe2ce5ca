import Foundation
import Ledger
import Testing
@testable import Explainer

/// Rules that go wrong while they run are reported, never silently dropped; grouping
/// puts many items into one cause.
struct RuleEvaluatorTests {
    static func pack(_ rule: String) throws -> RulePack {
        let files = ["causes/x.yaml": rule + """

            examples:
              - name: tiny
                snapshot: ../examples/tiny.yaml
                query: { expected: 200 }
                expect: { fires: true }
            """, "examples/tiny.yaml": Support.summerPromo]
        return try RulePack.load(RuleFiles(folder: "Rules", files: files), fallbackPolicy: Support.policyText)
    }

    static func explain(_ rule: String, snapshot: String = Support.summerPromo, expected: Int = 200) throws -> Explanation {
        let snapshot = try Support.snapshot(snapshot)
        let query = try ExplainQuery.resolve(snapshot: snapshot, expected: expected)
        return Explainer(pack: try Self.pack(rule), messages: .all).explain(snapshot, query)
    }

    static let fiveCharges = """
        snapshot_version: 1
        generated_at: 2026-11-24T15:00:00Z
        client: { id: acme, name: Acme Coffee, timezone: America/Chicago, plan: growth, billing_anchor: 2026-10-15, balance: 50 }
        opening: { plan_tokens: 0, rollover_tokens: 100 }
        entries:
          - { id: e-1, at: 2026-11-20T09:00:00-06:00, type: image_generation, amount: -10 }
          - { id: e-2, at: 2026-11-20T11:00:00-06:00, type: image_generation, amount: -10 }
          - { id: e-3, at: 2026-11-21T09:00:00-06:00, type: image_generation, amount: -10 }
          - { id: e-4, at: 2026-11-21T09:30:00-06:00, type: image_generation, amount: -10 }
          - { id: e-5, at: 2026-11-22T09:00:00-06:00, type: image_generation, amount: -10 }
        """

    @Test func aFailingExpressionIsReportedAFewTimes() throws {
        let explanation = try Self.explain("""
            id: x
            kind: cause
            title: X
            when: 10 / (entry.amount - entry.amount) > 0
            message: m
            """, snapshot: Self.fiveCharges, expected: 100)
        #expect(explanation.problems.map(\.description) == [
            "Rules/causes/x.yaml:4:10: warning: rule 'x': division by zero in 10 / 0 (for e-1)",
            "Rules/causes/x.yaml:4:10: warning: rule 'x': division by zero in 10 / 0 (for e-2)",
            "Rules/causes/x.yaml:4:10: warning: rule 'x': division by zero in 10 / 0 (for e-3)",
            "warning: rule 'x': and 2 more items like these",
        ])
    }

    @Test func aCauseLargerThanWhatItClaimsIsReported() throws {
        let explanation = try Self.explain("""
            id: x
            kind: cause
            title: X
            when: entry.type == "submission"
            amount: entry.amount - 12
            message: m
            """)
        #expect(explanation.candidates.isEmpty)
        #expect(explanation.problems.map(\.description) == [
            "warning: rule 'x': a cause of -100 for e-1043 cannot be taken out of what it claims (e-1043)",
        ])
    }

    @Test(arguments: [
        ("each", ["-10 [e-1]", "-10 [e-2]", "-10 [e-3]", "-10 [e-4]", "-10 [e-5]"]),
        ("per-day", ["-20 [e-1, e-2] 2 on Nov 20", "-20 [e-3, e-4] 2 on Nov 21", "-10 [e-5] 1 on Nov 22"]),
        ("all", ["-50 [e-1, e-2, e-3, e-4, e-5] 5 on Nov 20"]),
    ])
    func groupingPutsItemsTogether(_ grouping: String, _ expected: [String]) throws {
        let explanation = try Self.explain("""
            id: x
            kind: cause
            title: X
            when: entry.type == "image_generation"
            group: \(grouping)
            message: "{{ count > 1 || '\(grouping)' != 'each' ? string(count) + ' on ' + fmtDate(entry.at) : '' }}"
            """, snapshot: Self.fiveCharges, expected: 100)
        let shown = explanation.candidates.map { cause in
            "\(cause.amount) [\(cause.entries.joined(separator: ", "))]" + (cause.text.isEmpty ? "" : " \(cause.text)")
        }
        #expect(shown == expected)
    }

    /// Twelve re-rolls of -10, each claiming e-1 first, then itself: a group that claims more
    /// movements than the tally keeps in a list, so it looks them up by id after the eighth.
    @Test func aGroupClaimingManyMovementsTakesEachOnceAndNoMore() throws {
        let entries = (1...12).map { "  - { id: e-\($0), at: 2026-11-20T09:\(10 + $0):00-06:00, type: image_generation, amount: -10 }" }
        let snapshot = """
            snapshot_version: 1
            generated_at: 2026-11-24T15:00:00Z
            client: { id: acme, name: Acme Coffee, timezone: America/Chicago, plan: growth, billing_anchor: 2026-10-15, balance: 0 }
            opening: { plan_tokens: 0, rollover_tokens: 120 }
            entries:

            """ + entries.joined(separator: "\n") + "\n"
        let explanation = try Self.explain("""
            id: x
            kind: cause
            title: X
            when: entry.type == "image_generation"
            claims: ['"e-1"', entry.id]
            group: all
            message: m
            """, snapshot: snapshot, expected: 120)
        #expect(explanation.problems.isEmpty)
        let claims = try #require(explanation.candidates.first).claims
        #expect(claims == (1...12).map { Claim(movement: "e-\($0)", amount: -10) })
    }
}
