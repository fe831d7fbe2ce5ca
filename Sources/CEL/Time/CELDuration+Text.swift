extension CELDuration {
    /// Nanoseconds per unit of a duration text, as Go's `time.ParseDuration` names them.
    static let units: [String: UInt64] = [
        "ns": 1, "us": 1_000, "\u{B5}s": 1_000, "\u{3BC}s": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// `duration(string)`: reads a duration the way cel-go does (Go's `time.ParseDuration`):
    /// an optional sign, then one or more decimal numbers each with a unit, such as `1h30m`,
    /// `-1.5s`, `300ms`, `2us`, `2µs`, `1ns`, `.5h`; `0` alone needs no unit. Units: `h`, `m`,
    /// `s`, `ms`, `us` (or `µs`), `ns`. Fractions are exact to the nanosecond (truncated).
    /// A total beyond the int64 nanosecond range is a range error.
    public static func parse(_ text: String) throws(CELError) -> CELDuration {
        var scanner = TimeTextScanner(text)
        let sign = scanner.takeSign() ?? 1
        let rest = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(scanner.offset)))
        if rest == "0" { return .zero }
        guard !scanner.isAtEnd else { throw CELError("invalid duration '\(text)'") }

        // The magnitude may reach 2^63 when negative, so add up in UInt64 and check as we go.
        var magnitude: UInt64 = 0
        let limit: UInt64 = sign < 0 ? 1 << 63 : (1 << 63) - 1
        let outOfRange = CELError("duration out of range: '\(text)'")
        while !scanner.isAtEnd {
            let wholeDigits = scanner.scanDigitString()
            var fractionDigits = ""
            if scanner.take(oneOf: ".") { fractionDigits = scanner.scanDigitString() }
            guard !wholeDigits.isEmpty || !fractionDigits.isEmpty else {
                throw CELError("invalid duration '\(text)'")
            }
            let unitName = scanner.scanUnit()
            guard !unitName.isEmpty else { throw CELError("missing unit in duration '\(text)'") }
            guard let unit = units[unitName] else {
                throw CELError("unknown unit '\(unitName)' in duration '\(text)'")
            }
            guard let whole = Self.scaled(wholeDigits, by: unit) else { throw outOfRange }
            let (withWhole, overflowWhole) = magnitude.addingReportingOverflow(whole)
            let (total, overflowFraction) = withWhole.addingReportingOverflow(Self.fraction(fractionDigits, of: unit))
            guard !overflowWhole, !overflowFraction, total <= limit else { throw outOfRange }
            magnitude = total
        }
        let nanoseconds = sign < 0 ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
        return CELDuration(totalNanoseconds: nanoseconds)
    }

    /// `digits` (decimal) times `unit`, or nil on overflow.
    private static func scaled(_ digits: String, by unit: UInt64) -> UInt64? {
        var value: UInt64 = 0
        for digit in digits.utf8 {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(UInt64(digit - 48))
            guard !overflow, !overflow2 else { return nil }
            value = next
        }
        let (product, overflow) = value.multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }

    /// The fraction `0.digits` of `unit`, truncated to whole nanoseconds. Digits past the 18th
    /// are dropped: they are worth less than a nanosecond even for hours.
    private static func fraction(_ digits: String, of unit: UInt64) -> UInt64 {
        let kept = digits.utf8.prefix(18)
        guard !kept.isEmpty else { return 0 }
        let numerator = kept.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 48) }
        let denominator = kept.reduce(UInt64(1)) { product, _ in product * 10 }
        // numerator < denominator, so numerator * unit / denominator < unit: no overflow in the quotient.
        let product = numerator.multipliedFullWidth(by: unit)
        return denominator.dividingFullWidth(product).quotient
    }

    /// `string(duration)`: seconds with the fraction printed only as far as its last non-zero
    /// digit, and an `s`: `5400s`, `1.5s`, `-0.000000001s`, `0s` (as cel-go prints them).
    public var celString: String {
        let normalised = checkedTotalNanoseconds.map(CELDuration.init(totalNanoseconds:)) ?? self
        let negative = normalised.seconds < 0 || normalised.nanos < 0
        let text = String(normalised.seconds.magnitude) + CELTimestamp.fraction(nanos: Int64(normalised.nanos.magnitude))
        return (negative ? "-" : "") + text + "s"
    }
}
