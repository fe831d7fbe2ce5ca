/// What an expression needs of one field for it to be true, read from its top-level
/// conjuncts: a rule engine that evaluates one expression over many items can skip the
/// items it cannot hold for, without evaluating it.
public struct CELFieldGuard: Sendable, Equatable {
    /// The variable and its field: `entry` and `type` in `entry.type == "submission" && ...`.
    public let variable: String
    public let field: String
    /// The string values that field must have: the expression is never true for any other
    /// (nor an error: CEL's `false && x` is false whatever `x` is).
    public let values: Set<String>
}

extension CELProgram {
    /// The guard of the expression's top-level conjuncts: `v.f == "a"`, `"a" == v.f`,
    /// `v.f in ["a", "b"]`, a `||` of such on the same field, and any `&&` holding one
    /// (several on the same field narrow it). Nil when there is none.
    public var fieldGuard: CELFieldGuard? {
        Self.guardOf(syntax.root)
    }

    private static func guardOf(_ expr: Expr) -> CELFieldGuard? {
        guard case .call(let function, nil, let arguments) = expr.kind, arguments.count == 2 else { return nil }
        let (a, b) = (arguments[0], arguments[1])
        switch function {
        case Operator.logicalAnd:
            switch (guardOf(a), guardOf(b)) {
            case let (left?, right?) where (left.variable, left.field) == (right.variable, right.field):
                return CELFieldGuard(variable: left.variable, field: left.field, values: left.values.intersection(right.values))
            case let (left?, _): return left
            case let (nil, right): return right
            }
        case Operator.logicalOr:
            guard let left = guardOf(a), let right = guardOf(b),
                  (left.variable, left.field) == (right.variable, right.field) else { return nil }
            return CELFieldGuard(variable: left.variable, field: left.field, values: left.values.union(right.values))
        case "_==_":
            if let (variable, field) = fieldOf(a), case .literal(.string(let value)) = b.kind {
                return CELFieldGuard(variable: variable, field: field, values: [value])
            }
            if let (variable, field) = fieldOf(b), case .literal(.string(let value)) = a.kind {
                return CELFieldGuard(variable: variable, field: field, values: [value])
            }
            return nil
        case Operator.in:
            guard let (variable, field) = fieldOf(a), case .list(let items) = b.kind else { return nil }
            var values: Set<String> = []
            for item in items {
                guard case .literal(.string(let value)) = item.kind else { return nil }
                values.insert(value)
            }
            return CELFieldGuard(variable: variable, field: field, values: values)
        default:
            return nil
        }
    }

    /// `variable.field`, a plain select of a plain name.
    private static func fieldOf(_ expr: Expr) -> (String, String)? {
        guard case .select(let operand, let field, false) = expr.kind, case .identifier(let variable) = operand.kind,
              !variable.hasPrefix(".") else { return nil }
        return (variable, field)
    }
}
