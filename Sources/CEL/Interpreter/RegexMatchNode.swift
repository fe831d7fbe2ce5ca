/// `text.matches(pattern)`. A constant pattern is compiled once, when planning; any other is compiled
/// per call. A match costs the budget in proportion to the text times the pattern's program size,
/// since that is what the regex engine's linear-time guarantee bounds.
final class RegexMatchNode: Node, @unchecked Sendable {
    let subject: Node
    let pattern: Node
    let compiled: CELRegex?

    init(subject: Node, pattern: Node, compiled: CELRegex?, offset: Int) {
        self.subject = subject
        self.pattern = pattern
        self.compiled = compiled
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let text = try subject.evaluate(&frame)
        let source = try pattern.evaluate(&frame)
        guard case .string(let subjectText) = text, case .string(let patternText) = source else {
            throw noOverload("matches", text, source)
        }
        let regex: CELRegex
        if let compiled {
            regex = compiled
        } else {
            do {
                regex = try StringFunctions.compile(patternText)
            } catch {
                throw fail(error.message)
            }
            try frame.charge(patternText.utf8.count, at: offset)
        }
        try frame.charge(1 + (subjectText.utf8.count &* regex.instructionCount) >> 4, at: offset)
        return .bool(regex.matches(subjectText))
    }
}
