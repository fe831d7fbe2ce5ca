/// Arithmetic on timestamps and durations, with the range checks of the time library.
enum TimeOperations {
    static func add(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        do throws(CELError) {
            switch (a, b) {
            case (.timestamp(let time), .duration(let span)): return .timestamp(try time + span)
            case (.duration(let span), .timestamp(let time)): return .timestamp(try span + time)
            case (.duration(let x), .duration(let y)): return .duration(try x + y)
            default: throw .noOverload("_+_", a, b)
            }
        } catch {
            throw OperationFailure(error.message)
        }
    }

    static func subtract(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        do throws(CELError) {
            switch (a, b) {
            case (.timestamp(let x), .timestamp(let y)): return .duration(try x - y)
            case (.timestamp(let time), .duration(let span)): return .timestamp(try time - span)
            case (.duration(let x), .duration(let y)): return .duration(try x - y)
            default: throw .noOverload("_-_", a, b)
            }
        } catch {
            throw OperationFailure(error.message)
        }
    }

    static func negate(_ a: CELValue) throws(OperationFailure) -> CELValue {
        guard case .duration(let span) = a else { throw .noOverload("-_", a) }
        do {
            return .duration(try -span)
        } catch {
            throw OperationFailure(error.message)
        }
    }

    static func toString(_ a: CELValue) throws(OperationFailure) -> CELValue {
        switch a {
        case .timestamp(let time): .string(time.celString)
        case .duration(let span): .string(span.celString)
        default: throw .noOverload("string", a)
        }
    }
}
