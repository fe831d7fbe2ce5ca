import Foundation
import Ledger
import Testing

/// "Now" of the examples: 2026-11-24T15:00:00Z. Times in its year are shown without the year.
private let now = Date(timeIntervalSince1970: 1_795_532_400)

@Test(arguments: [
    ("America/Chicago", "2026-11-20T16:14:00Z", "Nov 20, 10:14 AM CST", "10:14 AM CST", "Nov 20", "2026-11-20T10:14:00-06:00"),
    ("America/Chicago", "2026-07-04T17:05:00Z", "Jul 4, 12:05 PM CDT", "12:05 PM CDT", "Jul 4", "2026-07-04T12:05:00-05:00"),
    ("America/Chicago", "2025-12-31T23:59:00Z", "Dec 31, 2025, 5:59 PM CST", "5:59 PM CST", "Dec 31, 2025", "2025-12-31T17:59:00-06:00"),
    ("UTC", "2026-11-20T00:00:00Z", "Nov 20, 12:00 AM UTC", "12:00 AM UTC", "Nov 20", "2026-11-20T00:00:00Z"),
    ("Asia/Kolkata", "2026-11-24T00:30:00Z", "Nov 24, 6:00 AM IST", "6:00 AM IST", "Nov 24", "2026-11-24T06:00:00+05:30"),
    ("Europe/Berlin", "2026-11-23T08:12:00Z", "Nov 23, 9:12 AM CET", "9:12 AM CET", "Nov 23", "2026-11-23T09:12:00+01:00"),
    ("Europe/Berlin", "2026-10-20T08:00:00Z", "Oct 20, 10:00 AM CEST", "10:00 AM CEST", "Oct 20", "2026-10-20T10:00:00+02:00"),
    ("Australia/Adelaide", "2026-11-12T00:00:00Z", "Nov 12, 10:30 AM ACDT", "10:30 AM ACDT", "Nov 12", "2026-11-12T10:30:00+10:30"),
    ("Asia/Tokyo", "2026-11-20T04:05:00Z", "Nov 20, 1:05 PM JST", "1:05 PM JST", "Nov 20", "2026-11-20T13:05:00+09:00"),
    ("America/New_York", "1969-12-31T23:30:00Z", "Dec 31, 1969, 6:30 PM EST", "6:30 PM EST", "Dec 31, 1969", "1969-12-31T18:30:00-05:00"),
])
func timesAreShownInTheirZoneWithItsName(
    _ zone: String, _ at: String, _ dateTime: String, _ clock: String, _ date: String, _ iso: String
) throws {
    let format = TimeFormat(zone: try #require(TimeZone(identifier: zone)), reference: now)
    let time = instant(at)
    #expect(format.dateTime(time) == dateTime)
    #expect(format.clock(time) == clock)
    #expect(format.shortDate(time) == date)
    #expect(format.iso(time) == iso)
}

/// The credits log and the explainer agree with Foundation's calendar on every day of a
/// leap year and across a daylight-saving change, at local midnight and noon.
@Test(arguments: ["America/Chicago", "Europe/Berlin", "Australia/Adelaide", "Asia/Kolkata"])
func localDatesAgreeWithFoundation(_ zone: String) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    let format = TimeFormat(zone: timeZone, reference: now)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    for dayIndex in 0..<366 {
        let day = calendar.date(from: DateComponents(year: 2028, month: 1, day: 1 + dayIndex))!
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        let start = format.startOfDay(year: parts.year!, month: parts.month!, day: parts.day!)
        #expect(start == calendar.startOfDay(for: day))
        let local = format.local(start.addingTimeInterval(12 * 3600))
        #expect([local.year, local.month, local.day] as [Int] == [parts.year!, parts.month!, parts.day!])
    }
}

@Test(arguments: [(2026, 2, 28), (2028, 2, 29), (2100, 2, 28), (2000, 2, 29), (2026, 11, 30), (2026, 12, 31)])
func monthsHaveTheirDays(_ year: Int, _ month: Int, _ days: Int) {
    #expect(TimeFormat.daysInMonth(year: year, month: month) == days)
}

@Test func withoutAReferenceNoYearIsShown() throws {
    let format = TimeFormat(zone: try #require(TimeZone(identifier: "America/Chicago")))
    #expect(format.dateTime(instant("2020-01-02T18:00:00Z")) == "Jan 2, 12:00 PM CST")
}
