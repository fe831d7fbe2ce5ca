import Diagnostics

/// What one evaluation of a `CELTrackingProgram` gave, expression by expression: the result, and for
/// every sub-expression (by id, in parse order) its text, where it is, and its last value.
///
/// Values are each expression's last: inside a comprehension, those of its last step (for an `all`
/// or `exists` that stopped early, the step that decided it). Operands that an `&&`, `||` or `?:` did
/// not need are not evaluated, so they keep no outcome (or one from an earlier step).
public struct CELEvaluationState: Sendable {
    /// The program's result: the same value or error as `CELProgram.evaluate`.
    public let result: Result<CELValue, CELError>
    public let rootID: CELTracedExpression.ID
    /// What the tracking program knows of each expression (shared by every evaluation), what the
    /// evaluation recorded, and the folded constants: the public view is made from them on demand,
    /// so that an evaluation costs only its records.
    let shapes: [CELTracedExpression.Shape]
    let records: [EvaluationRecorder.Record]
    let constants: [Int: CELValue]

    init(result: Result<CELValue, CELError>, shapes: [CELTracedExpression.Shape], records: [EvaluationRecorder.Record],
         constants: [Int: CELValue], rootID: CELTracedExpression.ID) {
        self.result = result
        self.shapes = shapes
        self.records = records
        self.constants = constants
        self.rootID = rootID
    }

    /// Every expression by id (`expressions[id].id == id`); empty when the evaluation could not start.
    public var expressions: [CELTracedExpression] { shapes.indices.map { self[$0] } }

    /// The whole expression.
    public var root: CELTracedExpression { self[rootID] }

    /// One expression: its constants filled in, and what decided it worked out.
    public subscript(id: CELTracedExpression.ID) -> CELTracedExpression {
        let shape = shapes[id]
        let record = records[id]
        var outcome = record.outcome
        if outcome == nil, let constant = constants[id] { outcome = .value(constant) }
        if outcome == nil, let literal = shape.literal { outcome = .value(literal) }
        let (decidedBy, decidingIteration) = decision(shape)
        return CELTracedExpression(
            shape: shape, outcome: outcome, evaluations: record.evaluations,
            trueCount: record.trueCount, falseCount: record.falseCount, decidedBy: decidedBy,
            iterations: shape.isComprehension && record.evaluations > 0 ? record.steps : nil,
            decidingIteration: decidingIteration)
    }

    /// The operands of an expression, in written order (a receiver first).
    public func operands(of expression: CELTracedExpression) -> [CELTracedExpression] {
        expression.children.map { self[$0] }
    }

    /// The operands that decided an `&&`, `||` or `?:` in its last evaluation, and the step that decided
    /// an `all` or `exists`.
    private func decision(_ shape: CELTracedExpression.Shape) -> ([Int], Int?) {
        let record = records[shape.id]
        guard record.evaluations > 0, let outcome = record.outcome else { return ([], nil) }
        /// Whether an operand ran within the operator's last evaluation.
        func ran(_ id: Int) -> Bool { records[id].evaluations > 0 && records[id].end > record.start && records[id].end < record.end }
        func gave(_ id: Int, _ flag: Bool) -> Bool { ran(id) && records[id].outcome == .value(.bool(flag)) }
        switch shape.kind {
        case .operator("&&"), .operator("||"):
            let decisive = shape.kind == .operator("||")
            let (left, right) = (shape.children[0], shape.children[1])
            switch outcome {
            case .value(.bool(decisive)): return (gave(left, decisive) ? [left] : [right], nil)
            case .value(.bool): return ([left, right], nil)
            default: return ([left, right].filter { ran($0) && !gave($0, !decisive) }, nil)
            }
        case .operator("?:"):
            return ([shape.children[0]] + shape.children.dropFirst().filter(ran), nil)
        case .comprehension(let macro, _) where macro == "all" || macro == "exists":
            let decided = outcome == .value(.bool(macro == "exists"))
            return ([], decided && record.steps > 0 ? record.steps - 1 : nil)
        default:
            return ([], nil)
        }
    }
}

/// One sub-expression of a tracked evaluation.
public struct CELTracedExpression: Sendable {
    public typealias ID = Int

    /// What a sub-expression gave.
    public enum Outcome: Sendable, Equatable {
        case value(CELValue)
        /// The error's message.
        case error(String)
    }

    /// What kind of expression it is.
    public enum Kind: Sendable, Equatable {
        case literal
        case identifier(String)
        /// `operand.field`.
        case select(field: String)
        /// `has(operand.field)`.
        case has(field: String)
        /// An operator as written: `==`, `&&`, `||`, `!`, `-` (negation too), `[]`, `in`, `?:`.
        case `operator`(String)
        /// A function: `size`, `startsWith`, a declared one... `receiverStyle` for `x.f(y)`.
        case call(function: String, receiverStyle: Bool)
        case list, map
        /// `Type{field: value}`.
        case object(type: String)
        /// `all`, `exists`, `exists_one`, `map`, `filter` over `variable`; operands: the range, the
        /// filter of a three-argument `map`, then the condition or transform.
        case comprehension(macro: String, variable: String)
        /// `cel.bind(variable, init, body)`; operands: init, body.
        case bind(variable: String)
    }

    public let id: ID
    public let kind: Kind
    /// The operands' ids, in written order.
    public let children: [ID]
    /// The expression's text, parentheses around it included.
    public let text: String
    /// Its UTF-8 range in the program's source.
    public let range: Range<Int>
    /// Where its text starts (line and column in the program's source).
    public let location: SourceLocation
    /// Its last outcome; nil when it was never evaluated. Constants that planning folded are given
    /// their value.
    public let outcome: Outcome?
    /// How many times it was evaluated (more than once inside a comprehension).
    public let evaluations: Int
    /// How many of those evaluations gave `true`, and `false`: together, whether a condition was
    /// ever both (coverage).
    public let trueCount: Int
    public let falseCount: Int
    /// For `&&` and `||`: the operand that decided the last value (both when both were needed, or
    /// those that failed); for `?:`: the condition and the branch taken. Empty otherwise.
    public let decidedBy: [ID]
    /// For a comprehension: how many elements its last evaluation went through.
    public let iterations: Int?
    /// For `all` and `exists`: the index of the element that decided the result (`exists` true, `all`
    /// false; the values of the condition's parts are that element's); nil when every element counted.
    public let decidingIteration: Int?

    /// The value, when it gave one.
    public var value: CELValue? {
        if case .value(let value) = outcome { return value }
        return nil
    }

    init(shape: Shape, outcome: Outcome?, evaluations: Int, trueCount: Int, falseCount: Int, decidedBy: [ID],
         iterations: Int?, decidingIteration: Int?) {
        id = shape.id
        kind = shape.kind
        children = shape.children
        text = shape.text
        range = shape.range
        location = shape.location
        self.outcome = outcome
        self.evaluations = evaluations
        self.trueCount = trueCount
        self.falseCount = falseCount
        self.decidedBy = decidedBy
        self.iterations = iterations
        self.decidingIteration = decidingIteration
    }

    /// What a tracking program knows of an expression before evaluating it.
    struct Shape: Sendable {
        let id: ID
        let kind: Kind
        let children: [ID]
        let text: String
        let range: Range<Int>
        let location: SourceLocation
        /// A literal's value.
        let literal: CELValue?

        var isComprehension: Bool {
            if case .comprehension = kind { return true }
            return false
        }

        /// Every expression of a tree, by id.
        static func all(_ root: Expr, ranges: [Range<Int>], source: SourceFile) -> [Shape] {
            let bytes = Array(source.text.utf8)
            var shapes: [Shape?] = Array(repeating: nil, count: ranges.count)
            var pending = [root]
            while let expr = pending.popLast() {
                let (kind, children) = describe(expr)
                let range = ranges[expr.id]
                var literal: CELValue?
                if case .literal(let value) = expr.kind { literal = value }
                shapes[expr.id] = Shape(
                    id: expr.id, kind: kind, children: children.map(\.id),
                    text: String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self),
                    range: range, location: source.location(ofUTF8Offset: range.lowerBound), literal: literal)
                pending += children
            }
            // Every id belongs to the tree; a placeholder keeps the indexes right if one ever does not.
            return shapes.enumerated().map { id, shape in
                shape ?? Shape(id: id, kind: .literal, children: [], text: "", range: 0..<0,
                               location: source.location(ofUTF8Offset: 0), literal: nil)
            }
        }

        private static func describe(_ expr: Expr) -> (Kind, [Expr]) {
            switch expr.kind {
            case .literal: return (.literal, [])
            case .identifier(let name): return (.identifier(name), [])
            case .select(let operand, let field, let testOnly):
                return (testOnly ? .has(field: field) : .select(field: field), [operand])
            case .call(let function, let target, let arguments):
                let operands = (target.map { [$0] } ?? []) + arguments
                let isOperator = function.hasPrefix("_") || [Operator.logicalNot, Operator.negate, Operator.in].contains(function)
                if isOperator { return (.operator(Operator.display(function)), operands) }
                return (.call(function: Operator.display(function), receiverStyle: target != nil), operands)
            case .list(let elements): return (.list, elements)
            case .map(let entries): return (.map, entries.flatMap { [$0.key, $0.value] })
            case .object(let type, let fields): return (.object(type: type), fields.map(\.value))
            case .comprehension(let comprehension):
                let operands = [comprehension.range] + (comprehension.filter.map { [$0] } ?? []) + [comprehension.body]
                return (.comprehension(macro: comprehension.kind.rawValue, variable: comprehension.variable), operands)
            case .bind(let binding): return (.bind(variable: binding.variable), [binding.initializer, binding.body])
            }
        }
    }
}
