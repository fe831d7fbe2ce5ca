import Diagnostics

extension CELProgram {
    /// The same expression planned once more, to record the value of every sub-expression of each
    /// evaluation (`CELTrackingProgram.evaluate`). This program is not changed by it and runs exactly
    /// as before: tracking costs nothing until a tracking program is evaluated. Planning takes about
    /// as long as compiling; make one and reuse it.
    public func tracking() -> CELTrackingProgram {
        CELTrackingProgram(self)
    }
}

/// A program that records, for one evaluation, what every sub-expression gave (a `CELEvaluationState`),
/// as cel-go's tracked evaluation state does. Same results and errors as the program it was made from;
/// immutable and `Sendable` like it.
public struct CELTrackingProgram: Sendable {
    /// The program this one tracks; its activations work here too.
    public let program: CELProgram
    let root: Node
    /// Each expression's kind, operands and text, by id.
    let shapes: [CELTracedExpression.Shape]
    /// The expressions planning folded into constants, with their values.
    let constants: [Int: CELValue]

    init(_ program: CELProgram) {
        self.program = program
        let syntax = program.syntax
        var planner = Planner(environment: syntax.environment, types: syntax.types, tracking: true)
        root = planner.plan(syntax.root)
        precondition(planner.slotNames == program.slotNames, "a tracking plan must use the program's slots")
        constants = planner.constants
        shapes = CELTracedExpression.Shape.all(syntax.root, ranges: syntax.ranges, source: program.source)
    }

    /// Every sub-expression, by id, with its kind, operands, text and place, before any evaluation:
    /// no outcomes (folded constants and literals have their value).
    public var expressions: [CELTracedExpression] { traced(Array(repeating: EvaluationRecorder.Record(), count: shapes.count)) }

    /// The id of the whole expression.
    public var rootID: CELTracedExpression.ID { program.syntax.root.id }

    /// Evaluates against bindings by name, recording every sub-expression.
    public func evaluate(_ bindings: [String: CELValue]) -> CELEvaluationState {
        var slots = [CELValue?](repeating: nil, count: program.slotNames.count)
        for (slot, name) in program.bindableSlots {
            if let value = bindings[name] { slots[slot] = value }
        }
        var frame = Frame(slots: slots, remainingCost: program.costLimit)
        return run(&frame)
    }

    /// Evaluates against an activation made by `program`, recording every sub-expression.
    public func evaluate(_ activation: inout CELActivation) -> CELEvaluationState {
        guard activation.program == ObjectIdentifier(program.root) else {
            let error = CELError("this activation was made by another program; use this program's makeActivation()")
            return CELEvaluationState(result: .failure(error), expressions: [], rootID: program.syntax.root.id)
        }
        var frame = Frame(slots: [], remainingCost: program.costLimit)
        swap(&frame.slots, &activation.slots)
        defer { swap(&frame.slots, &activation.slots) }
        return run(&frame)
    }

    private func run(_ frame: inout Frame) -> CELEvaluationState {
        let recorder = EvaluationRecorder(expressionCount: shapes.count)
        frame.recorder = recorder
        let result: Result<CELValue, CELError>
        do {
            result = .success(try root.evaluate(&frame))
        } catch {
            result = .failure(CELError(error.message, location: program.source.location(ofUTF8Offset: error.offset)))
        }
        return CELEvaluationState(result: result, expressions: traced(recorder.records), rootID: program.syntax.root.id)
    }

    /// The records as the public view: constants filled in, and what decided each operator worked out.
    private func traced(_ records: [EvaluationRecorder.Record]) -> [CELTracedExpression] {
        shapes.map { shape in
            let record = records[shape.id]
            var outcome = record.outcome
            if outcome == nil, let constant = constants[shape.id] { outcome = .value(constant) }
            if outcome == nil, let literal = shape.literal { outcome = .value(literal) }
            let (decidedBy, decidingIteration) = decision(shape, records)
            return CELTracedExpression(
                shape: shape, outcome: outcome, evaluations: record.evaluations,
                trueCount: record.trueCount, falseCount: record.falseCount, decidedBy: decidedBy,
                iterations: shape.isComprehension && record.evaluations > 0 ? record.steps : nil,
                decidingIteration: decidingIteration)
        }
    }

    /// The operands that decided an `&&`, `||` or `?:` in its last evaluation, and the step that decided
    /// an `all` or `exists`.
    private func decision(_ shape: CELTracedExpression.Shape, _ records: [EvaluationRecorder.Record]) -> ([Int], Int?) {
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
