/// The type conversion functions `int`, `uint`, `double`, `string`, `bytes`, `bool`, `dyn` and `type`.
enum Conversions {
    static func toInt(_ value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .int: return value
        case .uint(let number):
            guard number <= UInt64(Int64.max) else { throw OperationFailure("int overflow converting \(number)u to int") }
            return .int(Int64(number))
        case .double(let number):
            // Doubles at or beyond ±2^63 do not fit, nor do NaN and the infinities.
            guard number > -9.223372036854775808e18, number < 9.223372036854775808e18 else {
                throw OperationFailure("int overflow converting \(CELValue.format(double: number)) to int")
            }
            return .int(Int64(number))
        case .string(let text):
            guard let number = Int64(text) else { throw OperationFailure("cannot convert \(value) to int") }
            return .int(number)
        case .timestamp(let timestamp): return .int(timestamp.seconds)
        default: throw .noOverload("int", value)
        }
    }

    static func toUint(_ value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .uint: return value
        case .int(let number):
            guard number >= 0 else { throw OperationFailure("uint overflow converting \(number) to uint") }
            return .uint(UInt64(number))
        case .double(let number):
            guard number > -1, number < 1.8446744073709551616e19 else {
                throw OperationFailure("uint overflow converting \(CELValue.format(double: number)) to uint")
            }
            return .uint(UInt64(number))
        case .string(let text):
            guard let number = UInt64(text) else { throw OperationFailure("cannot convert \(value) to uint") }
            return .uint(number)
        default: throw .noOverload("uint", value)
        }
    }

    static func toDouble(_ value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .double: return value
        case .int(let number): return .double(Double(number))
        case .uint(let number): return .double(Double(number))
        case .string(let text):
            guard let number = Double(text) else { throw OperationFailure("cannot convert \(value) to double") }
            return .double(number)
        default: throw .noOverload("double", value)
        }
    }

    static func toString(_ value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .string: return value
        case .int(let number): return .string(String(number))
        case .uint(let number): return .string(String(number))
        case .double(let number): return .string(formatShortest(number))
        case .bool(let flag): return .string(flag ? "true" : "false")
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw OperationFailure("cannot convert \(value) to string: not valid UTF-8")
            }
            return .string(text)
        case .timestamp, .duration: return try TimeOperations.toString(value)
        case .type(let type): return .string(type.typeValueName)
        default: throw .noOverload("string", value)
        }
    }

    static func toBytes(_ value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .bytes: return value
        case .string(let text): return .bytes(Array(text.utf8))
        default: throw .noOverload("bytes", value)
        }
    }

    static func toBool(_ value: CELValue) throws(OperationFailure) -> CELValue {
        switch value {
        case .bool: return value
        case .string(let text):
            switch text {
            case "true", "True", "TRUE", "t", "T", "1": return .bool(true)
            case "false", "False", "FALSE", "f", "F", "0": return .bool(false)
            default: throw OperationFailure("cannot convert \(value) to bool")
            }
        default: throw .noOverload("bool", value)
        }
    }

    static func dyn(_ value: CELValue) throws(OperationFailure) -> CELValue { value }

    static func typeOf(_ value: CELValue) throws(OperationFailure) -> CELValue { .type(value.type.runtimeType) }

    /// A double in the shortest form that reads back the same, as Go's `%g` prints it (CEL's reference
    /// implementation): `1.5`, `100`, `1e+06`, `1e-05`.
    static func formatShortest(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Inf" : "+Inf" }
        if number == 0 { return number.sign == .minus ? "-0" : "0" }
        // Swift's description is also shortest round-trip; take its digits and decimal exponent.
        let text = "\(abs(number))"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var pointPosition = whole.count + exponent
        while digits.hasPrefix("0"), digits.count > 1 { digits.removeFirst(); pointPosition -= 1 }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        let decimalExponent = pointPosition - 1
        let sign = number < 0 ? "-" : ""
        if decimalExponent < -4 || decimalExponent >= 6 {
            let head = String(digits.prefix(1))
            let tail = String(digits.dropFirst())
            let magnitude = abs(decimalExponent)
            let exponentText = (decimalExponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
            return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + exponentText
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }
}
