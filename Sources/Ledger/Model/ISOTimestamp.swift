import Foundation

/// ISO 8601 timestamps as snapshots write them (`2026-11-20T16:14:00-06:00`) and
/// as the JSON outputs show them, parsed and formatted by hand: fast, and
/// independent of Foundation's formatters and of the machine's locale.
public enum ISOTimestamp {
    /// A parsed timestamp: the instant, and the UTC offset written (nil when none was).
    public struct Parsed: Sendable, Equatable {
        public let date: Date
        /// Seconds east of UTC as written (`Z` is 0); nil when the text has no offset.
        public let offsetSeconds: Int?
    }

    /// Reads `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM|±HHMM|±HH]` (`T` may be `t` or a
    /// space). Nil when the text is not such a timestamp; `offsetSeconds` nil when
    /// it is one without an offset.
    public static func parse(_ text: String) -> Parsed? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Reads a calendar date `YYYY-MM-DD`; nil when it is not one or does not exist.
    public static func parseDay(_ text: String) -> BillingDay? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            guard let day = scanner.day(), scanner.atEnd else { return nil }
            return day
        }
    }

    /// `2026-11-20T10:14:00-06:00` in the given zone's offset at that instant (`Z` for UTC).
    public static func format(_ date: Date, in zone: TimeZone) -> String {
        format(date, offsetSeconds: zone.secondsFromGMT(for: date))
    }

    /// `2026-11-20T10:14:00-06:00` with a fixed offset (`Z` when it is 0); fractions of a
    /// second are shown to the millisecond when there are any.
    public static func format(_ date: Date, offsetSeconds: Int) -> String {
        // A year of any size, then `-MM-DDTHH:MM:SS.mmm+HH:MM` (and room for a wider offset).
        ASCIIWriter.text(capacity: 21 + 25 + 8) { write(date, offsetSeconds: offsetSeconds, to: &$0) }
    }

    /// `format(_:offsetSeconds:)` written into `text`.
    static func write(_ date: Date, offsetSeconds: Int, to text: inout ASCIIWriter<some ASCIISink>) {
        let interval = date.timeIntervalSince1970
        let whole = Int(interval.rounded(.down))
        let millis = Int(((interval - Double(whole)) * 1000).rounded())
        let local = whole + offsetSeconds
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secondOfDay = local - days * 86400
        let civil = CivilTime.date(days: days)
        // Written byte by byte: the store's PostgreSQL rows give every timestamp as a date.
        text.write(civil.year, width: 4)
        text.write("-")
        text.write(civil.month, width: 2)
        text.write("-")
        text.write(civil.day, width: 2)
        text.write("T")
        text.write(secondOfDay / 3600, width: 2)
        text.write(":")
        text.write(secondOfDay / 60 % 60, width: 2)
        text.write(":")
        text.write(secondOfDay % 60, width: 2)
        if millis > 0 && millis < 1000 {
            text.write(".")
            text.write(millis, width: 3)
        }
        if offsetSeconds == 0 {
            text.write("Z")
        } else {
            let minutes = abs(offsetSeconds) / 60
            text.write(offsetSeconds < 0 ? "-" : "+")
            text.write(minutes / 60, width: 2)
            text.write(":")
            text.write(minutes % 60, width: 2)
        }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        if let parsed = parseFixed(bytes) { return parsed }
        return parseGeneral(bytes)
    }

    /// `parse` for any form it accepts, a step at a time.
    static func parseGeneral(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        var scanner = Scanner(bytes: bytes)
        guard let day = scanner.day(), let separator = scanner.next(),
              separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
              let hour = scanner.digits(2), scanner.skip(UInt8(ascii: ":")), let minute = scanner.digits(2),
              hour < 24, minute < 60
        else { return nil }
        var second = 0
        var fraction = 0.0
        if scanner.skip(UInt8(ascii: ":")) {
            guard let value = scanner.digits(2), value < 61 else { return nil }
            second = value
            if scanner.skip(UInt8(ascii: ".")) || scanner.skip(UInt8(ascii: ",")) {
                var scale = 0.1
                var any = false
                while let digit = scanner.digit() {
                    fraction += Double(digit) * scale
                    scale /= 10
                    any = true
                }
                guard any else { return nil }
            }
        }
        var offset: Int?
        if scanner.skip(UInt8(ascii: "Z")) || scanner.skip(UInt8(ascii: "z")) {
            offset = 0
        } else if let sign = scanner.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            _ = scanner.next()
            guard let hours = scanner.digits(2), hours < 24 else { return nil }
            var minutes = 0
            if scanner.skip(UInt8(ascii: ":")) {
                guard let value = scanner.digits(2) else { return nil }
                minutes = value
            } else if let value = scanner.digits(2) {
                minutes = value
            }
            guard minutes < 60 else { return nil }
            offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        guard scanner.atEnd else { return nil }
        let days = CivilTime.days(year: day.year, month: day.month, day: day.day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - (offset ?? 0)
        return Parsed(date: Date(timeIntervalSince1970: Double(seconds) + fraction), offsetSeconds: offset)
    }

    /// The form snapshots write, `2026-11-20T16:14:00-06:00` or `2026-11-20T16:14:00Z`,
    /// read at fixed positions, eight bytes at a time: a large log has 130,000
    /// timestamps, and the general scanner's optional at every step cost more than the
    /// rest of an entry. Nil for any other text (which `parse` then reads the general
    /// way, to the same result; a test checks the two agree).
    static func parseFixed(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        guard bytes.count == 20 || bytes.count == 25, let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return nil }
        // `YYYY-MM-`, `DDTHH:MM`, and `:SS±hh:m` (then `m`) or `:SSZ`, little-endian.
        let date = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        let time = UInt64(littleEndian: (base + 8).loadUnaligned(as: UInt64.self))
        let rest = bytes.count == 25
            ? UInt64(littleEndian: (base + 16).loadUnaligned(as: UInt64.self))
            : UInt64(UInt32(littleEndian: (base + 16).loadUnaligned(as: UInt32.self)))
        let restDigits: UInt64 = bytes.count == 25 ? 0xFF00_FFFF_00FF_FF00 : 0x0000_0000_00FF_FF00
        let restSeparators: (mask: UInt64, value: UInt64) = bytes.count == 25
            ? (0x00FF_0000_0000_00FF, 0x003A_0000_0000_003A)       // `:` at 0 and 6
            : (0x0000_0000_FF00_00FF, 0x0000_0000_5A00_003A)       // `:` at 0, `Z` at 3
        guard date & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000,    // `-` at 4 and 7
              time & 0x0000_FF00_00FF_0000 == 0x0000_3A00_0054_0000,    // `T` at 2, `:` at 5
              rest & restSeparators.mask == restSeparators.value,
              allDigits(date, at: 0x00FF_FF00_FFFF_FFFF), allDigits(time, at: 0xFFFF_00FF_FF00_FFFF),
              allDigits(rest, at: restDigits)
        else { return nil }
        /// The value of the two digits at byte `index` of `word`.
        @inline(__always) func twoDigits(_ word: UInt64, _ index: Int) -> Int {
            Int((word >> (8 * UInt64(index))) & 0x0F) * 10 + Int((word >> (8 * UInt64(index + 1))) & 0x0F)
        }
        let year = twoDigits(date, 0) * 100 + twoDigits(date, 2), month = twoDigits(date, 5), day = twoDigits(time, 0)
        let hour = twoDigits(time, 3), minute = twoDigits(time, 6), second = twoDigits(rest, 1)
        guard month >= 1, month <= 12, day >= 1, hour < 24, minute < 60, second < 61,
              day <= 28 || day <= CivilTime.daysInMonth(year: year, month: month)
        else { return nil }
        var offset = 0
        if bytes.count == 25 {
            let sign = UInt8(truncatingIfNeeded: rest >> 24), lastDigit = bytes[24] &- UInt8(ascii: "0")
            let hours = twoDigits(rest, 4), minutes = Int((rest >> 56) & 0x0F) * 10 + Int(lastDigit)
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), lastDigit < 10, hours < 24, minutes < 60 else { return nil }
            offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        let days = CivilTime.days(year: year, month: month, day: day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset
        return Parsed(date: Date(timeIntervalSince1970: Double(seconds)), offsetSeconds: offset)
    }

    /// Whether the bytes of `word` under `mask` (0xFF per byte) are all ASCII digits: high
    /// nibble 3, and still 3 once 6 is added (which takes `:` to `?` past `9` to `@`). A
    /// carry out of a byte needs one of 0xFA or more, whose high nibble fails the first test.
    @inline(__always)
    private static func allDigits(_ word: UInt64, at mask: UInt64) -> Bool {
        let high = mask & 0xF0F0_F0F0_F0F0_F0F0, three = mask & 0x3030_3030_3030_3030
        return word & high == three && (word &+ 0x0606_0606_0606_0606) & high == three
    }

    /// A cursor over ASCII bytes.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        var atEnd: Bool { position == bytes.count }

        func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func next() -> UInt8? {
            guard let byte = peek() else { return nil }
            position += 1
            return byte
        }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard peek() == byte else { return false }
            position += 1
            return true
        }

        mutating func digit() -> Int? {
            guard let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            position += 1
            return Int(byte - UInt8(ascii: "0"))
        }

        mutating func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        mutating func day() -> BillingDay? {
            guard let year = digits(4), skip(UInt8(ascii: "-")), let month = digits(2), skip(UInt8(ascii: "-")),
                  let day = digits(2), month >= 1, month <= 12, day >= 1,
                  day <= 28 || day <= CivilTime.daysInMonth(year: year, month: month)   // most days need no calendar
            else { return nil }
            return BillingDay(year: year, month: month, day: day)
        }
    }
}
