extension CELTimestamp {
    /// `timestamp(string)`: reads an RFC 3339 date-time such as `2009-02-13T23:31:30Z`,
    /// `2023-08-26T12:39:00.5-07:00` or `2009-02-13t23:31:30.123456789z`.
    ///
    /// Accepted: a four-digit year, `-MM-DD`, `T` (or `t`), `HH:MM:SS` (seconds 00-59: no leap
    /// second, as in cel-go), an optional fraction of 1 to 9 digits, then `Z` (or `z`) or an
    /// offset `+HH:MM` / `-HH:MM`. Years above 9999 and instants outside
    /// 0001-01-01T00:00:00Z ... 9999-12-31T23:59:59.999999999Z are range errors.
    public static func parse(_ text: String) throws(CELError) -> CELTimestamp {
        var scanner = TimeTextScanner(text)
        func invalid(_ reason: String) -> CELError {
            CELError("invalid timestamp '\(text)': \(reason)")
        }
        func field(_ name: String, digits: Int, in range: ClosedRange<Int64>) throws(CELError) -> Int64 {
            guard let value = scanner.digits(count: digits) else {
                throw invalid("expected \(digits) digits for the \(name) at offset \(scanner.offset)")
            }
            guard range.contains(value) else { throw invalid("\(name) \(value) out of range") }
            return value
        }
        func expect(_ characters: String, _ what: String) throws(CELError) {
            guard scanner.take(oneOf: characters) else {
                throw invalid("expected \(what) at offset \(scanner.offset)")
            }
        }

        // More than four year digits can only name a year after 9999: a range error, not a syntax one.
        let yearDigits = scanner.countDigits()
        guard yearDigits >= 4 else { throw invalid("expected a four-digit year") }
        let isBeyondYear9999 = yearDigits > 4
        if isBeyondYear9999 { scanner.skip(yearDigits - 4) }
        let year = try field("year", digits: 4, in: 0...9999)
        try expect("-", "'-'")
        let month = try field("month", digits: 2, in: 1...12)
        try expect("-", "'-'")
        let day = try field("day", digits: 2, in: 1...CivilTime.daysInMonth(year: year, month: month))
        try expect("Tt", "'T'")
        let hour = try field("hour", digits: 2, in: 0...23)
        try expect(":", "':'")
        let minute = try field("minute", digits: 2, in: 0...59)
        try expect(":", "':'")
        let second = try field("second", digits: 2, in: 0...59)

        var nanos: Int64 = 0
        if scanner.take(oneOf: ".") {
            let count = scanner.countDigits()
            guard (1...9).contains(count) else {
                throw invalid(count == 0 ? "expected digits after '.'" : "more than 9 fractional digits")
            }
            nanos = scanner.digits(count: count)! * CELTimestamp.powersOfTen[9 - count]
        }

        var offsetSeconds: Int64 = 0
        if !scanner.take(oneOf: "Zz") {
            guard let sign = scanner.takeSign() else {
                throw invalid("expected 'Z' or an offset like +05:30 at offset \(scanner.offset)")
            }
            let offsetHours = try field("offset hour", digits: 2, in: 0...23)
            try expect(":", "':'")
            let offsetMinutes = try field("offset minute", digits: 2, in: 0...59)
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard scanner.isAtEnd else { throw invalid("unexpected text at offset \(scanner.offset)") }

        let local = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        let timestamp = CELTimestamp(seconds: local.localSeconds - offsetSeconds, nanos: Int32(nanos))
        guard !isBeyondYear9999, timestamp.isInRange else {
            throw CELError("timestamp out of range: '\(text)'")
        }
        return timestamp
    }

    /// `string(timestamp)`: RFC 3339 in UTC with `Z`, the fraction printed only as far as its
    /// last non-zero digit (cel-go's `time.RFC3339Nano`): `2009-02-13T23:31:30Z`,
    /// `2009-02-13T23:31:30.5Z`, `9999-12-31T23:59:59.999999999Z`.
    public var celString: String {
        let civil = CivilTime(localSeconds: seconds)
        var text = Self.padded(civil.year, 4) + "-" + Self.padded(civil.month, 2) + "-" + Self.padded(civil.day, 2)
        text += "T" + Self.padded(civil.hour, 2) + ":" + Self.padded(civil.minute, 2) + ":" + Self.padded(civil.second, 2)
        text += Self.fraction(nanos: Int64(nanos))
        return text + "Z"
    }

    /// 10⁰ ... 10⁹, to scale fractions.
    static let powersOfTen: [Int64] = (0...9).map { exponent in
        (0..<exponent).reduce(1) { product, _ in product * 10 }
    }

    /// `.5`, `.000000001`: nanoseconds as a decimal fraction without trailing zeros; empty for zero.
    static func fraction(nanos: Int64) -> String {
        guard nanos != 0 else { return "" }
        var digits = padded(nanos, 9)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "." + digits
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: "0", count: Swift.max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }
}
