import Foundation
import Testing
@testable import Explainer

/// The functions rule authors get besides CEL's own, as `credits expr` shows their values.
struct RuleFunctionTests {
    @Test(arguments: [
        ("fmtTime(entries[0].at)", nil, "\"Nov 20, 10:14 AM CST\""),
        ("fmtDate(entries[0].at)", nil, "\"Nov 20\""),
        ("fmtClock(entries[0].at)", nil, "\"10:14 AM CST\""),
        ("fmtClock(entries[0].at)", "Europe/Berlin", "\"5:14 PM CET\""),
        ("fmtClock(timestamp(\"2026-07-01T12:00:00Z\"))", "Europe/Berlin", "\"2:00 PM CEST\""),
        ("signed(-88) + ' ' + signed(50) + ' ' + signed(0)", nil, "\"-88 +50 0\""),
        ("plural(1, 'token') + ', ' + plural(88, 'token')", nil, "\"1 token, 88 tokens\""),
        ("capitalize('growth')", nil, "\"Growth\""),
    ] as [(String, String?, String)])
    func functionsWriteValuesAsAPersonReadsThem(_ expression: String, _ zone: String?, _ value: String) throws {
        let snapshot = try Support.snapshot(Support.summerPromo)
        let query = try ExplainQuery.resolve(snapshot: snapshot, expected: 200, timeZone: zone)
        #expect(try Support.builtinPack().evaluate(expression, snapshot: snapshot, query: query) == value)
    }
}

/// A rendered message is one line with single spaces, whatever the YAML and the holes left.
struct MessageWhitespaceTests {
    @Test(arguments: [
        ("Your plan renewed.\n  +325 tokens\nlanded.", "Your plan renewed. +325 tokens landed."),
        ("Creative  'Summer Promo'  cost 88.", "Creative 'Summer Promo' cost 88."),
        ("  edges \t ", "edges"),
        ("", ""),
        ("a\r\nb\u{0B}c\u{0C}d", "a b c d"),
        ("Café  à\n  Zürich ", "Café à Zürich"),                 // not ASCII: the general way
        ("Lumen\u{2028}Dental\u{85}Studio", "Lumen Dental Studio"),
        (" \n\t ", ""),
    ])
    func runsOfWhitespaceCollapse(_ text: String, _ collapsed: String) {
        #expect(MessageTemplate.collapsingWhitespace(text) == collapsed)
    }

    @Test func anEmptyHoleLeavesNoDoubleSpace() throws {
        var files = Support.builtinFiles
        files["findings/note-check.yaml"] = """
            id: note-check
            kind: finding
            severity: info
            title: Note check
            when: entry.amount == -88
            message: >-
              The charge {{ entry.note }} of {{ -entry.amount }} tokens
                (indented more, so YAML keeps a newline)
              is here.
            examples:
              - name: the summer promo
                snapshot: ../examples/summer.yaml
                query: { expected: 200 }
                expect:
                  fires: true
                  message: The charge of 88 tokens (indented more, so YAML keeps a newline) is here.
            """
        files["examples/summer.yaml"] = Support.summerPromo
        let pack = try RulePack.load(RuleFiles(folder: "Rules", files: files))
        let snapshot = try Support.snapshot(Support.summerPromo)
        let explanation = Explainer(pack: pack).explain(snapshot, try ExplainQuery.resolve(snapshot: snapshot, expected: 200))
        #expect(explanation.findings.first { $0.rule == "note-check" }?.text
                == "The charge of 88 tokens (indented more, so YAML keeps a newline) is here.")
    }
}
