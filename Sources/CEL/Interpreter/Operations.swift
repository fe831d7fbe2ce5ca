
/// The standard operators on values: arithmetic with overflow errors, comparison, membership and indexing.
/// Pure functions, shared by the nodes that run them and the planner that folds constants.
enum Operations {
    typealias Binary = @Sendable (CELValue, CELValue) throws(OperationFailure) -> CELValue

    static func add(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (sum, overflow) = x.addingReportingOverflow(y)
            if overflow { throw OperationFailure("integer overflow in \(x) + \(y)") }
            return .int(sum)
        case (.uint(let x), .uint(let y)):
            let (sum, overflow) = x.addingReportingOverflow(y)
            if overflow { throw OperationFailure("unsigned integer overflow in \(x)u + \(y)u") }
            return .uint(sum)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.bytes(let x), .bytes(let y)): return .bytes(x + y)
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.timestamp, .duration), (.duration, .timestamp), (.duration, .duration):
            return try TimeOperations.add(a, b)
        default: throw .noOverload("_+_", a, b)
        }
    }

    static func subtract(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            if overflow { throw OperationFailure("integer overflow in \(x) - \(y)") }
            return .int(difference)
        case (.uint(let x), .uint(let y)):
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            if overflow { throw OperationFailure("unsigned integer overflow in \(x)u - \(y)u") }
            return .uint(difference)
        case (.double(let x), .double(let y)): return .double(x - y)
        case (.timestamp, .timestamp), (.timestamp, .duration), (.duration, .duration):
            return try TimeOperations.subtract(a, b)
        default: throw .noOverload("_-_", a, b)
        }
    }

    static func multiply(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            if overflow { throw OperationFailure("integer overflow in \(x) * \(y)") }
            return .int(product)
        case (.uint(let x), .uint(let y)):
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            if overflow { throw OperationFailure("unsigned integer overflow in \(x)u * \(y)u") }
            return .uint(product)
        case (.double(let x), .double(let y)): return .double(x * y)
        default: throw .noOverload("_*_", a, b)
        }
    }

    static func divide(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw OperationFailure("division by zero in \(x) / 0") }
            let (quotient, overflow) = x.dividedReportingOverflow(by: y)
            if overflow { throw OperationFailure("integer overflow in \(x) / \(y)") }
            return .int(quotient)
        case (.uint(let x), .uint(let y)):
            if y == 0 { throw OperationFailure("division by zero in \(x)u / 0u") }
            return .uint(x / y)
        case (.double(let x), .double(let y)): return .double(x / y)
        default: throw .noOverload("_/_", a, b)
        }
    }

    static func remainder(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw OperationFailure("modulus by zero in \(x) % 0") }
            let (remainder, overflow) = x.remainderReportingOverflow(dividingBy: y)
            if overflow { throw OperationFailure("integer overflow in \(x) % \(y)") }
            return .int(remainder)
        case (.uint(let x), .uint(let y)):
            if y == 0 { throw OperationFailure("modulus by zero in \(x)u % 0u") }
            return .uint(x % y)
        default: throw .noOverload("_%_", a, b)
        }
    }

    static func negate(_ a: CELValue) throws(OperationFailure) -> CELValue {
        switch a {
        case .int(let x):
            if x == .min { throw OperationFailure("integer overflow in -(\(x))") }
            return .int(-x)
        case .double(let x): return .double(-x)
        case .duration: return try TimeOperations.negate(a)
        default: throw .noOverload("-_", a)
        }
    }

    static func equal(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        .bool(a.celEquals(b))
    }

    static func notEqual(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        .bool(!a.celEquals(b))
    }

    static func less(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        switch a.celCompare(b) {
        case .less: return .bool(true)
        case .incomparable: throw .noOverload("_<_", a, b)
        default: return .bool(false)
        }
    }

    static func lessOrEqual(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        switch a.celCompare(b) {
        case .less, .equal: return .bool(true)
        case .incomparable: throw .noOverload("_<=_", a, b)
        default: return .bool(false)
        }
    }

    static func greater(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        switch a.celCompare(b) {
        case .greater: return .bool(true)
        case .incomparable: throw .noOverload("_>_", a, b)
        default: return .bool(false)
        }
    }

    static func greaterOrEqual(_ a: CELValue, _ b: CELValue) throws(OperationFailure) -> CELValue {
        switch a.celCompare(b) {
        case .greater, .equal: return .bool(true)
        case .incomparable: throw .noOverload("_>=_", a, b)
        default: return .bool(false)
        }
    }

    /// `element in collection`: list membership by CEL equality, or map key presence.
    static func contains(_ element: CELValue, _ collection: CELValue) throws(OperationFailure) -> CELValue {
        switch collection {
        case .list(let items):
            for item in items where item.celEquals(element) { return .bool(true) }
            return .bool(false)
        case .map(let map):
            return .bool(map[element] != nil)
        default: throw .noOverload("@in", element, collection)
        }
    }

    /// `collection[key]`.
    static func index(_ collection: CELValue, _ key: CELValue) throws(OperationFailure) -> CELValue {
        switch collection {
        case .list(let items):
            let position: Int64
            switch key {
            case .int(let number): position = number
            case .uint(let number): position = number > UInt64(Int64.max) ? -1 : Int64(number)
            case .double(let number) where number == number.rounded() && abs(number) < 9.2e18: position = Int64(number)
            case .double(let number): throw OperationFailure("invalid list index \(CELValue.format(double: number)): not a whole number")
            default: throw OperationFailure("invalid list index of type \(key.type.typeValueName): \(key)")
            }
            guard position >= 0, position < items.count else {
                throw OperationFailure("index out of range: \(key) (the list has \(items.count) element\(items.count == 1 ? "" : "s"))")
            }
            return items[Int(position)]
        case .map(let map):
            if let value = map[key] { return value }
            switch key {
            case .int, .uint, .bool, .string, .double: throw OperationFailure("no such key: \(key)")
            default: throw OperationFailure("unsupported map key type \(key.type.typeValueName): \(key)")
            }
        default: throw .noOverload(Operator.index, collection, key)
        }
    }

    /// `size(x)`: code points of a string, bytes, list elements or map entries.
    static func size(_ value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .string(let text): .int(Int64(text.unicodeScalars.count))
        case .bytes(let bytes): .int(Int64(bytes.count))
        case .list(let items): .int(Int64(items.count))
        case .map(let map): .int(Int64(map.count))
        default: throw .noOverload("size", value)
        }
    }
}
