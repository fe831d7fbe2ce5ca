import Foundation

/// The math extension (cel-go's `ext.Math()`): `math.greatest` and `math.least` (macros expanding to
/// `math.@max` and `math.@min`, over numbers of any mix of kinds or one list), rounding, sign,
/// floating-point tests, `math.sqrt` and the bit functions.
enum MathExtension {
    static let signatures: [String: [Signature]] = {
        let numbers: [(String, CELType)] = [("double", .double), ("int", .int), ("uint", .uint)]
        var table: [String: [Signature]] = [:]
        for function in ["@max", "@min"] {
            let name = "math." + function, id = "math_" + function
            for (suffix, type) in numbers {
                table[name, default: []].append(Signature("\(id)_\(suffix)", [type], type))
                table[name, default: []].append(Signature("\(id)_list_\(suffix)", [.list(type)], type))
                for (otherSuffix, otherType) in numbers {
                    // Mixed kinds give whichever argument wins, so the checker cannot know the result's type.
                    let result = type == otherType ? type : .dyn
                    table[name, default: []].append(Signature("\(id)_\(suffix)_\(otherSuffix)", [type, otherType], result))
                }
            }
        }
        for function in ["ceil", "floor", "round", "trunc"] {
            table["math." + function] = [Signature("math_\(function)_double", [.double], .double)]
        }
        for function in ["isNaN", "isInf", "isFinite"] {
            table["math." + function] = [Signature("math_\(function)_double", [.double], .bool)]
        }
        for function in ["abs", "sign"] {
            table["math." + function] = numbers.map { Signature("math_\(function)_\($0.0)", [$0.1], $0.1) }
        }
        table["math.sqrt"] = numbers.map { Signature("math_sqrt_\($0.0)", [$0.1], .double) }
        let integers: [(String, CELType)] = [("int", .int), ("uint", .uint)]
        for function in ["bitAnd", "bitOr", "bitXor"] {
            table["math." + function] = integers.map { Signature("math_\(function)_\($0.0)_\($0.0)", [$0.1, $0.1], $0.1) }
        }
        table["math.bitNot"] = integers.map { Signature("math_bitNot_\($0.0)_\($0.0)", [$0.1], $0.1) }
        for function in ["bitShiftLeft", "bitShiftRight"] {
            table["math." + function] = integers.map { Signature("math_\(function)_\($0.0)_int", [$0.1, .int], $0.1) }
        }
        return table
    }()

    static func implementation(of name: String, arity: Int) -> StandardLibrary.Implementation? {
        switch (name, arity) {
        case ("math.@max", 1): .unary { value throws(OperationFailure) in try extremum(value, name, keeps: .greater) }
        case ("math.@min", 1): .unary { value throws(OperationFailure) in try extremum(value, name, keeps: .less) }
        case ("math.@max", 2): .binary { a, b throws(OperationFailure) in try extremum(.list([a, b]), name, keeps: .greater) }
        case ("math.@min", 2): .binary { a, b throws(OperationFailure) in try extremum(.list([a, b]), name, keeps: .less) }
        case ("math.ceil", 1): .unary { value throws(OperationFailure) in try rounded(value, name, .up) }
        case ("math.floor", 1): .unary { value throws(OperationFailure) in try rounded(value, name, .down) }
        case ("math.round", 1): .unary { value throws(OperationFailure) in try rounded(value, name, .toNearestOrAwayFromZero) }
        case ("math.trunc", 1): .unary { value throws(OperationFailure) in try rounded(value, name, .towardZero) }
        case ("math.isNaN", 1): .unary { value throws(OperationFailure) in try test(value, name) { $0.isNaN } }
        case ("math.isInf", 1): .unary { value throws(OperationFailure) in try test(value, name) { $0.isInfinite } }
        case ("math.isFinite", 1): .unary { value throws(OperationFailure) in try test(value, name) { $0.isFinite } }
        case ("math.abs", 1): .unary(abs)
        case ("math.sign", 1): .unary(sign)
        case ("math.sqrt", 1): .unary(squareRoot)
        case ("math.bitAnd", 2): .binary { a, b throws(OperationFailure) in try bitwise(a, b, name, &, &) }
        case ("math.bitOr", 2): .binary { a, b throws(OperationFailure) in try bitwise(a, b, name, |, |) }
        case ("math.bitXor", 2): .binary { a, b throws(OperationFailure) in try bitwise(a, b, name, ^, ^) }
        case ("math.bitNot", 1): .unary { value throws(OperationFailure) in try bitwise(value, value, name, { a, _ in ~a }, { a, _ in ~a }) }
        case ("math.bitShiftLeft", 2): .binary { value, bits throws(OperationFailure) in try shift(value, bits, name, left: true) }
        case ("math.bitShiftRight", 2): .binary { value, bits throws(OperationFailure) in try shift(value, bits, name, left: false) }
        default: nil
        }
    }

    /// The greatest (`keeps: .greater`) or least number of a list, or a lone number itself; the first
    /// of equal ones wins, and the winner keeps its kind (`math.greatest(1, 1.0)` is `1`).
    private static func extremum(_ value: CELValue, _ function: String, keeps wanted: CELValue.ComparisonResult) throws(OperationFailure) -> CELValue {
        let candidates: [CELValue]
        switch value {
        case .int, .uint, .double: candidates = [value]
        case .list(let elements): candidates = elements
        default: throw .noOverload(function, value)
        }
        guard var best = candidates.first else {
            throw OperationFailure("\(Operator.display(function))() of an empty list has no value")
        }
        for candidate in candidates {
            switch candidate {
            case .int, .uint, .double: break
            default: throw OperationFailure("\(Operator.display(function))() needs numbers, not \(candidate) of type \(candidate.type.typeValueName)")
            }
            switch candidate.celCompare(best) {
            case wanted: best = candidate
            case .unordered: throw OperationFailure("\(Operator.display(function))(): NaN values cannot be ordered")
            default: break
            }
        }
        return best
    }

    private static func rounded(_ value: CELValue, _ function: String, _ rule: FloatingPointRoundingRule) throws(OperationFailure) -> CELValue {
        guard case .double(let number) = value else { throw .noOverload(function, value) }
        return .double(number.rounded(rule))
    }

    private static func test(_ value: CELValue, _ function: String, _ property: (Double) -> Bool) throws(OperationFailure) -> CELValue {
        guard case .double(let number) = value else { throw .noOverload(function, value) }
        return .bool(property(number))
    }

    /// The magnitude; the least int has none that is an int.
    static func abs(_ value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .int(Int64.min): throw OperationFailure("integer overflow in math.abs(\(Int64.min))")
        case .int(let number): return .int(Swift.abs(number))
        case .uint: return value
        case .double(let number): return .double(Swift.abs(number))
        default: throw .noOverload("math.abs", value)
        }
    }

    /// The square root of any number, as a double (NaN for a negative one).
    static func squareRoot(_ value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .int(let number): .double(Double(number).squareRoot())
        case .uint(let number): .double(Double(number).squareRoot())
        case .double(let number): .double(number.squareRoot())
        default: throw .noOverload("math.sqrt", value)
        }
    }

    /// A bitwise operation on two ints or two uints (`math.bitNot` passes its operand twice).
    private static func bitwise(_ a: CELValue, _ b: CELValue, _ function: String,
                                _ onInts: (Int64, Int64) -> Int64, _ onUints: (UInt64, UInt64) -> UInt64) throws(OperationFailure) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)): return .int(onInts(x, y))
        case (.uint(let x), .uint(let y)): return .uint(onUints(x, y))
        default: throw function == "math.bitNot" ? .noOverload(function, a) : .noOverload(function, a, b)
        }
    }

    /// A shift by a non-negative count; 64 or more shifts every bit out. Right shifts of ints are
    /// logical (the sign bit is not copied), as in cel-go.
    private static func shift(_ value: CELValue, _ bits: CELValue, _ function: String, left: Bool) throws(OperationFailure) -> CELValue {
        guard case .int(let count) = bits, value.type == .int || value.type == .uint else {
            throw .noOverload(function, value, bits)
        }
        guard count >= 0 else { throw OperationFailure("\(function)() needs a non-negative bit count, not \(count)") }
        let pattern: UInt64
        switch value {
        case .int(let number): pattern = UInt64(bitPattern: number)
        case .uint(let number): pattern = number
        default: throw .noOverload(function, value, bits)
        }
        let shifted = count >= 64 ? 0 : (left ? pattern << UInt64(count) : pattern >> UInt64(count))
        if case .int = value { return .int(Int64(bitPattern: shifted)) }
        return .uint(shifted)
    }

    /// -1, 0 or 1 of the argument's kind; NaN for NaN.
    static func sign(_ value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .int(let number): return .int(number.signum())
        case .uint(let number): return .uint(number == 0 ? 0 : 1)
        case .double(let number): return .double(number.isNaN || number == 0 ? number : (number > 0 ? 1 : -1))
        default: throw .noOverload("math.sign", value)
        }
    }
}
