/// Arithmetic on timestamps and durations, wired to the time library.
enum TimeOperations {
    static func add(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        throw .noOverload("_+_", a, b)
    }

    static func subtract(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        throw .noOverload("_-_", a, b)
    }

    static func negate(_ a: CELValue) throws(OperationFailure) -> CELValue {
        throw .noOverload("-_", a)
    }

    static func toString(_ a: CELValue) throws(OperationFailure) -> CELValue {
        throw .noOverload("string", a)
    }
}
