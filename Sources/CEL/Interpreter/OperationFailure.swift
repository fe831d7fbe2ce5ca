/// A failed operation, before it is given the place of the node that ran it.
struct OperationFailure: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    /// The failure for a function with no implementation for these argument kinds.
    static func noOverload(_ function: String, _ arguments: CELValue...) -> OperationFailure {
        noOverload(function, arguments: arguments)
    }

    /// The failure for a function with no implementation for these argument kinds.
    static func noOverload(_ function: String, arguments: [CELValue]) -> OperationFailure {
        let kinds = arguments.map { $0.type.typeValueName }.joined(separator: ", ")
        return OperationFailure("no matching overload for '\(Operator.display(function))' applied to (\(kinds))")
    }
}
