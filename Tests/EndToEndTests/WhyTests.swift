import Foundation
import Testing

/// `credits explain --why [RULE]` run as a support agent would.
struct WhyTests {
    static let copper = "seeds/examples/copper-kettle-auto-reload.yaml"

    static func explain(_ extra: [String], expected: Int = 123) throws -> BinaryRunner.Output {
        try BinaryRunner.run(["explain", "--snapshot", copper, "--expected", "\(expected)"] + extra)
    }

    /// "Why isn't the auto reload in the answer?": the reloads came before the moment the balance
    /// was the number the customer expected, where the answer starts.
    @Test func whyTheAutoReloadIsNotInTheAnswer() throws {
        let output = try Self.explain(["--why", "auto-reload"])
        #expect(output.status == 0)
        let why = try #require(output.stdout.range(of: "\nWhy: rule auto-reload").map { String(output.stdout[$0.upperBound...]) })
        #expect(why.hasPrefix(" (Auto reload topped up the balance): fired on 9 entries; 9 causes, 0 in the first hypothesis\n"))
        #expect(why.contains("\n    - entry e-7780 (Admin adjustment +40, Oct 22, 11:30 AM EDT) is not an auto reload: `entry.type` is \"admin_adjustment\"\n"))
        #expect(why.contains("\n    - entry e-7820 (Auto reload +50, Nov 6, 2:47 PM EST): `entry.paired_reloads[0]` is \"e-7819\", not equal to `entry.id` (\"e-7820\")\n"))
        #expect(why.contains("\n    - and 14 more entries\n"))
        #expect(why.contains("\n    - `entry.type == \"auto_reload\"` (Rules/causes/auto-reload.yaml:7:7): false for 22 entries\n"))
        #expect(why.hasSuffix("""
                - +100 (claiming e-7866, e-7867): left out: it came before the balance was 123 (Nov 23, 2:22 PM EST, after e-7867), \
            where the first hypothesis starts: the difference is what moved since then

            """))
    }

    @Test func withoutARuleEachRuleHasOneLine() throws {
        let output = try Self.explain(["--why"], expected: 23)
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "Why each rule did or did not fire"))
        let rules = lines[(start + 1)...].filter { !$0.isEmpty }
        #expect(rules.count == 24)
        #expect(rules.contains("  - auto-reload: fired on 9 entries; 9 causes, 1 in the first hypothesis"))
        #expect(rules.contains("  - plan-token-reset: did not fire in the window; it holds for 1 unrecorded movement outside it, the latest movement expiry:e-7723 (-41, Sep 30, 6:00 AM EDT)"))
        #expect(rules.contains { $0.hasPrefix("  - manual-top-up: did not fire: `entry.type == \"manual_top_up\"` is false for all 34 entries; e.g. entry e-7780") })
    }

    /// The JSON contract has `"trace"` when --why is given, and only then.
    @Test func jsonHasATraceOnlyWhenAsked() throws {
        let plain = try Self.explain(["--format", "json"])
        let plainObject = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        #expect(plainObject["trace"] == nil)
        let asked = try Self.explain(["--format", "json", "--why", "auto-reload"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(asked.stdout.utf8)) as? [String: Any])
        let trace = try #require(object["trace"] as? [[String: Any]])
        #expect(trace.count == 1)
        #expect(trace[0]["rule"] as? String == "auto-reload")
        #expect((trace[0]["verdict"] as? [String: Any])?["kind"] as? String == "fired")
        let items = try #require(trace[0]["items"] as? [[String: Any]])
        #expect(items.count == 20)
        let parts = try #require(items[0]["false_parts"] as? [[String: Any]])
        #expect(parts[0]["expression"] as? String == #"entry.type == "auto_reload""#)
        #expect((parts[0]["values"] as? [[String: String]]) == [["expression": "entry.type", "value": #""admin_adjustment""#]])
        let candidates = try #require(trace[0]["candidates"] as? [[String: Any]])
        #expect(candidates.last?["search"] as? String == "before_balance")
        #expect(candidates.last?["after_entry"] as? String == "e-7867")
        let all = try Self.explain(["--format", "json", "--why"])
        let everyRule = try #require((try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])?["trace"] as? [[String: Any]])
        #expect(everyRule.count == 24 && everyRule.allSatisfy { $0["items"] == nil && $0["text"] is String })
    }

    @Test func markdownPutsTheTraceUnderAHeading() throws {
        let output = try Self.explain(["--format", "markdown", "--why", "cycle-renewal"])
        #expect(output.stdout.contains("\n### Why: rule cycle-renewal (Plan renewed): fired on 1 entry; 1 cause, 0 in the first hypothesis\n- It looked at 34 entries"))
    }

    @Test(arguments: [
        (["--why", "nope"], "error: --why: no rule 'nope' in the rule pack (its rules: admin-adjustment, allocation-mismatch, auto-reload,"),
        (["auto-reload"], "Error: unexpected argument 'auto-reload' (a rule id goes after --why)"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let output = try Self.explain(arguments)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix(message))
    }
}
