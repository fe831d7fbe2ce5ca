import CEL
import Testing

/// The static estimate `rules lint` uses, and the budget many evaluations share.
struct CostTests {
    static let sizes = ["entries": 1_000]

    @Test(arguments: [
        ("x + 1", 1, 10),
        ("entries.exists(e, e.amount > 0)", 1_000, 20_000),
        ("entries.filter(e, entries.exists(f, f.type == e.type)).size()", 1_000_000, 20_000_000),
        ("'submission' in entries.map(e, e.type)", 1_000, 20_000),
        ("m['a'] + x", 1, 10),
    ])
    func estimatesGrowWithTheLists(source: String, atLeast: Int, atMost: Int) throws {
        let program = try testEnvironment().compile(source)
        let cost = program.estimatedCost(sizes: Self.sizes, maps: ["m"]).cost
        #expect(cost >= atLeast && cost <= atMost, "\(source): \(cost)")
    }

    @Test func theCostliestComprehensionIsPlaced() throws {
        let program = try testEnvironment().compile("x > 0 && entries.filter(e, entries.exists(f, f.type == e.type)).size() > 1")
        #expect(program.estimatedCost(sizes: Self.sizes).location.column == 10)
    }

    @Test func aSharedBudgetRunsOutAcrossEvaluations() throws {
        var environment = testEnvironment()
        environment.costLimit = 1_000
        let program = try environment.compile("entries.exists(e, e.amount < 0)")
        let entries = CELValue.list(Array(repeating: entry("submission", 1), count: 100))
        var budget = CELBudget(total: 1_000)
        var evaluations = 0
        while !budget.ranOut, evaluations < 100 {
            _ = try? program.evaluate(["entries": entries], budget: &budget)
            evaluations += 1
        }
        #expect(budget.ranOut)
        #expect(evaluations > 1 && evaluations < 20)
        #expect(budget.remaining == 0)
    }

    @Test func anExpressionOverItsOwnLimitDoesNotEndTheBudget() throws {
        var environment = testEnvironment()
        environment.costLimit = 10
        let program = try environment.compile("entries.exists(e, e.amount < 0)")
        let entries = CELValue.list(Array(repeating: entry("submission", 1), count: 100))
        var budget = CELBudget(total: 1_000_000)
        #expect(throws: CELError.self) { try program.evaluate(["entries": entries], budget: &budget) }
        #expect(!budget.ranOut)
        #expect(budget.spent > 0 && budget.spent <= 11)
    }
}
