import CEL
import Testing

@Suite struct TimestampGetterTests {
    /// Every getter in UTC (no zone) on 2009-02-13T23:31:20.123456789Z, a Friday, and
    /// on the range edges.
    @Test(arguments: [
        ("2009-02-13T23:31:20.123456789Z", [2009, 1, 13, 12, 5, 43, 23, 31, 20, 123] as [Int64]),
        ("2023-12-25T12:00:00.5Z", [2023, 11, 25, 24, 1, 358, 12, 0, 0, 500]),
        ("2024-12-31T23:59:59.999Z", [2024, 11, 31, 30, 2, 365, 23, 59, 59, 999]),
        ("2023-03-01T00:00:00Z", [2023, 2, 1, 0, 3, 59, 0, 0, 0, 0]),
        ("1969-12-31T23:59:59Z", [1969, 11, 31, 30, 3, 364, 23, 59, 59, 0]),
        ("0001-01-01T00:00:00Z", [1, 0, 1, 0, 1, 0, 0, 0, 0, 0]),
        ("9999-12-31T23:59:59.999999999Z", [9999, 11, 31, 30, 5, 364, 23, 59, 59, 999]),
    ])
    func getsEveryComponentInUTC(text: String, values: [Int64]) throws {
        let timestamp = try CELTimestamp.parse(text)
        for (getter, value) in zip(TimestampGetter.allCases, values) {
            #expect(try timestamp.component(getter, zone: nil) == value, "\(getter)")
            #expect(try timestamp.component(getter, zone: "UTC") == value, "\(getter) UTC")
            #expect(timestamp.component(getter, in: .utc) == value, "\(getter) .utc")
        }
    }

    @Test func namesGettersAsCELDoes() {
        #expect(TimestampGetter.allCases.map(\.rawValue) == [
            "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear",
            "getHours", "getMinutes", "getSeconds", "getMilliseconds",
        ])
    }

    /// The conformance suite's cases with zones, and the language definition's examples.
    @Test(arguments: [
        ("2009-02-13T23:31:30Z", TimestampGetter.getDate, "Australia/Sydney", 14 as Int64),
        ("2009-02-13T23:31:30Z", .getDayOfMonth, "US/Central", 12),
        ("2009-02-13T23:31:30Z", .getDayOfMonth, "+11:00", 13),
        ("2009-02-13T02:00:00Z", .getDayOfMonth, "-02:30", 11),
        ("2009-02-13T02:00:00Z", .getDayOfMonth, "America/St_Johns", 11),
        ("2009-02-13T23:31:30Z", .getDayOfWeek, "UTC", 5),
        ("2009-02-13T23:31:30Z", .getDayOfYear, "US/Central", 43),
        ("2009-02-13T23:31:30Z", .getFullYear, "-09:30", 2009),
        ("2009-02-13T23:31:30Z", .getHours, "02:00", 1),
        ("2009-02-13T23:31:30Z", .getMinutes, "Asia/Kathmandu", 16),
        ("2009-02-13T23:31:30Z", .getMonth, "UTC", 1),
        ("2009-02-13T23:31:30Z", .getSeconds, "-00:00", 30),
        ("2023-12-25T00:00:00Z", .getDate, "America/Los_Angeles", 24),
        ("2023-12-25T00:00:00Z", .getDayOfMonth, "America/Los_Angeles", 23),
        ("2024-01-01T03:00:00Z", .getFullYear, "America/Chicago", 2023),
        ("2024-01-01T03:00:00Z", .getDayOfYear, "America/Chicago", 364),
        ("2024-01-01T03:00:00Z", .getMonth, "-05:00", 11),
        ("2024-01-01T03:00:00Z", .getDayOfWeek, "-05:00", 0),
        ("2009-02-13T23:31:30.250Z", .getMilliseconds, "Asia/Kathmandu", 250),
        ("2009-02-13T23:31:30Z", .getHours, "CET", 0),
        ("2009-02-13T23:31:30Z", .getHours, "Etc/GMT+5", 18),
        ("0001-01-01T00:00:00Z", .getFullYear, "-08:00", 0),
        ("9999-12-31T23:59:59Z", .getFullYear, "+08:00", 10000),
    ])
    func getsInZone(text: String, getter: TimestampGetter, zone: String, value: Int64) throws {
        #expect(try CELTimestamp.parse(text).component(getter, zone: zone) == value)
    }

    /// America/Chicago springs forward at 2023-03-12 02:00 CST (08:00Z) and falls back at
    /// 2023-11-05 02:00 CDT (07:00Z): the hour repeats, the offset changes.
    @Test(arguments: [
        ("2023-03-12T07:59:59Z", [1, 59, 59] as [Int64], -21_600 as Int64),
        ("2023-03-12T08:00:00Z", [3, 0, 0], -18_000),
        ("2023-11-05T06:59:59Z", [1, 59, 59], -18_000),
        ("2023-11-05T07:00:00Z", [1, 0, 0], -21_600),
        ("2023-11-05T08:00:00Z", [2, 0, 0], -21_600),
    ])
    func followsDaylightSavingInChicago(text: String, clock: [Int64], offset: Int64) throws {
        let timestamp = try CELTimestamp.parse(text)
        let chicago = try CELTimeZone.parse("America/Chicago")
        #expect(chicago.offsetSeconds(at: timestamp) == offset)
        #expect([TimestampGetter.getHours, .getMinutes, .getSeconds].map { timestamp.component($0, in: chicago) } == clock)
        #expect(try timestamp.component(.getDate, zone: "America/Chicago") == (text.hasPrefix("2023-03") ? 12 : 5))
    }

    @Test(arguments: [
        ("+05:30", 19_800 as Int64), ("-08:00", -28_800), ("05:30", 19_800), ("-00:00", 0),
        ("+23:59", 86_340), ("UTC", 0),
    ])
    func readsFixedOffsets(zone: String, offset: Int64) throws {
        #expect(try CELTimeZone.parse(zone).offsetSeconds(at: CELTimestamp(seconds: 0)) == offset)
        #expect(try CELTimeZone.parse(zone).name == zone)
    }

    @Test(arguments: [
        ("Mars/Olympus_Mons", "unknown time zone 'Mars/Olympus_Mons'"),
        ("america/chicago", "unknown time zone 'america/chicago'"),
        ("utc", "unknown time zone 'utc'"),
        ("PST", "unknown time zone 'PST'"),
        ("GMT+0530", "unknown time zone 'GMT+0530'"),
        ("", "unknown time zone ''"),
        ("America", "unknown time zone 'America'"),
        ("../../etc/passwd", "unknown time zone '../../etc/passwd'"),
        ("/etc/localtime", "unknown time zone '/etc/localtime'"),
        ("+5:30", "invalid time zone offset '+5:30': expected [+|-]HH:MM"),
        ("+05:30:00", "invalid time zone offset '+05:30:00': expected [+|-]HH:MM"),
        ("UTC+05:00", "invalid time zone offset 'UTC+05:00': expected [+|-]HH:MM"),
        ("+24:00", "invalid time zone offset '+24:00': out of range"),
        ("+05:60", "invalid time zone offset '+05:60': out of range"),
    ])
    func refusesUnknownZones(zone: String, message: String) throws {
        let timestamp = try CELTimestamp.parse("2009-02-13T23:31:30Z")
        #expect(throws: CELError(message)) { try timestamp.component(.getHours, zone: zone) }
        #expect(throws: CELError(message)) { try CELTimeZone.parse(zone) }
    }
}
