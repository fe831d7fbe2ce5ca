/// `a && b` with CEL's commutative error absorption: `false` wins over an error on either side.
final class AndNode: Node, @unchecked Sendable {
    let left: Node
    let right: Node

    init(_ left: Node, _ right: Node, offset: Int) {
        self.left = left
        self.right = right
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var leftError: EvalError?
        do {
            let value = try left.evaluate(&frame)
            if case .bool(let flag) = value {
                if !flag { return .bool(false) }
            } else {
                leftError = noOverload(Operator.logicalAnd, value)
            }
        } catch {
            leftError = error
        }
        let flag = try right.evaluateBool(&frame, absorbing: leftError, function: Operator.logicalAnd, node: self)
        if !flag { return .bool(false) }
        if let leftError { throw leftError }
        return .bool(true)
    }
}

/// `a || b`: `true` wins over an error on either side.
final class OrNode: Node, @unchecked Sendable {
    let left: Node
    let right: Node

    init(_ left: Node, _ right: Node, offset: Int) {
        self.left = left
        self.right = right
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var leftError: EvalError?
        do {
            let value = try left.evaluate(&frame)
            if case .bool(let flag) = value {
                if flag { return .bool(true) }
            } else {
                leftError = noOverload(Operator.logicalOr, value)
            }
        } catch {
            leftError = error
        }
        let flag = try right.evaluateBool(&frame, absorbing: leftError, function: Operator.logicalOr, node: self)
        if flag { return .bool(true) }
        if let leftError { throw leftError }
        return .bool(false)
    }
}

extension Node {
    /// Evaluates the right operand of `&&` or `||`, which must be a bool. When the left side failed
    /// and this side fails too, the left error is the one reported.
    @inline(__always)
    fileprivate func evaluateBool(_ frame: inout Frame, absorbing leftError: EvalError?, function: String, node: Node) throws(EvalError) -> Bool {
        let value: CELValue
        do {
            value = try evaluate(&frame)
        } catch {
            throw leftError ?? error
        }
        guard case .bool(let flag) = value else { throw leftError ?? node.noOverload(function, value) }
        return flag
    }
}

/// `!a`.
final class NotNode: Node, @unchecked Sendable {
    let operand: Node

    init(_ operand: Node, offset: Int) {
        self.operand = operand
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let value = try operand.evaluate(&frame)
        guard case .bool(let flag) = value else { throw noOverload(Operator.logicalNot, value) }
        return .bool(!flag)
    }
}

/// `c ? a : b`: only the chosen branch is evaluated.
final class ConditionalNode: Node, @unchecked Sendable {
    let condition: Node
    let whenTrue: Node
    let whenFalse: Node

    init(_ condition: Node, _ whenTrue: Node, _ whenFalse: Node, offset: Int) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let value = try condition.evaluate(&frame)
        guard case .bool(let flag) = value else { throw noOverload(Operator.conditional, value) }
        return flag ? try whenTrue.evaluate(&frame) : try whenFalse.evaluate(&frame)
    }
}
