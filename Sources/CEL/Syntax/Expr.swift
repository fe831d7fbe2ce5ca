/// A node of a parsed expression. Every node has an id (its index in parse order, for the checker's
/// annotations) and the UTF-8 offset of the text it came from.
final class Expr: Sendable {
    let id: Int
    let offset: Int
    let kind: Kind

    indirect enum Kind: Sendable {
        case literal(CELValue)
        /// A name; a leading `.` (as in `.y`) means the root scope.
        case identifier(String)
        /// `operand.field`; `testOnly` for the `has()` macro.
        case select(operand: Expr, field: String, testOnly: Bool)
        /// A global call `f(args)` or a receiver call `target.f(args)`. Operators are calls named `_+_`, `!_`, ...
        case call(function: String, target: Expr?, arguments: [Expr])
        case list([Expr])
        case map([MapEntry])
        /// `Type{field: value, ...}`.
        case object(typeName: String, fields: [FieldInit])
        case comprehension(Comprehension)
        /// `cel.bind(variable, initializer, body)` (the bindings extension), expanded at parse time.
        case bind(Binding)
    }

    struct MapEntry: Sendable {
        let key: Expr
        let value: Expr
        let offset: Int
    }

    struct FieldInit: Sendable {
        let name: String
        let value: Expr
        let offset: Int
    }

    /// A macro expanded at parse time: iterate over `range` binding `variable`.
    struct Comprehension: Sendable {
        enum Kind: String, Sendable {
            case all, exists, existsOne = "exists_one", map, filter
        }
        let kind: Kind
        let variable: String
        let range: Expr
        /// The condition (all, exists, exists_one, filter) or the transform (map).
        let body: Expr
        /// The filter of the three-argument `map(x, filter, transform)`.
        let filter: Expr?
    }

    /// A local name for a value: `body` evaluated with `variable` bound to the value of `initializer`,
    /// which is evaluated once, before `body`.
    struct Binding: Sendable {
        let variable: String
        let initializer: Expr
        let body: Expr
    }

    init(id: Int, offset: Int, kind: Kind) {
        self.id = id
        self.offset = offset
        self.kind = kind
    }

    /// Where the expression's text begins, for messages about the whole of it: `a.b` and `a + b` are
    /// placed at their operator but begin at `a`.
    var startOffset: Int {
        switch kind {
        case .select(let operand, _, false): return min(offset, operand.startOffset)
        case .call(_, let target?, _): return min(offset, target.startOffset)
        case .call(let function, nil, let arguments) where function.hasPrefix("_") && !arguments.isEmpty:
            return min(offset, arguments[0].startOffset)
        case .comprehension(let comprehension): return min(offset, comprehension.range.startOffset)
        default: return offset
        }
    }

    /// The dotted name this expression spells (`a.b.c`), if it is only identifiers and selections.
    var qualifiedName: String? {
        switch kind {
        case .identifier(let name): return name
        case .select(let operand, let field, false):
            return operand.qualifiedName.map { "\($0).\(field)" }
        default: return nil
        }
    }
}
