/// A comparison with a constant, such as `e.type == "submission"` or `e.amount < 0`: the constant is
/// held inline and the common kinds (strings, ints) compare without a call through the operator table.
final class ConstantComparisonNode: Node, @unchecked Sendable {
    enum Relation {
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    }

    let operand: Node
    let constant: CELValue
    let relation: Relation
    /// The general operator, for kinds without a fast path and for the error messages.
    let general: Operations.Binary

    /// The constant when it is a string or an int, unpacked once so that evaluation does not copy the enum.
    private let constantString: String?
    private let constantInt: Int64?

    init(_ operand: Node, _ relation: Relation, _ constant: CELValue, offset: Int, general: @escaping Operations.Binary) {
        self.operand = operand
        self.relation = relation
        self.constant = constant
        self.general = general
        if case .string(let text) = constant { constantString = text } else { constantString = nil }
        if case .int(let number) = constant { constantInt = number } else { constantInt = nil }
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let value = try operand.evaluate(&frame)
        switch value {
        case .string(let a):
            if let b = constantString {
                switch relation {
                case .equal: return .bool(a.hasSameCodePoints(as: b))
                case .notEqual: return .bool(!a.hasSameCodePoints(as: b))
                default: break
                }
            }
        case .int(let a):
            if let b = constantInt {
                switch relation {
                case .equal: return .bool(a == b)
                case .notEqual: return .bool(a != b)
                case .less: return .bool(a < b)
                case .lessOrEqual: return .bool(a <= b)
                case .greater: return .bool(a > b)
                case .greaterOrEqual: return .bool(a >= b)
                }
            }
        default: break
        }
        do {
            return try general(value, constant)
        } catch {
            throw fail(error.message)
        }
    }
}

/// `variable.field`: a field read straight from a slot, with the field's precomputed position for objects.
final class SlotSelectNode: Node, @unchecked Sendable {
    let slot: Int
    let name: String
    let field: String
    let position: Int

    init(slot: Int, name: String, field: String, position: Int, offset: Int) {
        self.slot = slot
        self.name = name
        self.field = field
        self.position = position
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        // Reading through the buffer lets the optimiser borrow the bound value instead of copying it.
        let found: CELValue? = frame.slots.withUnsafeBufferPointer { slots in
            switch slots[slot] {
            case .map(let map)?: map.value(forString: field)
            case .object(let object)?: object.value(at: position, named: field)
            default: nil
            }
        }
        if let found { return found }
        guard let value = frame.slots[slot] else { throw fail("no value bound for variable '\(name)'") }
        do {
            return try SelectNode.select(field, position: position, from: value)
        } catch {
            throw fail(error.message)
        }
    }
}

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
