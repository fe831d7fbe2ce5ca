import BuiltinRules
import Diagnostics
import Explainer
import Foundation
import Ledger

/// What the tests share: the built-in pack, small snapshots, and questions about them.
enum Support {
    static let builtinFiles = Dictionary(uniqueKeysWithValues: BuiltinRules.files.map { ($0.path, $0.text) })
    static let policyText = BuiltinRules.text(of: "policy.yaml")!

    /// The built-in pack, loaded once for all tests (it reads every example's snapshot).
    private static let loadedPack = Result { () throws(DiagnosticsError) -> RulePack in
        try RulePack.load(RuleFiles(folder: "Rules", files: builtinFiles))
    }

    static func builtinPack() throws -> RulePack {
        try loadedPack.get()
    }

    /// A pack of the given files plus the built-in policy; the problems it reports, one headline each.
    static func problems(_ files: [String: String]) -> [String] {
        do {
            _ = try RulePack.load(RuleFiles(folder: "Rules", files: files), fallbackPolicy: policyText)
            return []
        } catch {
            return error.diagnostics.map(\.headline)
        }
    }

    static func snapshot(_ text: String, name: String = "test.yaml") throws -> Snapshot {
        try SnapshotReader.read(text: text, name: name, policy: try builtinPack().policy)
    }

    /// Acme Coffee, Chicago, growth, one -88 submission of a 6 x 8 s showcase still in production.
    static let summerPromo = """
        snapshot_version: 1
        generated_at: 2026-11-24T15:00:00Z
        client: { id: acme, name: Acme Coffee, timezone: America/Chicago, plan: growth,
                  billing_anchor: 2026-10-15, balance: 112 }
        opening: { plan_tokens: 200, rollover_tokens: 0 }
        entries:
          - { id: e-1043, at: 2026-11-20T10:14:00-06:00, type: submission, amount: -88, creative: cr-77 }
        creatives:
          - { id: cr-77, title: Summer Promo, submitted_at: 2026-11-20T10:14:00-06:00,
              status: in_flight, clips: [8, 8, 8, 8, 8, 8] }
        """

    static func explain(_ text: String, expected: Int, actual: Int? = nil, since: String? = nil, top: Int = 3) throws -> Explanation {
        let snapshot = try snapshot(text)
        let query = try ExplainQuery.resolve(snapshot: snapshot, expected: expected, actual: actual, since: since)
        return Explainer(pack: try builtinPack(), top: top).explain(snapshot, query)
    }

    /// The repository's root, for files beside the sources (seeds/examples).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
