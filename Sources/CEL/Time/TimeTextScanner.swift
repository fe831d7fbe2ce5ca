/// Reads the ASCII fields of a timestamp, duration or zone text one Unicode scalar at a time.
struct TimeTextScanner {
    private let scalars: [Unicode.Scalar]
    private(set) var offset = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var isAtEnd: Bool { offset == scalars.count }
    var current: Unicode.Scalar? { isAtEnd ? nil : scalars[offset] }

    /// How many decimal digits follow, without consuming them.
    func countDigits() -> Int {
        var end = offset
        while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
        return end - offset
    }

    /// Consumes exactly `count` digits; nil (consuming nothing) when fewer follow.
    mutating func digits(count: Int) -> Int64? {
        guard count > 0, countDigits() >= count else { return nil }
        var value: Int64 = 0
        for _ in 0..<count {
            value = value * 10 + Int64(scalars[offset].value - 48)
            offset += 1
        }
        return value
    }

    mutating func skip(_ count: Int) {
        offset += count
    }

    /// Consumes the next scalar when it is one of `characters`.
    mutating func take(oneOf characters: String) -> Bool {
        guard let scalar = current, characters.unicodeScalars.contains(scalar) else { return false }
        offset += 1
        return true
    }

    /// Consumes `+` (giving 1) or `-` (giving -1).
    mutating func takeSign() -> Int64? {
        if take(oneOf: "+") { return 1 }
        if take(oneOf: "-") { return -1 }
        return nil
    }
}

extension TimeTextScanner {
    /// Consumes a run of decimal digits (possibly empty) and returns it.
    mutating func scanDigitString() -> String {
        var digits = ""
        while let scalar = current, ("0"..."9").contains(scalar) {
            digits.unicodeScalars.append(scalar)
            skip(1)
        }
        return digits
    }

    /// Consumes a unit name: everything up to the next digit or '.', as Go reads it.
    mutating func scanUnit() -> String {
        var unit = ""
        while let scalar = current, scalar != ".", !("0"..."9").contains(scalar) {
            unit.unicodeScalars.append(scalar)
            skip(1)
        }
        return unit
    }
}
