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
