/// A character class ready for matching: a bitmap for ASCII, binary search above it.
struct RegexCompiledClass: Sendable {
    private let asciiLow: UInt64
    private let asciiHigh: UInt64
    let set: RegexCharClass

    init(_ set: RegexCharClass) {
        self.set = set
        var bits: (UInt64, UInt64) = (0, 0)
        for value in UInt32(0)..<128 where set.contains(value) {
            if value < 64 { bits.0 |= 1 << value } else { bits.1 |= 1 << (value - 64) }
        }
        (asciiLow, asciiHigh) = bits
    }

    func contains(_ value: UInt32) -> Bool {
        if value < 64 { return asciiLow & (1 << value) != 0 }
        if value < 128 { return asciiHigh & (1 << (value - 64)) != 0 }
        return set.contains(value)
    }
}
