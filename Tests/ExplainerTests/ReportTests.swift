import Ledger
import Testing
@testable import Explainer

/// The three layouts of a report and the ticket, compared whole.
struct ReportTests {
    /// The built-in pack plus a warning finding on every -88 charge, to see a suspicious answer.
    static func packWithFinding() throws -> RulePack {
        var files = Support.builtinFiles
        files["findings/odd-charge.yaml"] = """
            id: odd-charge
            kind: finding
            severity: warning
            title: Odd charge
            when: entry.amount == -88
            message: "The charge of {{ -entry.amount }} tokens on {{ entry.at }} looks odd."
            advice: ["Ask support about {{ entry.id }}."]
            examples:
              - name: the summer promo
                snapshot: ../examples/summer.yaml
                query: { expected: 200 }
                expect: { fires: true, entries: [e-1043], status: suspicious }
            """
        files["examples/summer.yaml"] = Support.summerPromo
        return try RulePack.load(RuleFiles(folder: "Rules", files: files))
    }

    static func explanation(expected: Int, pack: RulePack? = nil) throws -> Explanation {
        let snapshot = try Support.snapshot(Support.summerPromo)
        let query = try ExplainQuery.resolve(snapshot: snapshot, expected: expected)
        return Explainer(pack: try pack ?? Support.builtinPack()).explain(snapshot, query)
    }

    @Test func textOfAnExplainedDifference() throws {
        #expect(TextReport().render(try Self.explanation(expected: 200)) == """
            Your balance is 88 tokens lower than you expected; the log explains all of it.
            Acme Coffee (acme): you expected 200 tokens and see 112.
            Period looked at: Oct 20 to Nov 24, 9:00 AM CST (the last 35 days).

            What happened:
              - Submission still in production (-88). 'Summer Promo' was submitted on Nov 20, 10:14 AM CST and
                took 88 tokens (40 base + 6 clips x 8 s of Product Showcase = 48 deposit). Its video is still in
                production: tokens are taken at submit time, not at delivery.
                  Nov 20, 10:14 AM CST  Submission  -88  e-1043

            Your balance was 200 on Oct 20, 10:00 AM CDT.

            How the balance moved in this period:
              Opening balance  200
              Submissions (1)  -88
              Closing balance  112

            What to check next:
              - Cross-check the creatives still in production on the client's page; each one has already been
                paid for, even if its video has not arrived yet.

            """)
    }

    @Test func textOfAPartialAnswer() throws {
        let text = TextReport().render(try Self.explanation(expected: 250))
        #expect(text.hasPrefix("Your balance is 138 tokens lower than you expected; the log explains 88 of it, and 50 are still\nunexplained.\n"))
        #expect(text.contains("\nStill unexplained: -50 tokens.\n"))
        #expect(text.contains("  - If that does not settle it, run `credits ticket` with the same options and send its text to your\n    account manager.\n"))
    }

    @Test func textWhenNothingIsMissing() throws {
        #expect(TextReport().render(try Self.explanation(expected: 112)) == """
            Your balance is what you expected (112 tokens).
            Acme Coffee (acme): you expected 112 tokens and see 112.
            Period looked at: Oct 20 to Nov 24, 9:00 AM CST (the last 35 days).

            How the balance moved in this period:
              Opening balance  200
              Submissions (1)  -88
              Closing balance  112

            """)
    }

    @Test func markdownOfAnExplainedDifference() throws {
        #expect(MarkdownReport().render(try Self.explanation(expected: 200)) == """
            **Your balance is 88 tokens lower than you expected; the log explains all of it.**

            Acme Coffee (acme): you expected 200 tokens and see 112. Period looked at: Oct 20 to Nov 24, 9:00 AM CST (the last 35 days).

            ### What happened

            - **Submission still in production** (-88): 'Summer Promo' was submitted on Nov 20, 10:14 AM CST and took 88 tokens (40 base + 6 clips x 8 s of Product Showcase = 48 deposit). Its video is still in production: tokens are taken at submit time, not at delivery.

              | When | Type | Amount | Entry |
              | --- | --- | ---: | --- |
              | Nov 20, 10:14 AM CST | Submission | -88 | `e-1043` |

            Your balance was 200 on Oct 20, 10:00 AM CDT.

            ### How the balance moved in this period

            | | Tokens |
            | --- | ---: |
            | Opening balance | 200 |
            | Submissions (1) | -88 |
            | Closing balance | 112 |

            ### What to check next

            - Cross-check the creatives still in production on the client's page; each one has already been paid for, even if its video has not arrived yet.

            """)
    }

    @Test func jsonOfASuspiciousAnswerCarriesTheTicket() throws {
        let explanation = try Self.explanation(expected: 200, pack: try Self.packWithFinding())
        #expect(explanation.status == .suspicious)
        let ticket = SupportTicket(command: "credits explain --snapshot s.yaml --expected 200").text(explanation)
        #expect(JSONReport(ticket: ticket).render(explanation) == """
            {
              "version": 1,
              "client": {
                "id": "acme",
                "name": "Acme Coffee"
              },
              "expected": 200,
              "actual": 112,
              "delta": -88,
              "window": {
                "since": "2026-10-20T15:00:00Z",
                "until": "2026-11-24T15:00:00Z"
              },
              "status": "suspicious",
              "explained": -88,
              "unexplained": 0,
              "hypotheses": [
                {
                  "rank": 1,
                  "score": 0.75,
                  "confidence": "high",
                  "explained": -88,
                  "unexplained": 0,
                  "causes": [
                    {
                      "rule": "in-flight-submissions",
                      "title": "Submission still in production",
                      "amount": -88,
                      "entries": [
                        "e-1043"
                      ],
                      "text": "'Summer Promo' was submitted on Nov 20, 10:14 AM CST and took 88 tokens (40 base + 6 clips x 8 s of Product Showcase = 48 deposit). Its video is still in production: tokens are taken at submit time, not at delivery."
                    }
                  ]
                }
              ],
              "coincidences": [],
              "findings": [
                {
                  "rule": "odd-charge",
                  "severity": "warning",
                  "entries": [
                    "e-1043"
                  ],
                  "text": "The charge of 88 tokens on Nov 20, 10:14 AM CST looks odd."
                }
              ],
              "bridge": {
                "since": "2026-10-20T15:00:00Z",
                "until": "2026-11-24T15:00:00Z",
                "opening": 200,
                "closing": 112,
                "lines": [
                  {
                    "kind": "submission",
                    "label": "Submissions",
                    "count": 1,
                    "amount": -88
                  }
                ]
              },
              "balance_was": {
                "at": "2026-10-20T15:00:00Z",
                "after_entry": null
              },
              "stopped_early": false,
              "rules_stopped": null,
              "ticket": \(JSONValue.string(ticket).rendered())
            }

            """)
    }

    @Test func ticketNamesTheWrongEntriesAndTheCommand() throws {
        let explanation = try Self.explanation(expected: 200, pack: try Self.packWithFinding())
        #expect(SupportTicket(command: "credits explain --snapshot s.yaml --expected 200").text(explanation) == """
            Credit balance question: Acme Coffee (acme)

            Client: Acme Coffee (acme)
            Balance expected: 200 tokens
            Balance seen: 112 tokens (88 lower than expected)
            Window: Oct 20, 10:00 AM CDT to Nov 24, 9:00 AM CST
            Status: suspicious: 1 thing looks wrong; the log accounts for all of -88
            Balance history: Your balance was 200 on Oct 20, 10:00 AM CDT.
            How the balance moved: Opening balance 200; Submissions (1) -88; Closing balance 112

            Entries that look wrong:
              - Odd charge: The charge of 88 tokens on Nov 20, 10:14 AM CST looks odd.
                  Nov 20, 10:14 AM CST  Submission  -88  e-1043

            What the log already explains:
              - Submission still in production (-88): 'Summer Promo' was submitted on Nov 20, 10:14 AM CST and took 88 tokens (40 base + 6 clips x 8 s of Product Showcase = 48 deposit). Its video is still in production: tokens are taken at submit time, not at delivery.
                  Nov 20, 10:14 AM CST  Submission  -88  e-1043

            Earlier reports with no correction on the log:
              none

            Reproduce with:
              credits explain --snapshot s.yaml --expected 200

            """)
    }
}
