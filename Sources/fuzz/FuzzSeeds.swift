/// Inputs the targets build on.
enum FuzzSeeds {
    /// A small valid snapshot: the facts CEL expressions are evaluated over, and the
    /// example snapshot a fuzzed rule file may name (`examples/tiny.yaml`).
    static let snapshot = """
        snapshot_version: 1
        generated_at: 2026-11-24T15:00:00Z
        client: { id: lantern-books, name: Lantern Books, timezone: Europe/Dublin, plan: growth,
                  billing_anchor: 2026-11-11, balance: 149 }
        opening: { plan_tokens: 0, rollover_tokens: 0 }
        entries:
          - { id: e-8121, at: 2026-11-11T06:00:00+00:00, type: plan_allocation, amount: 325 }
          - { id: e-8126, at: 2026-11-23T11:42:00+00:00, type: submission, amount: -88, creative: cr-1203 }
          - { id: e-8127, at: 2026-11-23T11:42:00+00:00, type: submission, amount: -88, creative: cr-1203 }
        creatives:
          - { id: cr-1203, title: "Author Night: Niamh Byrne", submitted_at: 2026-11-23T11:42:00+00:00,
              status: in_flight, clips: [8, 8, 8, 8, 8, 8] }

        """
}
