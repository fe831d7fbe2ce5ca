/// The function names of operators, as CEL spells them in declarations and messages.
enum Operator {
    static let conditional = "_?_:_"
    static let logicalAnd = "_&&_"
    static let logicalOr = "_||_"
    static let logicalNot = "!_"
    static let negate = "-_"
    static let index = "_[_]"
    static let `in` = "@in"
    static let binary: [String: String] = [
        "+": "_+_", "-": "_-_", "*": "_*_", "/": "_/_", "%": "_%_",
        "==": "_==_", "!=": "_!=_", "<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_",
        "&&": "_&&_", "||": "_||_",
    ]

    /// How an operator reads in messages: `_+_` as `+`.
    static func display(_ function: String) -> String {
        switch function {
        case conditional: "?:"
        case index: "[]"
        case `in`: "in"
        case logicalNot: "!"
        case negate: "-"
        case "math.@max": "math.greatest"
        case "math.@min": "math.least"
        default:
            function.hasPrefix("_") && function.hasSuffix("_") && function.count > 2
                ? String(function.dropFirst().dropLast()) : function
        }
    }
}
