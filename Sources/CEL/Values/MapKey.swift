/// A map key under CEL equality: ints and uints of the same number are one key.
enum MapKey: Hashable {
    case integer(Int64)
    case largeUnsigned(UInt64)
    case bool(Bool)
    case string(StringKey)

    /// The key for a stored key; nil for a kind that cannot be a key.
    init?(_ value: CELValue) {
        switch value {
        case .int(let number): self = .integer(number)
        case .uint(let number): self = number <= UInt64(Int64.max) ? .integer(Int64(number)) : .largeUnsigned(number)
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(StringKey(text))
        default: return nil
        }
    }

    /// The key for a lookup, where a whole double finds an integer key.
    init?(lookup value: CELValue) {
        if case .double(let number) = value {
            guard number == number.rounded() else { return nil }
            if number >= -9.223372036854775808e18, number < 9.223372036854775808e18 {
                self = .integer(Int64(number))
            } else if number >= 0, number < 1.8446744073709551616e19 {
                self = .largeUnsigned(UInt64(number))
            } else {
                return nil
            }
            return
        }
        self.init(value)
    }
}
