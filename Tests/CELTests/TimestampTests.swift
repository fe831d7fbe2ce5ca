import CEL
import Foundation
import Testing

@Suite struct TimestampTests {
    /// Text in, and its `string(timestamp)` form out.
    @Test(arguments: [
        ("2009-02-13T23:31:30Z", "2009-02-13T23:31:30Z"),
        ("2009-02-13t23:31:30z", "2009-02-13T23:31:30Z"),
        ("2009-02-13T23:31:30.5Z", "2009-02-13T23:31:30.5Z"),
        ("2009-02-13T23:31:30.500Z", "2009-02-13T23:31:30.5Z"),
        ("2009-02-13T23:31:30.123Z", "2009-02-13T23:31:30.123Z"),
        ("2009-02-13T23:31:30.000001Z", "2009-02-13T23:31:30.000001Z"),
        ("2009-02-13T23:31:30.000000001Z", "2009-02-13T23:31:30.000000001Z"),
        ("2009-02-13T23:31:30.000000000Z", "2009-02-13T23:31:30Z"),
        ("2023-08-26T12:39:00-07:00", "2023-08-26T19:39:00Z"),
        ("2009-02-14T05:01:30+05:30", "2009-02-13T23:31:30Z"),
        ("2000-02-29T00:00:00Z", "2000-02-29T00:00:00Z"),
        ("1969-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.999999999Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        ("0001-01-01T05:30:00+05:30", "0001-01-01T00:00:00Z"),
        ("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z"),
        ("9999-12-31T15:59:59.999999999-08:00", "9999-12-31T23:59:59.999999999Z"),
    ])
    func parsesAndPrints(text: String, printed: String) throws {
        let timestamp = try CELTimestamp.parse(text)
        #expect(timestamp.celString == printed)
        #expect(try CELTimestamp.parse(printed) == timestamp)
    }

    @Test(arguments: [
        ("2009-02-13T23:31:30Z", 1_234_567_890 as Int64, 0 as Int32),
        ("1970-01-01T00:00:00Z", 0, 0),
        ("1969-12-31T23:59:59.5Z", -1, 500_000_000),
        ("0001-01-01T00:00:00Z", -62_135_596_800, 0),
        ("9999-12-31T23:59:59.999999999Z", 253_402_300_799, 999_999_999),
    ])
    func parsesToEpochSecondsAndNanos(text: String, seconds: Int64, nanos: Int32) throws {
        #expect(try CELTimestamp.parse(text) == CELTimestamp(seconds: seconds, nanos: nanos))
    }

    @Test(arguments: [
        ("", "invalid timestamp '': expected a four-digit year"),
        ("2009", "invalid timestamp '2009': expected '-' at offset 4"),
        ("09-02-13T23:31:30Z", "invalid timestamp '09-02-13T23:31:30Z': expected a four-digit year"),
        ("2009-2-13T23:31:30Z", "invalid timestamp '2009-2-13T23:31:30Z': expected 2 digits for the month at offset 5"),
        ("2009-13-13T23:31:30Z", "invalid timestamp '2009-13-13T23:31:30Z': month 13 out of range"),
        ("2009-00-13T23:31:30Z", "invalid timestamp '2009-00-13T23:31:30Z': month 0 out of range"),
        ("2009-02-29T00:00:00Z", "invalid timestamp '2009-02-29T00:00:00Z': day 29 out of range"),
        ("2100-02-29T00:00:00Z", "invalid timestamp '2100-02-29T00:00:00Z': day 29 out of range"),
        ("2009-04-31T00:00:00Z", "invalid timestamp '2009-04-31T00:00:00Z': day 31 out of range"),
        ("2009-02-13 23:31:30Z", "invalid timestamp '2009-02-13 23:31:30Z': expected 'T' at offset 10"),
        ("2009-02-13T24:00:00Z", "invalid timestamp '2009-02-13T24:00:00Z': hour 24 out of range"),
        ("2009-02-13T23:60:00Z", "invalid timestamp '2009-02-13T23:60:00Z': minute 60 out of range"),
        ("2009-02-13T23:59:60Z", "invalid timestamp '2009-02-13T23:59:60Z': second 60 out of range"),
        ("2009-02-13T23:31Z", "invalid timestamp '2009-02-13T23:31Z': expected ':' at offset 16"),
        ("2009-02-13T23:31:30", "invalid timestamp '2009-02-13T23:31:30': expected 'Z' or an offset like +05:30 at offset 19"),
        ("2009-02-13T23:31:30.Z", "invalid timestamp '2009-02-13T23:31:30.Z': expected digits after '.'"),
        ("2009-02-13T23:31:30.1234567891Z", "invalid timestamp '2009-02-13T23:31:30.1234567891Z': more than 9 fractional digits"),
        ("2009-02-13T23:31:30+0530", "invalid timestamp '2009-02-13T23:31:30+0530': expected ':' at offset 22"),
        ("2009-02-13T23:31:30+24:00", "invalid timestamp '2009-02-13T23:31:30+24:00': offset hour 24 out of range"),
        ("2009-02-13T23:31:30+05:60", "invalid timestamp '2009-02-13T23:31:30+05:60': offset minute 60 out of range"),
        ("2009-02-13T23:31:30ZZ", "invalid timestamp '2009-02-13T23:31:30ZZ': unexpected text at offset 20"),
        (" 2009-02-13T23:31:30Z", "invalid timestamp ' 2009-02-13T23:31:30Z': expected a four-digit year"),
        ("0000-01-01T00:00:00Z", "timestamp out of range: '0000-01-01T00:00:00Z'"),
        ("0001-01-01T00:00:00+00:01", "timestamp out of range: '0001-01-01T00:00:00+00:01'"),
        ("10000-01-01T00:00:00Z", "timestamp out of range: '10000-01-01T00:00:00Z'"),
        ("9999-12-31T23:59:59.999999999-00:01", "timestamp out of range: '9999-12-31T23:59:59.999999999-00:01'"),
    ])
    func refusesText(text: String, message: String) {
        #expect(throws: CELError(message)) { try CELTimestamp.parse(text) }
    }

    @Test(arguments: [
        (1_234_567_890 as Int64, "2009-02-13T23:31:30Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
    ])
    func convertsEpochSeconds(seconds: Int64, printed: String) throws {
        let timestamp = try CELTimestamp(epochSeconds: seconds)
        #expect(timestamp.celString == printed)
        #expect(timestamp.epochSeconds == seconds)
    }

    @Test(arguments: [
        (-62_135_596_801 as Int64, "timestamp out of range: -62135596801"),
        (253_402_300_800, "timestamp out of range: 253402300800"),
        (.min, "timestamp out of range: -9223372036854775808"),
    ])
    func refusesEpochSecondsOutOfRange(seconds: Int64, message: String) {
        #expect(throws: CELError(message)) { try CELTimestamp(epochSeconds: seconds) }
    }

    @Test(arguments: [
        (CELTimestamp.min, true), (CELTimestamp.max, true),
        (CELTimestamp(seconds: -62_135_596_801, nanos: 999_999_999), false),
        (CELTimestamp(seconds: 253_402_300_800), false),
        (CELTimestamp(seconds: 0, nanos: -1), false),
        (CELTimestamp(seconds: 0, nanos: 1_000_000_000), false),
    ])
    func knowsItsRange(timestamp: CELTimestamp, inRange: Bool) {
        #expect(timestamp.isInRange == inRange)
    }

    @Test(arguments: [
        ("2009-02-13T23:31:30Z", "2009-02-13T23:31:30Z"),
        ("2009-02-13T23:31:30.123Z", "2009-02-13T23:31:30.123Z"),
        ("1969-12-31T23:59:59.25Z", "1969-12-31T23:59:59.25Z"),
        ("2026-11-25T12:00:00.123456789Z", "2026-11-25T12:00:00.123457Z"),
        ("2026-11-25T12:00:00.9999999Z", "2026-11-25T12:00:01Z"),
    ])
    func convertsToAndFromDate(text: String, printed: String) throws {
        let timestamp = try CELTimestamp.parse(text)
        #expect(CELTimestamp(date: timestamp.date).celString == printed)
    }

    @Test func convertsFromFoundationDate() {
        #expect(CELTimestamp(date: Date(timeIntervalSince1970: 1_234_567_890.5)) == CELTimestamp(seconds: 1_234_567_890, nanos: 500_000_000))
        #expect(CELTimestamp(date: Date(timeIntervalSince1970: -0.25)) == CELTimestamp(seconds: -1, nanos: 750_000_000))
        #expect(CELTimestamp(seconds: 1_234_567_890).date == Date(timeIntervalSince1970: 1_234_567_890))
        #expect(CELTimestamp(date: Date(timeIntervalSinceReferenceDate: .infinity)).isInRange == false)
        #expect(CELTimestamp(date: Date(timeIntervalSinceReferenceDate: -.infinity)).isInRange == false)
        #expect(CELTimestamp(date: .distantPast).isInRange == false)  // 0000-12-30, before year 1
        #expect(CELTimestamp(date: .distantFuture).celString == "4001-01-01T00:00:00Z")
    }

    @Test func ordersByInstant() throws {
        #expect(try CELTimestamp.parse("2009-02-13T23:31:30Z") < CELTimestamp.parse("2009-02-13T23:31:30.000000001Z"))
        #expect(try CELTimestamp.parse("2009-02-13T23:31:30+01:00") < CELTimestamp.parse("2009-02-13T23:31:30Z"))
        #expect(try CELTimestamp.parse("2009-02-14T00:31:30+01:00") == CELTimestamp.parse("2009-02-13T23:31:30Z"))
    }
}
