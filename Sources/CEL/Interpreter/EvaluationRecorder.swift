/// What a tracking evaluation has seen so far, by expression id: each expression's last outcome, how
/// often it was evaluated and gave true or false, and when (a tick count), so that the state can tell
/// which operands took part in an operator's last evaluation.
final class EvaluationRecorder {
    struct Record {
        var outcome: CELTracedExpression.Outcome?
        var evaluations = 0
        var trueCount = 0
        var falseCount = 0
        /// Ticks at the start and the end of the last evaluation.
        var start = 0
        var end = 0
        /// Comprehensions: the steps of the last evaluation.
        var steps = 0
    }

    private(set) var records: [Record]
    private var tick = 0

    init(expressionCount: Int) {
        records = Array(repeating: Record(), count: expressionCount)
    }

    /// The start of an evaluation: its tick, or for a comprehension how often its step had run before.
    @inline(__always)
    func begin(stepped: Int?) -> (tick: Int, steps: Int) {
        tick += 1
        return (tick, stepped.map { records[$0].evaluations } ?? 0)
    }

    @inline(__always)
    func end(_ id: Int, _ outcome: CELTracedExpression.Outcome, start: (tick: Int, steps: Int), stepped: Int?) {
        tick += 1
        records[id].outcome = outcome
        records[id].evaluations += 1
        if case .value(.bool(let flag)) = outcome {
            if flag { records[id].trueCount += 1 } else { records[id].falseCount += 1 }
        }
        records[id].start = start.tick
        records[id].end = tick
        if let stepped { records[id].steps = records[stepped].evaluations - start.steps }
    }
}
