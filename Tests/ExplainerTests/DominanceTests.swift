import Foundation
import Testing
@testable import Explainer

/// Answers padded with causes that cancel each other out are not shown.
struct DominanceTests {
    @Test(arguments: [
        ([-2, 2, -88], true),          // an overage and its refund beside the real cause
        ([-88], false),
        ([100, -88], false),           // a reload and the charge it paid for: no part adds up to 0
        ([-88, 88], false),            // the whole answer adds up to 0: no proper part does
        ([-3, -5, 8, -40], true),      // three causes cancel out
        ([-3, -5, 9, -40], false),
        ([5, 7, 12], false),           // one sign only
        ([-2, 2], false),
        ([-2, 2, -2, 2], true),
        ([4, -4, 4, -4, 4], true),
    ])
    func aPartThatAddsUpToZeroIsPadding(_ amounts: [Int], _ dominated: Bool) {
        #expect(Dominance.hasCancellingPart(amounts) == dominated)
    }

    @Test func membersAreLookedUpByIndex() {
        let dominance = Dominance([-88, -2, 2, 100])
        #expect(dominance.isDominated([0, 1, 2]))
        #expect(!dominance.isDominated([0, 3]))
        #expect(!dominance.isDominated([1, 2]))
    }

    @Test func paddedAnswersMakeRoomForOthers() {
        // The in-flight charge alone; then the padded variants would fill the list, so the
        // next real answer (two deposits) takes the second place instead.
        let causes = [HypothesisSearchTests.cause("in-flight", -88, day: 30, order: 0),
                      HypothesisSearchTests.cause("overage", -2, day: 20, order: 1),
                      HypothesisSearchTests.cause("refund", 2, day: 29, order: 2),
                      HypothesisSearchTests.cause("deposit-a", -48, day: 5, order: 3),
                      HypothesisSearchTests.cause("deposit-b", -40, day: 6, order: 4)]
        #expect(HypothesisSearchTests.summary(HypothesisSearchTests.run(causes, delta: -88))
                == ["in-flight=-88/0", "deposit-a+deposit-b=-88/0"])
    }

    @Test func aLongAnswerWithCancellingCausesFromTheProgramIsDropped() {
        // Seven causes are beyond the few-cause search: the program finds them, and the
        // pair that cancels out is dropped from its answers too.
        let causes = (0..<7).map { HypothesisSearchTests.cause("c\($0)", -10, order: $0) }
            + [HypothesisSearchTests.cause("up", 5, order: 7), HypothesisSearchTests.cause("down", -5, order: 8)]
        let summary = HypothesisSearchTests.summary(HypothesisSearchTests.run(causes, delta: -70))
        #expect(summary == ["c0+c1+c2+c3+c4+c5+c6=-70/0"])
    }
}
