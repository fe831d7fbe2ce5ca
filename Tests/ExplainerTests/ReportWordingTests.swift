import Foundation
import Ledger
import Testing
@testable import Explainer

/// The pieces of a report's wording: wrapping, the period, the ticket's status line,
/// the entries under a cause, and how other answers are told apart.
struct ReportWordingTests {
    @Test(arguments: [
        ("submitted on Nov 24, 10:14 AM CST and took", ["submitted", "on", "Nov 24, 10:14 AM CST", "and", "took"]),
        ("From 9:12 AM to 5:20 PM CET, persona", ["From", "9:12 AM", "to", "5:20 PM CET,", "persona"]),
        ("on Dec 31, 2025, 5:59 PM CST.", ["on", "Dec 31, 2025, 5:59 PM CST."]),
        ("at 6:00 AM GMT+5:30 today", ["at", "6:00 AM GMT+5:30", "today"]),
        ("the plans (325 - 150 = +175 tokens a cycle)", ["the", "plans", "(325 - 150 = +175", "tokens", "a", "cycle)"]),
        ("(-88, Nov 23) = +12", ["(-88, Nov 23) = +12"]),
        ("charged (-2, Nov 21) + Unused", ["charged", "(-2, Nov 21) + Unused"]),
        ("= -88 (less likely)", ["= -88", "(less likely)"]),
        ("May I ask", ["May I", "ask"]),   // a month name glues what follows: harmless, a line breaks elsewhere
    ])
    func wrappingKeepsTimesAndSumsWhole(_ text: String, _ words: [String]) {
        #expect(TextReport.words(text) == words)
    }

    @Test func aTimeAtTheEndOfALineMovesWhole() {
        let text = String(repeating: "word ", count: 17) + "on Nov 24, 10:14 AM CST and took 88 tokens (325 - 150 = +175)."
        #expect(TextReport().wrap(text, indent: "    ", first: "  - ") == """
              - word word word word word word word word word word word word word word word word word on
                Nov 24, 10:14 AM CST and took 88 tokens (325 - 150 = +175).

            """)
    }

    @Test(arguments: [
        (nil, nil, "Oct 20 to Nov 24, 9:00 AM CST (the last 35 days)"),
        ("7d", nil, "Nov 17 to Nov 24, 9:00 AM CST (the last 7 days)"),
        ("48h", nil, "Nov 22 to Nov 24, 9:00 AM CST (the last 2 days)"),
        ("24h", nil, "Nov 23, 9:00 AM CST to Nov 24, 9:00 AM CST (the last day)"),
        ("30h", nil, "Nov 23, 3:00 AM CST to Nov 24, 9:00 AM CST (the last 30 hours)"),
        ("6h", nil, "Nov 24, 3:00 AM CST to 9:00 AM CST (the last 6 hours)"),
        ("2026-11-23", "2026-11-24", "Nov 23, 12:00 AM CST to Nov 24, 12:00 AM CST (1 day)"),
        ("2026-11-20", nil, "Nov 20 to Nov 24, 9:00 AM CST (about 4 days)"),
        ("2026-11-01", "2026-11-21", "Nov 1 to Nov 21, 12:00 AM CST (20 days)"),   // Nov 1: the end of daylight time
    ] as [(String?, String?, String)])
    func thePeriodInWords(_ since: String?, _ until: String?, _ period: String) throws {
        let snapshot = try Support.snapshot(Support.summerPromo)
        let query = try ExplainQuery.resolve(snapshot: snapshot, expected: 200, since: since, until: until)
        #expect(ReportContent.period(query) == period)
    }

    @Test(arguments: [
        (200, "explained: the log accounts for all of -88"),
        (250, "partly explained: the log accounts for -88 of -138, -50 unexplained"),
        (50, "unexplained: the log accounts for none of +62"),
        (112, "no difference: the balance is what was expected"),
    ])
    func theTicketStatesTheStatusForTheAgent(_ expected: Int, _ status: String) throws {
        #expect(ReportContent.status(try ReportTests.explanation(expected: expected)) == status)
    }

    @Test func aSuspiciousStatusCountsWhatLooksWrong() throws {
        let explanation = try ReportTests.explanation(expected: 200, pack: try ReportTests.packWithFinding())
        #expect(ReportContent.status(explanation) == "suspicious: 1 thing looks wrong; the log accounts for all of -88")
    }

    static func example(_ name: String, expected: Int) throws -> Explanation {
        let text = try String(contentsOf: Support.root.appendingPathComponent("seeds/examples/\(name).yaml"), encoding: .utf8)
        let snapshot = try Support.snapshot(text)
        return Explainer(pack: try Support.builtinPack()).explain(snapshot, try ExplainQuery.resolve(snapshot: snapshot, expected: expected))
    }

    @Test func anExpiryShowsItsMovementAndTheRenewalForReference() throws {
        let explanation = try Self.example("lumen-dental-renewal", expected: 907)
        let cause = try #require(explanation.hypotheses.first?.causes.first)
        #expect(TextReport.entryTable(ReportContent.lines(of: cause, explanation), indent: "") == """
            Nov 24, 6:00 AM IST  Plan tokens expired  -119  no log entry
            Nov 24, 6:00 AM IST  Plan allocation      +575  e-18983       (for reference)

            """)
    }

    @Test func otherAnswersNameTheirCreativesAndTheCoincidence() throws {
        let content = ReportContent(try Self.example("bluebird-bakery-in-flight", expected: 200))
        #expect(content.alternatives.first == "Submission for 'Cinnamon Roll Close-Up (cut 2)' (-88, Nov 23) = -88")
        #expect(content.alternativesNote
            == "The explanation above ranks first because it starts where your balance really was 200 (Nov 24, 12:06 AM CST).")
        #expect(content.coincidences.first == "Extra showcase seconds charged for 'Pecan Pie Preorders (cut 2)' (-2, Nov 21)"
            + " + Submission for 'Cinnamon Roll Close-Up (cut 2)' (-88, Nov 23)"
            + " + Unused showcase seconds refunded for 'Cinnamon Roll Close-Up (cut 2)' (+2, Nov 24) = -88")
    }

    @Test func aCauseWithoutACreativeIsNamedByItsEntry() throws {
        let explanation = try Self.example("saltbush-wines-upgrade", expected: 64)
        let renewal = try #require(explanation.coincidences.first?.causes.last)
        #expect(ReportContent.describe(renewal, explanation) == "Plan renewed (+150, Nov 3, e-9995)")
    }
}

/// Entries under a cause that counts only part of them, and answers that would read the same.
struct ReportEntryWordingTests {
    @Test func aChargeCountedInPartSaysHowMuch() throws {
        let explanation = try ReportTests.explanation(expected: 160)
        let cause = try #require(explanation.hypotheses.first?.causes.first)
        #expect(cause.rule == "showcase-deposit")
        #expect(TextReport.entryTable(ReportContent.lines(of: cause, explanation), indent: "") == """
            Nov 20, 10:14 AM CST  Submission  -88  e-1043  (-48 of it counted)

            """)
    }

    static let chargedTwice = """
        snapshot_version: 1
        generated_at: 2026-11-24T15:00:00Z
        client: { id: acme, name: Acme Coffee, timezone: America/Chicago, plan: growth,
                  billing_anchor: 2026-10-15, balance: 24 }
        opening: { plan_tokens: 200, rollover_tokens: 0 }
        entries:
          - { id: e-1, at: 2026-11-20T10:14:00-06:00, type: submission, amount: -88, creative: cr-77 }
          - { id: e-2, at: 2026-11-20T10:14:00-06:00, type: submission, amount: -88, creative: cr-77 }
        creatives:
          - { id: cr-77, title: Summer Promo, submitted_at: 2026-11-20T10:14:00-06:00,
              status: in_flight, clips: [8, 8, 8, 8, 8, 8] }
        """

    /// The duplicate is what a finding says is wrong: it comes first, the other charge after it.
    @Test func aDuplicateChargeComesBeforeTheChargeItRepeats() throws {
        let explanation = try Support.explain(Self.chargedTwice, expected: 112)
        #expect(explanation.hypotheses.first?.causes.map(\.rule) == ["duplicate-charge"])
        #expect(ReportContent(explanation).alternatives == ["Submission still in production for 'Summer Promo' (-88, Nov 20) = -88"])
    }

    @Test func answersThatWouldReadTheSameNameTheirEntries() throws {
        let explanation = try Support.explain(Self.chargedTwice, expected: 200)
        #expect(ReportContent(explanation).coincidences.isEmpty)
        #expect(ReportContent(explanation).alternatives == ["Creative charged more than once for 'Summer Promo' (-88, Nov 20)"
            + " + Submission still in production for 'Summer Promo' (-88, Nov 20, e-1) = -176"])
    }
}

/// The article's checklist, added when the log does not explain everything, asks nothing twice.
struct ReportChecklistTests {
    @Test func theChecklistLeavesOutWhatTheAdviceAlreadyAsks() throws {
        #expect(ReportContent.nextSteps(try ReportTests.explanation(expected: 250)) == [
            "Cross-check the creatives still in production on the client's page; each one has already been paid for, even if its video has not arrived yet.",
            "Confirm you are looking at the right client's log: each client has its own balance (/dashboard/clients/acme/credits).",
            "Read the ten most recent entries, top to bottom.",
            "Cross-check the billing cycle date and the auto reload setting on the client's settings page.",
            "If that does not settle it, run `credits ticket` with the same options and send its text to your account manager.",
        ])
    }

    @Test func withoutAdviceTheWholeChecklistIsThere() throws {
        let steps = ReportContent.nextSteps(try ReportTests.explanation(expected: 50))
        #expect(steps.contains("Cross-check the creatives still in production, the billing cycle date and the auto reload setting on the client's settings page."))
        #expect(steps.contains("Read the ten most recent entries, top to bottom."))
    }
}
