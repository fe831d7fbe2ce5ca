import Foundation
import Ledger
import Testing

@Test(arguments: [
    ("2026-11-20T16:14:00-06:00", 1_795_212_840.0, -21600),
    ("2026-11-20T22:14:00Z", 1_795_212_840.0, 0),
    ("2026-11-20t22:14:00z", 1_795_212_840.0, 0),
    ("2026-11-20 22:14:00Z", 1_795_212_840.0, 0),
    ("2026-11-21T03:44:00+05:30", 1_795_212_840.0, 19800),
    ("2026-11-21T03:44:00+0530", 1_795_212_840.0, 19800),
    ("2026-11-21T03:00:00+05", 1_795_212_000.0, 18000),
    ("2026-11-20T22:14Z", 1_795_212_840.0, 0),
    ("2026-11-20T22:14:00.250Z", 1_795_212_840.25, 0),
    ("1969-12-31T23:59:59Z", -1.0, 0),
    ("2028-02-29T00:00:00Z", 1_835_395_200.0, 0),
])
func parsesTimestamps(text: String, seconds: Double, offset: Int) throws {
    let parsed = try #require(ISOTimestamp.parse(text))
    #expect(parsed.date.timeIntervalSince1970 == seconds)
    #expect(parsed.offsetSeconds == offset)
}

@Test(arguments: ["2026-11-20T16:14:00", "2026-11-20T16:14"])
func timestampsWithoutOffsetHaveNone(text: String) throws {
    #expect(try #require(ISOTimestamp.parse(text)).offsetSeconds == nil)
}

@Test(arguments: ["", "yesterday", "2026-11-20", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-11-20T24:00:00Z",
                  "2026-11-20T10:60:00Z", "2026-11-20T10:00:00+25:00", "2026-11-20T10:00:00Z junk", "2026-11-20T10:00:00.Z",
                  "26-11-20T10:00:00Z"])
func rejectsWhatIsNotATimestamp(text: String) {
    #expect(ISOTimestamp.parse(text) == nil)
}

@Test(arguments: [
    ("2026-11-20T22:14:00Z", "America/Chicago", "2026-11-20T16:14:00-06:00"),
    ("2026-07-20T22:14:00Z", "America/Chicago", "2026-07-20T17:14:00-05:00"),
    ("2026-11-20T22:14:00Z", "UTC", "2026-11-20T22:14:00Z"),
    ("2026-11-20T22:14:00Z", "Asia/Kolkata", "2026-11-21T03:44:00+05:30"),
    ("2026-11-20T22:14:00.250Z", "UTC", "2026-11-20T22:14:00.250Z"),
    ("1969-12-31T23:59:59Z", "UTC", "1969-12-31T23:59:59Z"),
])
func formatsInAZone(utc: String, zone: String, expected: String) {
    #expect(ISOTimestamp.format(instant(utc), in: TimeZone(identifier: zone)!) == expected)
}

@Test(arguments: [("2026-11-15", 2026, 11, 15), ("2028-02-29", 2028, 2, 29)])
func parsesDays(text: String, year: Int, month: Int, day: Int) {
    #expect(ISOTimestamp.parseDay(text) == BillingDay(year: year, month: month, day: day))
}

@Test(arguments: ["2026-02-29", "2026-11-15T00:00:00Z", "2026-1-5", "15.11.2026"])
func rejectsWhatIsNotADay(text: String) {
    #expect(ISOTimestamp.parseDay(text) == nil)
}
