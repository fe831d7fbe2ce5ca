import Diagnostics

/// An evaluation budget shared by many evaluations (all the rules of one question): each
/// evaluation may spend at most its program's own limit and at most what is left here.
public struct CELBudget: Sendable {
    /// What the budget started with.
    public let total: Int
    /// What is left.
    public private(set) var remaining: Int
    /// An evaluation stopped because this budget, not its own limit, ran out.
    public private(set) var ranOut = false

    public init(total: Int) {
        self.total = total
        self.remaining = total
    }

    /// Spent so far.
    public var spent: Int { total - remaining }

    /// Spends `amount` (at most what is left): the evaluations' own spending, or what work
    /// split over threads spent from copies of this budget, joined back in order.
    public mutating func spend(_ amount: Int) {
        remaining = max(0, remaining - max(0, amount))
    }

    mutating func markRanOut() {
        ranOut = true
        remaining = 0
    }
}

extension CELProgram {
    /// Evaluates like `evaluate(_:)`, spending from `budget`; when the budget runs out the
    /// evaluation stops with the cost error and `budget.ranOut` is set.
    public func evaluate(_ bindings: [String: CELValue], budget: inout CELBudget) throws(CELError) -> CELValue {
        var slots = [CELValue?](repeating: nil, count: slotNames.count)
        for (slot, name) in bindableSlots {
            if let value = bindings[name] { slots[slot] = value }
        }
        return try run(&slots, budget: &budget)
    }

    /// Evaluates against an activation's bindings, spending from `budget`: the fast path for
    /// one program over many items within one question's budget.
    public func evaluate(_ activation: inout CELActivation, budget: inout CELBudget) throws(CELError) -> CELValue {
        guard activation.program == ObjectIdentifier(root) else {
            throw CELError("this activation was made by another program; use this program's makeActivation()")
        }
        return try run(&activation.slots, budget: &budget)
    }

    /// Runs with `slots` lent to the frame, within the program's own limit and what is left of `budget`.
    private func run(_ slots: inout [CELValue?], budget: inout CELBudget) throws(CELError) -> CELValue {
        let allowance = min(costLimit, budget.remaining)
        var frame = Frame(slots: [], remainingCost: allowance)
        swap(&frame.slots, &slots)
        defer { swap(&frame.slots, &slots) }
        do {
            let value = try run(&frame)
            budget.spend(allowance - frame.remainingCost)
            return value
        } catch {
            if frame.remainingCost < 0, allowance < costLimit { budget.markRanOut() } else { budget.spend(allowance - max(0, frame.remainingCost)) }
            throw error
        }
    }

    /// A static estimate of the most an evaluation costs (in the units of the cost limit),
    /// from the expression alone, as Kubernetes estimates CEL rules before it admits them:
    /// each comprehension costs its range's size times its body. `sizes` gives the size to
    /// assume for a list or map named by a variable or a dotted path (`entries`,
    /// `creative.charges`); any other is `defaultSize`. Also gives where the costliest
    /// comprehension is written, for a message.
    /// `maps` are names of maps among them: looking a key up costs one, not their size.
    public func estimatedCost(sizes: [String: Int], maps: Set<String> = [], defaultSize: Int = 10) -> (cost: Int, location: SourceLocation) {
        var estimator = CostEstimator(defaultSize: defaultSize, sizes: sizes, mapNames: maps)
        let cost = estimator.cost(syntax.root)
        return (cost, source.location(ofUTF8Offset: estimator.costliestOffset ?? syntax.root.startOffset))
    }
}

/// Walks a parsed expression, adding up what each part costs at most. Sums and products
/// saturate at `Int.max`: an estimate only has to say "too much".
private struct CostEstimator {
    let defaultSize: Int
    let sizes: [String: Int]
    let mapNames: Set<String>
    /// The comprehension with the largest cost so far, and that cost.
    var costliestOffset: Int?
    var costliest = 0
    /// Comprehension variables in scope and the size of what they range over's elements.
    var scope: [String: Int] = [:]

    init(defaultSize: Int, sizes: [String: Int], mapNames: Set<String>) {
        self.defaultSize = defaultSize
        self.sizes = sizes
        self.mapNames = mapNames
    }

    mutating func cost(_ expr: Expr) -> Int {
        switch expr.kind {
        case .literal, .identifier:
            return 1
        case .select(let operand, _, _):
            return add(1, cost(operand))
        case .call(let function, let target, let arguments):
            var total = 1
            if let target { total = add(total, cost(target)) }
            for argument in arguments { total = add(total, cost(argument)) }
            // Functions that walk a whole list: `in` (a map's is a lookup), `join`, `sum`,
            // `+` of lists. The sized list is the one named.
            if Self.walksItsList.contains(function) {
                for operand in [target].compactMap({ $0 }) + arguments { total = add(total, elements(operand)) }
            }
            return total
        case .list(let items):
            return items.reduce(1) { add($0, cost($1)) }
        case .map(let entries):
            return entries.reduce(1) { add(add($0, cost($1.key)), cost($1.value)) }
        case .object(_, let fields):
            return fields.reduce(1) { add($0, cost($1.value)) }
        case .comprehension(let comprehension):
            let rangeCost = cost(comprehension.range)
            let count = elementCount(comprehension.range)
            let saved = scope[comprehension.variable]
            scope[comprehension.variable] = defaultSize
            let step = add(add(cost(comprehension.body), comprehension.filter.map { cost($0) } ?? 0), 1)
            scope[comprehension.variable] = saved
            let total = add(rangeCost, multiply(count, step))
            if total >= costliest {
                costliest = total
                costliestOffset = expr.startOffset
            }
            return total
        case .bind(let binding):
            return add(cost(binding.initializer), cost(binding.body))
        }
    }

    static let walksItsList: Set<String> = [Operator.in, "join", "sum", "_+_"]

    /// How many elements a function that walks a list visits in this operand: its size
    /// when it is a list the caller sized, nothing otherwise (a map's lookups cost one).
    private func elements(_ expr: Expr) -> Int {
        guard let name = expr.qualifiedName, scope[name] == nil, !mapNames.contains(name) else { return 0 }
        return sizes[name] ?? 0
    }

    /// How many elements a comprehension over `expr` visits.
    private func elementCount(_ expr: Expr) -> Int {
        switch expr.kind {
        case .comprehension(let inner):
            // `list.filter(...).map(...)`: at most as many as the inner range.
            return elementCount(inner.range)
        case .list(let items):
            return items.count
        default:
            if let name = expr.qualifiedName, scope[name] == nil, let known = sizes[name] { return known }
            return defaultSize
        }
    }

    private func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    private func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : product
    }
}
