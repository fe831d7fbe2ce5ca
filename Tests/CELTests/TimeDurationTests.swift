import CEL
import Testing

@Suite struct TimeDurationTests {
    /// Text in; total nanoseconds and `string(duration)` out.
    @Test(arguments: [
        ("0", 0 as Int64, "0s"),
        ("-0", 0, "0s"),
        ("+0", 0, "0s"),
        ("0s", 0, "0s"),
        ("1h30m", 5_400_000_000_000, "5400s"),
        ("1.5h", 5_400_000_000_000, "5400s"),
        ("-1.5h", -5_400_000_000_000, "-5400s"),
        ("-1.5s", -1_500_000_000, "-1.5s"),
        ("1.5s", 1_500_000_000, "1.5s"),
        ("300ms", 300_000_000, "0.3s"),
        ("2us", 2_000, "0.000002s"),
        ("2µs", 2_000, "0.000002s"),
        ("2μs", 2_000, "0.000002s"),
        ("1ns", 1, "0.000000001s"),
        ("-1ns", -1, "-0.000000001s"),
        ("1m1ms", 60_001_000_000, "60.001s"),
        ("1h34us", 3_600_000_034_000, "3600.000034s"),
        ("1000000s", 1_000_000_000_000_000, "1000000s"),
        (".5h", 1_800_000_000_000, "1800s"),
        ("5.s", 5_000_000_000, "5s"),
        ("-23.4s", -23_400_000_000, "-23.4s"),
        ("1h1h", 7_200_000_000_000, "7200s"),
        ("1.0000000001s", 1_000_000_000, "1s"),
        ("0.333333333333h", 1_199_999_999_998, "1199.999999998s"),
        ("9223372036.854775807s", .max, "9223372036.854775807s"),
        ("-9223372036.854775808s", .min, "-9223372036.854775808s"),
        ("2562047h47m16.854775807s", .max, "9223372036.854775807s"),
    ])
    func parsesAndPrints(text: String, nanoseconds: Int64, printed: String) throws {
        let duration = try CELDuration.parse(text)
        #expect(try duration.totalNanoseconds() == nanoseconds)
        #expect(duration == CELDuration(totalNanoseconds: nanoseconds))
        #expect(duration.celString == printed)
        #expect(try CELDuration.parse(printed) == duration)
    }

    @Test(arguments: [
        ("", "invalid duration ''"),
        ("-", "invalid duration '-'"),
        ("s", "invalid duration 's'"),
        (".s", "invalid duration '.s'"),
        ("1h-1m", "unknown unit 'h-' in duration '1h-1m'"),
        ("1h+", "unknown unit 'h+' in duration '1h+'"),
        ("1h.", "invalid duration '1h.'"),
        ("10", "missing unit in duration '10'"),
        ("00", "missing unit in duration '00'"),
        ("1.5", "missing unit in duration '1.5'"),
        ("1d", "unknown unit 'd' in duration '1d'"),
        ("1H", "unknown unit 'H' in duration '1H'"),
        ("1 s", "unknown unit ' s' in duration '1 s'"),
        ("1sec", "unknown unit 'sec' in duration '1sec'"),
        ("320000000000s", "duration out of range: '320000000000s'"),
        ("-320000000000s", "duration out of range: '-320000000000s'"),
        ("9223372036.854775808s", "duration out of range: '9223372036.854775808s'"),
        ("-9223372036.854775809s", "duration out of range: '-9223372036.854775809s'"),
        ("2562048h", "duration out of range: '2562048h'"),
        ("99999999999999999999ns", "duration out of range: '99999999999999999999ns'"),
    ])
    func refusesText(text: String, message: String) {
        #expect(throws: CELError(message)) { try CELDuration.parse(text) }
    }

    @Test(arguments: [
        (CELDuration.max, true), (CELDuration.min, true), (CELDuration(seconds: -1, nanos: -5), true),
        (CELDuration(seconds: 1, nanos: -5), false),
        (CELDuration(seconds: 9_223_372_037), false),
        (CELDuration(seconds: 0, nanos: 1_000_000_000), false),
    ])
    func knowsItsRange(duration: CELDuration, inRange: Bool) {
        #expect(duration.isInRange == inRange)
    }

    @Test func normalisesNanosToTheSignOfSeconds() throws {
        #expect(CELDuration(totalNanoseconds: -1_500_000_000) == CELDuration(seconds: -1, nanos: -500_000_000))
        #expect(try CELDuration(seconds: 2, nanos: -500_000_000).totalNanoseconds() == 1_500_000_000)
        #expect(CELDuration(seconds: 2, nanos: -500_000_000).celString == "1.5s")
        #expect(throws: CELError("duration out of range: 9223372037s 0ns")) {
            try CELDuration(seconds: 9_223_372_037).totalNanoseconds()
        }
    }

    @Test func ordersByLength() throws {
        #expect(try CELDuration.parse("-1s") < CELDuration.parse("-999ms"))
        #expect(try CELDuration.parse("1h") == CELDuration.parse("60m"))
        #expect(try CELDuration.parse("2h") < CELDuration.parse("3h"))
    }

    @Test(arguments: [
        ("3h", DurationGetter.getHours, 3 as Int64),
        ("10000s", .getHours, 2),
        ("-1.5h", .getHours, -1),
        ("3730s", .getMinutes, 62),
        ("1h30m", .getMinutes, 90),
        ("-90.5s", .getMinutes, -1),
        ("3730s", .getSeconds, 3730),
        ("1m30s", .getSeconds, 90),
        ("-1.9s", .getSeconds, -1),
        ("1.234s", .getMilliseconds, 234),
        ("123.321456789s", .getMilliseconds, 321),
        ("-1.234s", .getMilliseconds, -234),
        ("5s", .getMilliseconds, 0),
        ("9223372036.854775807s", .getHours, 2_562_047),
        ("-9223372036.854775808s", .getMilliseconds, -854),
    ])
    func gets(text: String, getter: DurationGetter, value: Int64) throws {
        #expect(try CELDuration.parse(text).component(getter) == value)
    }

    @Test func namesGettersAsCELDoes() {
        #expect(DurationGetter.allCases.map(\.rawValue) == ["getHours", "getMinutes", "getSeconds", "getMilliseconds"])
    }
}
