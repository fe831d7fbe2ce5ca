/// `a && b` and `a || b` with CEL's commutative error absorption: the decisive value (`false` for
/// `&&`, `true` for `||`) on either side wins over an error on the other; otherwise the left error,
/// then the right one, is the result.
final class LogicalNode: Node, @unchecked Sendable {
    let left: Node
    let right: Node
    /// The value that decides the result alone: false for `&&`, true for `||`.
    let decisive: Bool
    let function: String

    init(_ left: Node, _ right: Node, decisive: Bool, offset: Int) {
        self.left = left
        self.right = right
        self.decisive = decisive
        self.function = decisive ? Operator.logicalOr : Operator.logicalAnd
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var leftError: EvalError?
        do {
            let value = try left.evaluate(&frame)
            if case .bool(let flag) = value {
                if flag == decisive { return .bool(decisive) }
            } else {
                leftError = noOverload(function, value)
            }
        } catch {
            leftError = error
        }
        let value: CELValue
        do {
            value = try right.evaluate(&frame)
        } catch {
            throw leftError ?? error
        }
        guard case .bool(let flag) = value else { throw leftError ?? noOverload(function, value) }
        if flag == decisive { return .bool(decisive) }
        if let leftError { throw leftError }
        return .bool(!decisive)
    }
}
