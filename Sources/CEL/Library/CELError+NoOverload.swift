extension CELError {
    /// A "no matching overload" error, for code that throws `CELError`.
    static func noOverload(_ function: String, _ arguments: CELValue...) -> CELError {
        let kinds = arguments.map { $0.type.typeValueName }.joined(separator: ", ")
        return CELError("no matching overload for '\(Operator.display(function))' applied to (\(kinds))")
    }
}
