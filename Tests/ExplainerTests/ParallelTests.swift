import Foundation
import Ledger
import Testing
@testable import Explainer

/// Long lists are cut over the cores; the answer must be that of one pass in order,
/// however they are cut, down to where the question's budget runs out.
struct ParallelTests {
    @Test(arguments: [
        // (items, cores, items per part) -> the parts' sizes
        (0, 2, 8_192, [0]),
        (10, 2, 8_192, [10]),
        (16_383, 2, 8_192, [16_383]),
        (16_384, 2, 8_192, [8_192, 8_192]),
        (100_001, 2, 8_192, [50_001, 50_000]),
        (100_000, 1, 8_192, [100_000]),
        (7, 3, 1, [3, 3, 1]),
        (2, 3, 1, [1, 1]),
    ])
    func listsAreCutInOrder(count: Int, cores: Int, itemsPerPart: Int, sizes: [Int]) {
        let items = Array(0..<count)
        let parts = Parallel.parts(items, Parallel.Split(cores: cores, itemsPerPart: itemsPerPart))
        #expect(parts.map(\.count) == sizes)
        #expect(parts.flatMap { $0 } == items)
    }

    @Test func mapKeepsTheOrderOfItsInputs() {
        let items = Array(0..<50)
        #expect(Parallel.map(items: items, split: Parallel.Split(cores: 4, itemsPerPart: 3)) { $0 * 2 } == items.map { $0 * 2 })
    }

    /// Everything the evaluator hands on, as text to compare.
    static func summary(_ output: RuleEvaluator.Output) -> [String] {
        output.causes.map { "\($0.rule) \($0.amount) \($0.claims.map { "\($0.movement):\($0.amount)" }) \($0.entries) \($0.links)" }
            + output.findings.map { "finding \($0.rule) \($0.entries) \($0.text)" }
            + output.problems.map(\.description)
            + ["stopped \(output.stopped.map { "\($0.rule) at \($0.item)" } ?? "no")"]
    }

    static let cut = Parallel.Split(cores: 3, itemsPerPart: 1)

    /// The shipped examples with the built-in rules: one pass, or cut in three.
    @Test(arguments: ["bluebird-bakery-in-flight.yaml", "copper-kettle-auto-reload.yaml", "fernweh-travel-rerolls.yaml",
                      "lumen-dental-renewal.yaml", "saltbush-wines-upgrade.yaml"])
    func cuttingChangesNoCause(example: String) throws {
        let text = try String(contentsOf: Support.root.appendingPathComponent("seeds/examples/\(example)"), encoding: .utf8)
        let snapshot = try Support.snapshot(text, name: example)
        let pack = try Support.builtinPack()
        let facts = Facts(snapshot: snapshot, policy: pack.policy, query: try ExplainQuery.resolve(snapshot: snapshot, expected: 200))
        let rules = pack.rules.filter { $0.story != .rest }
        let whole = Self.summary(RuleEvaluator(facts: facts, split: .none).run(rules))
        #expect(whole.count > 1)
        #expect(Self.summary(RuleEvaluator(facts: facts, split: Self.cut).run(rules)) == whole)
    }

    /// A rule that fails on every item (its problems are listed in item order, then counted)
    /// and budgets that run out early, late, or not at all: where it stops is the same.
    @Test func whereTheBudgetRunsOutDoesNotDependOnTheCut() throws {
        let snapshot = try Support.snapshot(RuleEvaluatorTests.fiveCharges)
        let pack = try RuleEvaluatorTests.pack("""
            id: x
            kind: cause
            title: X
            when: 'entry.amount < 0 && [1, 2, 3, 4].all(x, x > 0) && (entry.id == "e-2" || 10 / (entry.amount - entry.amount) > 0)'
            amount: entry.amount
            message: m
            """)
        let facts = Facts(snapshot: snapshot, policy: pack.policy, query: try ExplainQuery.resolve(snapshot: snapshot, expected: 100))
        var stops: [String] = []
        for budget in [0, 4, 8, 12, 16, 20, 1_000_000] {
            let whole = Self.summary(RuleEvaluator(facts: facts, budget: budget, split: .none).run(pack.rules))
            #expect(Self.summary(RuleEvaluator(facts: facts, budget: budget, split: Self.cut).run(pack.rules)) == whole, "budget \(budget)")
            stops.append(whole.last!)
        }
        // Each of the three parts (two items, two, one) has an item the budget runs out at.
        #expect(stops == ["stopped x at e-1", "stopped x at e-2", "stopped x at e-3", "stopped x at e-4", "stopped x at e-5",
                          "stopped no", "stopped no"])
    }

    @Test(arguments: [true, false])
    func bothGivesBothResultsInOrder(together: Bool) {
        let (a, b) = Parallel.both(together: together, { 40 + 2 }, { "second" })
        #expect(a == 42)
        #expect(b == "second")
    }

    /// A long list of causes (its stories and takings found side by side) answers as a short one.
    @Test func aLongListOfCausesAnswersAsAShortOne() {
        let forgotten = StorySearchTests.cause("forgotten", -88, order: 0)
        let fillers = (1...9_000).map { StorySearchTests.cause("filler-\($0)", -100_000 - $0, order: $0) }
        #expect(Parallel.isLong(fillers.count))
        let short = StorySearchTests.run([forgotten] + fillers.prefix(10), delta: -88)
        let long = StorySearchTests.run([forgotten] + fillers, delta: -88)
        #expect(StorySearchTests.summary(long.hypotheses) == ["forgotten=-88/high"])
        #expect(StorySearchTests.summary(long.hypotheses) == StorySearchTests.summary(short.hypotheses))
    }
}
