import CEL
import Testing

/// Timestamps, durations and regexes as the language uses them: the time and regex library wired
/// into functions, operators, conversions and compile-time checks.
struct DateExpressionTests {
    static var environment: CELEnvironment {
        var environment = testEnvironment()
        environment.declareVariable("at", type: .timestamp)
        environment.declareVariable("zone", type: .string)
        return environment
    }

    static let bindings: [String: CELValue] = testBindings.merging([
        "at": .timestamp(CELTimestamp(seconds: 1_763_633_640)),  // 2025-11-20T10:14:00Z
        "zone": .string("America/Chicago"),
    ]) { $1 }

    @Test(arguments: [
        ("at", #"timestamp("2025-11-20T10:14:00Z")"#), ("duration('90s')", #"duration("90s")"#),
        ("string(at)", #""2025-11-20T10:14:00Z""#),
        ("int(at)", "1763633640"),
        ("timestamp('2025-11-20T10:14:00Z') == at", "true"),
        ("timestamp('2025-11-20T04:14:00-06:00') == at", "true"),
        ("timestamp(1763633640) == at", "true"),
        ("string(at + duration('48h'))", #""2025-11-22T10:14:00Z""#),
        ("string(at - duration('1h30m'))", #""2025-11-20T08:44:00Z""#),
        ("string(timestamp('2025-11-22T10:14:00Z') - at)", #""172800s""#),
        ("timestamp('2025-11-22T10:14:00Z') - at > duration('47h')", "true"),
        ("at < timestamp('2025-12-01T00:00:00Z') && at >= at", "true"),
        ("string(duration('1m30s') + duration('0.5s'))", #""90.5s""#),
        ("duration('1h30m').getMinutes()", "90"),
        ("duration('-1.234s').getMilliseconds()", "-234"),
        ("at.getFullYear()", "2025"), ("at.getMonth()", "10"), ("at.getDate()", "20"), ("at.getDayOfMonth()", "19"),
        ("at.getDayOfWeek()", "4"), ("at.getDayOfYear()", "323"), ("at.getHours()", "10"), ("at.getMinutes()", "14"),
        ("at.getHours('America/Chicago')", "4"), ("at.getHours(zone)", "4"), ("at.getHours('+05:30')", "15"),
        ("at.getMinutes('-02:45')", "29"), ("at.getDate('Pacific/Kiritimati')", "21"),
        ("type(at) == google.protobuf.Timestamp", "true"), ("type(duration('1s'))", "google.protobuf.Duration"),
        ("'hubba'.matches('^h(u|a)bb+a$') && !'hubba'.matches('^x')", "true"),
        ("'abc'.matches('(?i)ABC')", "true"), ("matches('x1', '\\\\d')", "true"),
    ])
    func values(source: String, expected: String) {
        #expect(outcome(source, environment: Self.environment, bindings: Self.bindings) == expected)
    }

    @Test(arguments: [
        ("timestamp('2025-13-01T00:00:00Z')", "error at 1:1: "),
        ("timestamp('10000-01-01T00:00:00Z')", "error at 1:1: "),
        ("timestamp('9999-12-31T23:59:59Z') + duration('1s')", "error at 1:35: "),
        ("duration('1x')", "error at 1:1: "),
        ("at.getHours(name)", "error at 1:4: "),
        ("at.getHours('Mars/Olympus')", "<expression>:1:13: error: "),
        ("'a'.matches('(a)\\\\1')", "<expression>:1:13: error: "),
        ("'a'.matches('(?=a)')", "<expression>:1:13: error: "),
        ("name.matches(zone + '(')", "error at 1:6: "),
        ("at + 1", "<expression>:1:4: error: found no matching overload for '+' applied to '(google.protobuf.Timestamp, int)'"),
        ("duration('1s').getFullYear()", "<expression>:1:16: error: found no matching overload for 'getFullYear' applied to 'google.protobuf.Duration.()'"),
    ])
    func errors(source: String, expectedPrefix: String) {
        let result = outcome(source, environment: Self.environment, bindings: Self.bindings)
        #expect(result.hasPrefix(expectedPrefix), "\(result)")
        #expect(result.count > expectedPrefix.count + 5, "the message names the problem: \(result)")
    }
}
