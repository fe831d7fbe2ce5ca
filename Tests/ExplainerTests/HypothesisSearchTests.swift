import Foundation
import Testing
@testable import Explainer

/// The search: exact answers first, then fewer causes, weights and recency; no movement
/// counted twice; partial answers; the budget.
struct HypothesisSearchTests {
    /// A cause named `name` of `amount`, claiming `claims` (movement: amount; default: its own movement).
    static func cause(_ name: String, _ amount: Int, claims: [(String, Int)]? = nil, weight: Double = 0.5, day: Int = 0,
                      order: Int = 0) -> Cause {
        let claims = (claims ?? [("m-\(name)", amount)]).map { Claim(movement: $0.0, amount: $0.1) }
        return Cause(rule: name, title: name, amount: amount, claims: claims, entries: [], text: name, weight: weight,
                     latest: Date(timeIntervalSince1970: Double(day) * 86_400), order: order)
    }

    /// The movements of plain causes, each holding exactly its cause's amount.
    static func movements(_ causes: [Cause], extra: [String: Int] = [:]) -> [String: Int] {
        var result = extra
        for cause in causes { for claim in cause.claims where result[claim.movement] == nil { result[claim.movement] = claim.amount } }
        return result
    }

    static func run(_ causes: [Cause], delta: Int, movements: [String: Int]? = nil, top: Int = 3, budget: Int = 400_000) -> HypothesisSearch.Result {
        HypothesisSearch(top: top, budget: budget).run(
            causes, movements: movements ?? Self.movements(causes), delta: delta,
            since: Date(timeIntervalSince1970: 0), until: Date(timeIntervalSince1970: 35 * 86_400))
    }

    /// Each hypothesis as `a+b=sum/unexplained`.
    static func summary(_ result: HypothesisSearch.Result) -> [String] {
        result.hypotheses.map { h in h.causes.map(\.rule).sorted().joined(separator: "+") + "=\(h.explained)/\(h.unexplained)" }
    }

    @Test func exactFirstThenFewerCauses() {
        let causes = [Self.cause("a", -88), Self.cause("b", -48), Self.cause("c", -40), Self.cause("d", -30)]
        #expect(Self.summary(Self.run(causes, delta: -88)) == ["a=-88/0", "b+c=-88/0"])
    }

    @Test func aMovementIsNeverCountedTwice() {
        // "still in production" takes all of the -88 charge, "showcase deposit" 48 of it: not both.
        let causes = [Self.cause("in-flight", -88, claims: [("e-1", -88)]), Self.cause("deposit", -48, claims: [("e-1", -48)])]
        let result = Self.run(causes, delta: -136, movements: ["e-1": -88])
        #expect(Self.summary(result) == ["in-flight=-88/-48"])
    }

    @Test func claimsOnOneMovementThatFitTogetherCombine() {
        let causes = [Self.cause("deposit", -48, claims: [("e-1", -48)]), Self.cause("base", -40, claims: [("e-1", -40)])]
        #expect(Self.summary(Self.run(causes, delta: -88, movements: ["e-1": -88])) == ["base+deposit=-88/0"])
    }

    @Test func equallyExactAnswersRankByWeightThenRecency() {
        let causes = [Self.cause("old", -88, day: 2, order: 0), Self.cause("new", -88, day: 30, order: 1),
                      Self.cause("likely", -88, weight: 0.9, day: 1, order: 2)]
        #expect(Self.summary(Self.run(causes, delta: -88)) == ["likely=-88/0", "new=-88/0", "old=-88/0"])
    }

    /// Skipping the bitset (a range too wide, or too much work to fill it) changes where the
    /// search aims when no exact answer exists, never what it finds when one does.
    @Test(arguments: [(1 << 24, 1 << 26), (1 << 24, 0), (0, 1 << 26)])
    func withoutTheBitsetExactAnswersAreTheSame(limit: Int, workLimit: Int) {
        let causes = [Self.cause("a", -88), Self.cause("b", -48), Self.cause("c", -40), Self.cause("d", -30)]
        var search = HypothesisSearch(top: 3, budget: 400_000)
        search.bitsetLimit = limit
        search.bitsetWorkLimit = workLimit
        let result = search.run(causes, movements: Self.movements(causes), delta: -88,
                                since: Date(timeIntervalSince1970: 0), until: Date(timeIntervalSince1970: 35 * 86_400))
        #expect(Self.summary(result) == ["a=-88/0", "b+c=-88/0"])
    }

    @Test func theBitsetIsSkippedPastItsWorkLimit() {
        // 3 amounts over a range of 2,001 sums (32 words): 96 word operations to fill.
        let groups = [[-1_000], [500], [-500]]
        #expect(!ReachableSums(groups, limit: 1 << 24, workLimit: 96).contains(-1))
        #expect(ReachableSums(groups, limit: 1 << 24, workLimit: 95).contains(-1))   // skipped: everything counts as reachable
    }

    @Test func keepsTheBestN() {
        let causes = (0..<6).map { Self.cause("c\($0)", -10, day: $0, order: $0) }
        #expect(Self.summary(Self.run(causes, delta: -10, top: 2)) == ["c5=-10/0", "c4=-10/0"])
    }

    @Test func withoutAnExactAnswerTheLargestPartIsExplained() {
        let causes = [Self.cause("a", -30), Self.cause("b", -50), Self.cause("c", 20)]
        #expect(Self.summary(Self.run(causes, delta: -100)) == ["a+b=-80/-20"])
    }

    @Test func nothingOfTheRightSignExplainsNothing() {
        #expect(Self.run([Self.cause("a", 30)], delta: -10).hypotheses.isEmpty)
    }

    @Test func noDifferenceNeedsNoAnswer() {
        #expect(Self.run([Self.cause("a", -10)], delta: 0).hypotheses.isEmpty)
    }

    @Test func manyCausesAreFoundByTheProgram() {
        let causes = [1, 2, 4, 8, 16, 32].map { Self.cause("p\($0)", -$0) }
        #expect(Self.summary(Self.run(causes, delta: -31)) == ["p1+p16+p2+p4+p8=-31/0"])
    }

    @Test func theBudgetStopsTheSearchAndSaysSo() {
        // Even amounts and an odd difference: no exact answer, every combination to try.
        let causes = (0..<300).map { Self.cause("c\($0)", -2 * (1 + ($0 * 37) % 100), day: $0 % 35, order: $0) }
        let result = Self.run(causes, delta: -20_001, budget: 50_000)
        #expect(result.stoppedEarly)
        #expect(result.steps <= 50_000)
        #expect(result.hypotheses.first.map { !$0.isExact && $0.explained < 0 } == true)
    }

    @Test func withEnoughBudgetTheSameSearchFinishes() {
        let causes = (0..<20).map { Self.cause("c\($0)", -2 * (1 + $0), order: $0) }
        let result = Self.run(causes, delta: -101)
        #expect(!result.stoppedEarly)
        #expect(result.hypotheses.first?.explained == -100)
    }

    @Test func ambiguityIsDeterministic() {
        let causes = (0..<8).map { Self.cause("c\($0)", -25, order: $0) }
        let first = Self.summary(Self.run(causes, delta: -50))
        #expect(first == ["c0+c1=-50/0", "c0+c2=-50/0", "c0+c3=-50/0"])
    }
}

extension HypothesisSearchTests {
    @Test func causesThatShareAnEntryRankFirst() {
        // A reload that cites the charge it paid for, and that charge, tell one story; the
        // same amounts from unrelated entries are a coincidence.
        let causes = [
            Self.cause("reload-today", 100, claims: [("r-1", 100)], day: 30, order: 0),
            Self.cause("charge-today", -88, claims: [("c-1", -88)], day: 30, order: 1),
            Self.cause("reload-old", 100, claims: [("r-2", 100)], day: 31, order: 2),
        ]
        let linked = Cause(rule: "reload-today", title: "", amount: 100, claims: [Claim(movement: "r-1", amount: 100)],
                           entries: ["r-1", "c-1"], text: "", weight: 0.5, latest: causes[0].latest, order: 0)
        let result = Self.run([linked, causes[1], causes[2]], delta: 12)
        #expect(Self.summary(result) == ["charge-today+reload-today=12/0", "charge-today+reload-old=12/0"])
        #expect(result.hypotheses.map(\.stories) == [[.linked], [.coincidence]])
    }
}

extension HypothesisSearchTests {
    @Test func aFewCauseAnswerStandsWhenTheSearchForAlternativesStops() {
        var causes = (0..<300).map { Self.cause("c\($0)", -2 * (1 + ($0 * 37) % 100), order: $0) }
        causes.append(Self.cause("exact", -1001, order: 300))
        let result = Self.run(causes, delta: -1001, budget: 50_000)
        #expect(!result.stoppedEarly)
        #expect(Self.summary(result).first == "exact=-1001/0")
    }
}

extension HypothesisSearchTests {
    @Test func fourCausesAreFoundWithoutTheProgram() {
        let causes = [-101, -203, -307, -409, -1].enumerated().map { Self.cause("f\($0.offset)", $0.element, order: $0.offset) }
        let result = Self.run(causes, delta: -1020, budget: 10_000)
        #expect(Self.summary(result) == ["f0+f1+f2+f3=-1020/0"])
        #expect(!result.stoppedEarly)
    }

    @Test func outOfBudgetTheProgramGoesOnAsABeam() {
        // Twelve causes of -90 and many small ones: no answer of four causes reaches -1001;
        // the budget cannot carry every sum, so the beam finds one and says it stopped early.
        var causes = (0..<12).map { Self.cause("big\($0)", -90, order: $0) }
        causes += (0..<200).map { Self.cause("small\($0)", -1 - ($0 % 7), order: 12 + $0) }
        let result = Self.run(causes, delta: -1001, budget: 60_000)
        #expect(result.stoppedEarly)
        #expect(result.hypotheses.first?.explained == -1001)
    }
}
