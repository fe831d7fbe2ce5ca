import Diagnostics
import Testing
@testable import Explainer

/// Every way a rule file can be wrong has its message, at its place.
struct RuleLoaderTests {
    static let example = """
        examples:
          - name: tiny
            snapshot: ../examples/tiny.yaml
            query: { expected: 200 }
            expect: { fires: true }
        """

    static func files(_ text: String, path: String = "causes/x.yaml") -> [String: String] {
        [path: text, "examples/tiny.yaml": Support.summerPromo]
    }

    @Test(arguments: [
        ("id: x\nkind: cause\ntitle: X\nwen: true\nwhen: true\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:4:1: error: unknown key 'wen' in a rule (did you mean 'when'? allowed: advice, amount, checks, cites, claims, examples, for, group, id, kind, links, message, severity, story, title, weight, when)"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: true\n" + example,
         ["Rules/causes/x.yaml:1:1: error: a rule needs 'message'"]),
        ("id: x\nkind: caus\ntitle: X\nwhen: true\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:2:7: error: 'kind' must be 'cause' or 'finding', not 'caus'"]),
        ("id: y\nkind: cause\ntitle: X\nwhen: true\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:1:5: error: rule id 'y' must be the file's name, 'x'"]),
        ("id: x\nkind: finding\ntitle: X\nwhen: true\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:1:1: error: a finding needs 'severity' (warning or info)"]),
        ("id: x\nkind: cause\nseverity: info\ntitle: X\nwhen: true\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:3:1: error: a cause has no 'severity' (only findings do)"]),
        ("id: x\nkind: finding\nseverity: warning\ntitle: X\nwhen: true\nclaims: [entry.id]\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:6:1: error: 'claims' needs 'amount': a finding without one accounts for no tokens"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: true\nstory: alon\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:5:8: error: 'story' must be 'alone', 'plain', 'together', 'since' or 'rest', not 'alon'"]),
        ("id: x\nkind: cause\ntitle: X\nweight: 2\nwhen: true\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:4:9: error: 'weight' must be a number from 0 to 1, not '2'"]),
        ("id: x\nkind: cause\ntitle: X\nfor: entry\nwhen: true\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:4:6: error: 'for' must be 'entries', 'creatives', 'movements', 'other_clients', 'reports' or 'client', not 'entry'"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: entry.amount\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:4:7: error: 'when' must give true or false (a bool), not a value of type int"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: true\namount: entry.note\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:5:9: error: 'amount' must give a whole number (an int), not a value of type string"]),
        ("id: x\nkind: cause\ntitle: X\nfor: creatives\nwhen: true\nmessage: m\n" + example,
         ["Rules/causes/x.yaml:1:1: error: a cause that looks at creatives needs 'amount'",
          "Rules/causes/x.yaml:1:1: error: a cause that looks at creatives needs 'claims'"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: true\nmessage: Paid {{ entry.amount\n" + example,
         ["Rules/causes/x.yaml:5:15: error: '{{' without '}}' in 'message'"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: true\nmessage: Paid {{ }}\n" + example,
         ["Rules/causes/x.yaml:5:17: error: empty '{{ }}' in 'message'"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: true\nmessage: m\nexamples: []\n",
         ["Rules/causes/x.yaml:6:11: error: 'examples' must list at least one example"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: true\nmessage: m\nexamples:\n  - name: a\n    snapshot: nope.yaml\n    query: { expected: 1 }\n    expect: { fires: true }\n",
         ["Rules/causes/x.yaml:8:15: error: no snapshot file 'nope.yaml' beside the rule (looked for Rules/causes/nope.yaml)"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: true\nmessage: m\nexamples:\n  - name: a\n    snapshot: ../examples/tiny.yaml\n    query: { expected: 1 }\n    expect: { fires: true, colour: red }\n",
         ["Rules/causes/x.yaml:10:28: error: unknown key 'colour' in an example's expect (allowed: amount, best, count, entries, explained, fires, message, status)"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: true\nmessage: m\nexamples:\n  - name: a\n    snapshot: ../examples/tiny.yaml\n    query: { expected: 1, since: yesterday }\n    expect: { fires: true }\n",
         ["Rules/causes/x.yaml:9:12: error: invalid time 'yesterday' for since: use a date (2026-11-20), a timestamp with offset (2026-11-20T10:14:00-06:00) or a span back from now (7d, 48h)"]),
        ("id: x\nkind: cause\ntitle: X\nwhen: true\nmessage: m\nexamples:\n  - name: a\n    snapshot: |\n      snapshot_version: 1\n      generated_at: 2026-11-24T15:00:00Z\n      client: { id: acme, name: Acme, plan: growth, billing_anchor: 2026-10-15, balance: 0 }\n      entries:\n        - { id: e-1, at: 2026-11-20T10:14:00, type: submission, amount: -40 }\n    query: { expected: 1 }\n    expect: { fires: true }\n",
         ["Rules/causes/x.yaml:13:26: error: timestamp '2026-11-20T10:14:00' has no offset: add Z for UTC or an offset such as -06:00"]),
        ("id: x\nkind: cause\ntitle: [X\n", ["Rules/causes/x.yaml:4:1: error: malformed YAML: did not find expected ',' or ']' while parsing a flow sequence"]),
    ])
    func problemIsReportedAtItsPlace(_ text: String, _ expected: [String]) {
        #expect(Support.problems(Self.files(text)) == expected)
    }

    /// Explaining skips the examples: a broken one is `rules lint`'s to report, and the
    /// rest of the rule is still checked.
    @Test func skippedExamplesAreNotReadButTheRuleIs() throws {
        let brokenExample = "id: x\nkind: cause\ntitle: X\nwhen: true\nmessage: m\nexamples:\n  - name: a\n    snapshot: nope.yaml\n    query: { expected: 1 }\n    expect: { fires: true }\n"
        let files = RuleFiles(folder: "Rules", files: Self.files(brokenExample))
        let pack = try RulePack.load(files, fallbackPolicy: Support.policyText, examples: .skip)
        #expect(pack.rules.map(\.id) == ["x"] && pack.rules[0].examples.isEmpty)
        #expect(throws: DiagnosticsError.self) { try RulePack.load(files, fallbackPolicy: Support.policyText, examples: .read) }
        let badCondition = brokenExample.replacingOccurrences(of: "when: true", with: "when: entry.amout > 0")
        #expect(throws: DiagnosticsError.self) {
            try RulePack.load(RuleFiles(folder: "Rules", files: Self.files(badCondition)), fallbackPolicy: Support.policyText, examples: .skip)
        }
        let noExamples = "id: x\nkind: cause\ntitle: X\nwhen: true\nmessage: m\nexamples: []\n"
        #expect(throws: DiagnosticsError.self) {
            try RulePack.load(RuleFiles(folder: "Rules", files: Self.files(noExamples)), fallbackPolicy: Support.policyText, examples: .skip)
        }
    }

    @Test func duplicateIDsAcrossFoldersAreReported() {
        let rule = "id: x\nkind: cause\ntitle: X\nwhen: true\nmessage: m\n" + Self.example
        var files = Self.files(rule)
        files["findings/x.yaml"] = rule.replacingOccurrences(of: "kind: cause", with: "kind: finding\nseverity: info")
        #expect(Support.problems(files) == ["Rules/findings/x.yaml:1:1: error: rule id 'x' is used twice (also in Rules/causes/x.yaml)"])
    }

    @Test func theBuiltInPackHasEveryRuleOfTheSpec() throws {
        let pack = try Support.builtinPack()
        // SPEC section 6: one rule for every behaviour of the help article.
        let causes = ["showcase-deposit", "in-flight-submissions", "showcase-refund", "showcase-overage",
                      "cycle-renewal", "plan-token-reset", "auto-reload", "image-generation",
                      "admin-adjustment", "manual-top-up", "mid-cycle-proration", "submission", "balance-since"]
        let findings = ["wrong-client", "fix-not-landed", "submission-cost-mismatch", "duplicate-charge",
                        "allocation-mismatch", "refund-mismatch", "missing-refund", "ledger-mismatch",
                        "outstanding-balance", "unknown-entry-type"]
        // Beyond the table: a refund not yet due (info), so a customer asking early is told to wait.
        let extensions = ["refund-pending"]
        #expect(Set(pack.rules.map(\.id)) == Set(causes + findings + extensions))
        #expect(Set(pack.rules.filter { $0.kind == .cause }.map(\.id)) == Set(causes))
    }
}
