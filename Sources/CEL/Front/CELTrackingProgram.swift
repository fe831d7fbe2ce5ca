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
    public var expressions: [CELTracedExpression] {
        CELEvaluationState(result: .success(.null), shapes: shapes, records: Array(repeating: EvaluationRecorder.Record(), count: shapes.count),
                           constants: constants, rootID: rootID).expressions
    }

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
            return CELEvaluationState(result: .failure(error), shapes: [], records: [], constants: [:], rootID: rootID)
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
        return CELEvaluationState(result: result, shapes: shapes, records: recorder.records, constants: constants, rootID: rootID)
    }
}
