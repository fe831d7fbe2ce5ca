import Testing
@testable import Explainer

/// The facts rules see, through `credits expr`'s entry point.
struct FactsTests {
    static let history = """
        snapshot_version: 1
        generated_at: 2026-11-24T15:00:00Z
        client: { id: acme, name: Acme Coffee, timezone: America/Chicago, plan: growth, billing_anchor: 2026-01-15, balance: 100,
                  auto_reload: { enabled: true } }
        opening: { plan_tokens: 0, rollover_tokens: 500 }
        entries:
          - { id: e-1, at: 2026-03-01T10:00:00-06:00, type: submission, amount: -50, creative: old-settled }
          - { id: e-2, at: 2026-03-02T10:00:00-06:00, type: submission_refund, amount: 2, creative: old-settled }
          - { id: e-3, at: 2026-04-01T10:00:00-06:00, type: submission, amount: -50, creative: old-unrefunded }
          - { id: e-4, at: 2026-11-20T10:00:00-06:00, type: auto_reload, amount: 50 }
          - { id: e-5, at: 2026-11-20T10:00:00-06:00, type: submission, amount: -88, creative: new }
          - { id: e-6, at: 2026-11-20T11:00:00-06:00, type: image_generation, amount: -314 }
        creatives:
          - { id: old-settled, title: Old settled, status: delivered, delivered_at: 2026-03-02T09:00:00-06:00,
              clips: [6], delivered_seconds: 4 }
          - { id: old-unrefunded, title: Old unrefunded, status: delivered, delivered_at: 2026-04-02T09:00:00-06:00,
              clips: [6], delivered_seconds: 4 }
          - { id: new, title: New, status: in_flight, clips: [8, 8, 8, 8, 8, 8] }
        """

    static func value(_ expression: String) throws -> String {
        let pack = try Support.builtinPack()
        let snapshot = try Support.snapshot(Self.history)
        let query = try ExplainQuery.resolve(snapshot: snapshot, expected: 100)
        return try pack.evaluate(expression, snapshot: snapshot, query: query)
    }

    @Test(arguments: [
        ("creatives.map(c, c.id)", #"["old-unrefunded", "new"]"#),
        ("entries.map(e, e.id)", #"["e-4", "e-5", "e-6"]"#),
        (#"entries.filter(e, e.type == "auto_reload").map(e, e.paired_charge)"#, #"["e-5"]"#),
        ("creatives.map(c, [c.deposit, c.expected_cost, c.reconciliation])", "[[6, 46, 2], [48, 88, 0]]"),
        ("creatives.map(c, c.clips_text)", #"["1 clip of 6 s", "6 clips x 8 s"]"#),
        ("entries[1].local", #""Nov 20, 10:00 AM CST""#),
        ("[client.reload_amount, client.allocation, client.billing_day]", "[50, 325, 15]"),
        ("query.delta", "0"),
    ])
    func factsAreWhatTheREADMESays(_ expression: String, _ expected: String) throws {
        #expect(try Self.value(expression) == expected)
    }
}
