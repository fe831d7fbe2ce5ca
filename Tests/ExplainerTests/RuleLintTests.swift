import Testing
@testable import Explainer

/// `credits rules lint` must point into the rule file, at the line and column of the
/// mistake, whatever YAML style the expression is written in.
struct RuleLintTests {
    /// A valid rule around `body` (the lines from line 5 on), with a valid example.
    static func rule(_ body: String) -> [String: String] {
        let text = """
            id: x
            kind: cause
            title: X
            for: entries
            \(body)
            examples:
              - name: tiny
                snapshot: ../examples/tiny.yaml
                query: { expected: 200 }
                expect: { fires: true }
            """
        return ["causes/x.yaml": text, "examples/tiny.yaml": Support.summerPromo]
    }

    static let plainMessage = "message: ok"

    @Test(arguments: [
        ("plain scalar", "when: entry.amout < 0\n" + plainMessage,
         "Rules/causes/x.yaml:5:12: error: no such field 'amout' on type 'Entry' (did you mean 'amount'?)"),
        ("single-quoted scalar, after a doubled quote", "when: 'entry.note == ''x'' && entry.amout < 0'\n" + plainMessage,
         "Rules/causes/x.yaml:5:36: error: no such field 'amout' on type 'Entry' (did you mean 'amount'?)"),
        ("double-quoted scalar, after escapes", "when: \"entry.note == \\\"x\\\" && entry.amout < 0\"\n" + plainMessage,
         "Rules/causes/x.yaml:5:36: error: no such field 'amout' on type 'Entry' (did you mean 'amount'?)"),
        ("literal block, second line, more indented", "when: |\n  entry.type == \"submission\" &&\n    entry.amout < 0\n" + plainMessage,
         "Rules/causes/x.yaml:7:10: error: no such field 'amout' on type 'Entry' (did you mean 'amount'?)"),
        ("folded block, second line", "when: >-\n  entry.type == \"submission\"\n  && entry.amout < 0\n" + plainMessage,
         "Rules/causes/x.yaml:7:11: error: no such field 'amout' on type 'Entry' (did you mean 'amount'?)"),
        ("anchored plain scalar", "when: &w entry.amout < 0\n" + plainMessage,
         "Rules/causes/x.yaml:5:15: error: no such field 'amout' on type 'Entry' (did you mean 'amount'?)"),
        ("message hole", "when: true\nmessage: Paid {{ entry.amuont }} tokens",
         "Rules/causes/x.yaml:6:23: error: no such field 'amuont' on type 'Entry' (did you mean 'amount'?)"),
        ("message hole in a folded block", "when: true\nmessage: >-\n  Paid {{ -entry.amount }}\n  on {{ entry.dya }}",
         "Rules/causes/x.yaml:8:14: error: no such field 'dya' on type 'Entry'"),
        ("claims as a YAML list", "when: true\nclaims: [entry.idd]\n" + plainMessage,
         "Rules/causes/x.yaml:6:15: error: no such field 'idd' on type 'Entry' (did you mean 'id'?)"),
        ("syntax error", "when: entry.amount <\n" + plainMessage,
         "Rules/causes/x.yaml:5:21: error: unexpected end of input, expected an expression"),
    ])
    func misspeltFieldIsReportedWhereItIsWritten(_ style: String, _ body: String, _ expected: String) {
        #expect(Support.problems(Self.rule(body)) == [expected], "\(style)")
    }

    /// A per-entry condition that reads every entry for each entry costs the log's size
    /// squared: over a 100,000-entry log, more than a question's whole budget, so it is
    /// refused at the comprehension (issue 13).
    @Test func aConditionThatScansTheLogPerEntryIsRefused() {
        let body = "when: entry.type == 'auto_reload' && entries.exists(e, e.id == entry.paired_charge)\n" + Self.plainMessage
        #expect(Support.problems(Self.rule(body)) == [
            "Rules/causes/x.yaml:5:38: error: 'when' may cost about 60000600000 evaluation steps over a log of 100000 entries, "
                + "more than the 100000000 a question may spend on all its rules; a list read in full inside another list's "
                + "comprehension is the usual cause: look items up by id, or count them once",
        ])
    }

    /// A per-entry message that reads a whole list loads (a message is written once per
    /// group, within budget), with a warning at the expression; looking up by id, or
    /// reading the list in a rule about the client, does not warn.
    @Test(arguments: [
        ("when: true\nmessage: for {{ creatives.filter(c, c.id == entry.creative).map(c, c.title) }}",
         ["Rules/causes/x.yaml:6:17: warning: 'message' reads all of 'creatives' for each entry it looks at, which over a long window "
          + "is slow (the list times itself); look items up by id instead, with creatives_by_id[...]"]),
        ("when: entry.paired_charge in entries_by_id && entry.creative in creatives_by_id\n" + plainMessage, []),
    ])
    func scansOfAWholeListPerItemWarn(_ body: String, _ expected: [String]) throws {
        let pack = try RulePack.load(RuleFiles(folder: "Rules", files: Self.rule(body)), fallbackPolicy: Support.policyText)
        #expect(pack.warnings.map(\.headline) == expected)
    }

    @Test func aRuleAboutTheClientMayReadEveryEntry() throws {
        var files = Self.rule("when: entries.exists(e, e.amount < -1000)\n" + Self.plainMessage)
        files["causes/x.yaml"] = files["causes/x.yaml"]!.replacingOccurrences(of: "for: entries", with: "for: client")
            .replacingOccurrences(of: "kind: cause", with: "kind: finding\nseverity: info")
        let pack = try RulePack.load(RuleFiles(folder: "Rules", files: files), fallbackPolicy: Support.policyText)
        #expect(pack.warnings.isEmpty)
    }
}
