import Foundation
import Testing
@testable import Explainer

/// The judgment: stories over coincidences, confidence, and why the first ranks first.
struct StorySearchTests {
    /// A cause of rule `rule`, claiming its own movement `m-name` (or `claims`), on `day`.
    static func cause(_ name: String, _ amount: Int, rule: String? = nil, story: StoryRole = .alone, weight: Double = 0.7,
                      day: Int = 30, entries: [String] = [], links: [String] = [], claims: [(String, Int)]? = nil,
                      isPart: Bool = false, order: Int) -> Cause {
        let claims = (claims ?? [("m-\(name)", amount)]).map { Claim(movement: $0.0, amount: $0.1) }
        return Cause(rule: rule ?? name, title: name, amount: amount, claims: claims, entries: entries, text: name,
                     weight: weight, latest: Date(timeIntervalSince1970: Double(day) * 86_400), order: order,
                     story: story, isPart: isPart, links: links)
    }

    static func run(_ causes: [Cause], delta: Int, movements: [String: Int] = [:]) -> StorySearch.Result {
        var held = movements
        for cause in causes { for claim in cause.claims where held[claim.movement] == nil { held[claim.movement] = claim.amount } }
        return StorySearch(top: 3, budget: 400_000).run(causes, movements: held, delta: delta,
                                                       since: Date(timeIntervalSince1970: 0),
                                                       until: Date(timeIntervalSince1970: 35 * 86_400))
    }

    /// Each answer as `a+b=sum/confidence`.
    static func summary(_ answers: [Hypothesis]) -> [String] {
        answers.map { h in h.causes.map(\.title).sorted().joined(separator: "+") + "=\(h.explained)/\(h.confidence.rawValue)" }
    }

    @Test func oneWholeStoryRanksAboveAnyPair() {
        let causes = [Self.cause("old-submission", -88, weight: 0.6, day: 2, order: 0),
                      Self.cause("renewal", 150, weight: 0.8, order: 1), Self.cause("top-up", -238, weight: 0.7, order: 2)]
        let result = Self.run(causes, delta: -88)
        #expect(Self.summary(result.hypotheses) == ["old-submission=-88/high", "renewal+top-up=-88/medium"])
        #expect(result.hypotheses[0].reason == .oneMistake)
    }

    @Test func unrelatedCausesThatAddUpAreCoincidences() {
        let causes = [Self.cause("a", -40, order: 0), Self.cause("b", -30, order: 1), Self.cause("c", -18, order: 2)]
        let result = Self.run(causes, delta: -88)
        #expect(result.hypotheses.isEmpty)
        #expect(Self.summary(result.coincidences) == ["a+b+c=-88/low"])
    }

    @Test func severalUnrelatedPairsReachingTheDifferenceAreCoincidences() {
        let causes = [Self.cause("a", -50, order: 0), Self.cause("b", -38, order: 1),
                      Self.cause("c", -60, order: 2), Self.cause("d", -28, order: 3)]
        let result = Self.run(causes, delta: -88)
        #expect(result.hypotheses.isEmpty)
        #expect(Set(Self.summary(result.coincidences)) == ["a+b=-88/low", "c+d=-88/low"])
    }

    @Test func aReloadTheChargeItPaidForAndThatCreativesRefundAreOneStory() {
        // The reload cites the charge; the charge and its refund share the creative's link.
        let causes = [Self.cause("reload", 100, entries: ["r-1", "c-1"], claims: [("r-1", 100)], order: 0),
                      Self.cause("charge", -88, entries: ["c-1"], links: ["cr-1"], claims: [("c-1", -88)], order: 1),
                      Self.cause("refund", 6, entries: ["f-1"], links: ["cr-1"], claims: [("f-1", 6)], order: 2),
                      Self.cause("other-a", 10, order: 3), Self.cause("other-b", 8, order: 4)]
        let result = Self.run(causes, delta: 18)
        #expect(Self.summary(result.hypotheses) == ["charge+refund+reload=18/high", "other-a+other-b=18/medium"])
        #expect(result.hypotheses[0].stories == [.linked])
    }

    @Test func anIdManyCausesRestOnLinksNoneOfThem() {
        // Five charges on one creative link nothing: a chain through it would be a guess.
        // (Through an id of four they would: three of them would be a linked story of -30.)
        let charges = (0..<5).map { Self.cause("charge-\($0)", -10, links: ["cr-1"], order: $0) }
        let result = Self.run(charges, delta: -30)
        #expect(result.hypotheses.allSatisfy { $0.stories != [.linked] })
        let four = Self.run(Array(charges.prefix(4)), delta: -30)
        #expect(four.hypotheses.first?.stories == [.linked])
    }

    @Test func aChargeAndTheReloadItTriggeredAreOneStory() {
        let causes = [Self.cause("reload", 100, entries: ["r-1", "c-1"], claims: [("r-1", 100)], order: 0),
                      Self.cause("charge", -88, entries: ["c-1"], claims: [("c-1", -88)], order: 1),
                      Self.cause("other-reload", 100, order: 2), Self.cause("other-charge", -88, day: 3, order: 3)]
        let result = Self.run(causes, delta: 12)
        #expect(Self.summary(result.hypotheses).first == "charge+reload=12/high")
        #expect(result.hypotheses[0].stories == [.linked])
    }

    @Test func everyDepositSinceAMomentIsOneStoryAndOneDepositIsNoFiller() {
        // Three charges of -88 whose deposits (-48) a customer who thought they cost 40 missed.
        let causes = (0..<3).map { k in
            Self.cause("deposit-\(k)", -48, rule: "showcase-deposit", story: .since, weight: 0.6, day: 10 + k,
                       claims: [("c-\(k)", -48)], isPart: true, order: k)
        } + [Self.cause("adjustment", -10, order: 3)]
        let movements = ["c-0": -88, "c-1": -88, "c-2": -88]
        let result = Self.run(causes, delta: -96, movements: movements)
        #expect(Self.summary(result.hypotheses) == ["deposit-1+deposit-2=-96/high"])
        #expect(result.hypotheses[0].stories == [.since])
        // One deposit with something unrelated is never offered.
        #expect(Self.run(causes, delta: -58, movements: movements).hypotheses.isEmpty)
    }

    @Test func aStoryFromWhereTheBalanceWasRanksFirstAndSaysSo() {
        let causes = [Self.cause("renewal", 150, weight: 0.8, day: 20, order: 0),
                      Self.cause("charge", -62, day: 25, order: 1), Self.cause("refund", 88, day: 5, order: 2)]
        let moment = BalanceHistory.Moment(at: Date(timeIntervalSince1970: 19 * 86_400), afterEntry: "e-9", balance: 300, nextRow: 0)
        let balance = StorySearch.BalanceStory(moment: moment, members: [0, 1], movements: ["m-renewal", "m-charge"], weight: 0.75)
        var held: [String: Int] = [:]
        for cause in causes { for claim in cause.claims { held[claim.movement] = claim.amount } }
        let result = StorySearch(top: 3, budget: 400_000).run(causes, movements: held, delta: 88,
                                                              since: Date(timeIntervalSince1970: 0),
                                                              until: Date(timeIntervalSince1970: 35 * 86_400), balance: balance)
        #expect(Self.summary(result.hypotheses) == ["charge+renewal=88/high", "refund=88/high"])
        #expect(result.hypotheses[0].startsAtBalance)
        #expect(result.hypotheses[0].reason == .startsAtBalance(balance: 300, at: moment.at))
    }

    @Test func everyCandidateSaysWhereItEnded() {
        let causes = [Self.cause("in-flight", -88, order: 0), Self.cause("a", -40, order: 1),
                      Self.cause("b", -48, order: 2), Self.cause("unused", 5, order: 3)]
        let result = Self.run(causes, delta: -88)
        // a + b is two stories at once, the only pair that reaches -88: a hypothesis, second.
        #expect(result.placements == [.hypothesis(rank: 1), .hypothesis(rank: 2), .hypothesis(rank: 2), .unused])
    }

    /// The budget bounds every path: a difference of 10^12 and hundreds of equal amounts end fast.
    @Test(arguments: [(-1_000_000_000_000, 300), (-264, 500)])
    func theSearchEndsWithinItsBudget(delta: Int, count: Int) {
        let causes = (0..<count).map { Self.cause("c\($0)", -88, rule: "bench", day: $0 % 35, order: $0) }
        let result = StorySearch(top: 3, budget: 50_000).run(
            causes, movements: Dictionary(uniqueKeysWithValues: causes.map { ($0.claims[0].movement, -88) }), delta: delta,
            since: Date(timeIntervalSince1970: 0), until: Date(timeIntervalSince1970: 35 * 86_400))
        #expect(result.steps <= 50_000 + count * 4)
    }
}

/// The balance at every moment of the window: `balance_was`, the nearest balances, the bridge.
struct BalanceHistoryTests {
    static let log = """
        snapshot_version: 1
        generated_at: 2026-11-24T15:00:00Z
        client: { id: acme, name: Acme Coffee, timezone: America/Chicago, plan: growth,
                  billing_anchor: 2026-10-15, balance: 124 }
        opening: { plan_tokens: 200, rollover_tokens: 0 }
        entries:
          - { id: e-1, at: 2026-11-10T10:00:00-06:00, type: submission, amount: -88, creative: cr-1 }
          - { id: e-2, at: 2026-11-12T10:00:00-06:00, type: manual_top_up, amount: 100 }
          - { id: e-3, at: 2026-11-14T10:00:00-06:00, type: submission, amount: -88, creative: cr-2 }
          - { id: e-4, at: 2026-11-15T10:00:00-06:00, type: submission_refund, amount: 12, creative: cr-2 }
          - { id: e-5, at: 2026-11-16T10:00:00-06:00, type: submission, amount: -12, creative: cr-1 }
        creatives:
          - { id: cr-1, title: Autumn Menu, status: in_flight, clips: [8, 8, 8, 8, 8, 8] }
          - { id: cr-2, title: Gift Cards, status: in_flight, clips: [8, 8, 8, 8, 8, 8] }
        """

    @Test(arguments: [(112, "e-1"), (136, "e-4"), (200, nil), (300, nil)] as [(Int, String?)])
    func theLatestMomentTheBalanceWasTheExpectedNumber(expected: Int, after: String?) throws {
        let explanation = try Support.explain(Self.log, expected: expected)
        if expected == 300 {
            #expect(explanation.balanceWas == nil)
            #expect(explanation.history.nearest(to: 300).map(\.balance) == [212, 200])
        } else if expected == 200 {
            #expect(explanation.balanceWas?.afterEntry == nil)
            #expect(explanation.balanceWas?.at == explanation.query.since)
        } else {
            #expect(explanation.balanceWas?.afterEntry == after)
        }
    }

    @Test func theBridgeAddsUpKindByKind() throws {
        let history = try Support.explain(Self.log, expected: 200).history
        #expect(history.opening == 200)
        #expect(history.closing == 124)
        #expect(history.lines.map { "\($0.label) \($0.count) \($0.amount)" }
            == ["Submissions 3 -188", "Manual top ups 1 100", "Submission refunds 1 12"])
    }
}
