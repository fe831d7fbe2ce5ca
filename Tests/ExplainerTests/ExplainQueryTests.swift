import Foundation
import Ledger
import Testing
@testable import Explainer

/// `--since`, `--until`, `--now` and `--tz`, and how times are written.
struct ExplainQueryTests {
    static func query(since: String? = nil, until: String? = nil, now: String? = nil, tz: String? = nil) throws -> ExplainQuery {
        try ExplainQuery.resolve(snapshot: try Support.snapshot(Support.summerPromo), expected: 200,
                                 since: since, until: until, now: now, timeZone: tz)
    }

    static func utc(_ date: Date) -> String { TimeFormat(zone: TimeZone(identifier: "UTC")!).iso(date) }

    @Test(arguments: [
        (nil, nil, nil, nil, "2026-10-20T15:00:00Z", "2026-11-24T15:00:00Z"),
        ("7d", nil, nil, nil, "2026-11-17T15:00:00Z", "2026-11-24T15:00:00Z"),
        ("48h", "2026-11-24", nil, nil, "2026-11-22T15:00:00Z", "2026-11-24T06:00:00Z"),
        ("2026-11-20", "2026-11-21T12:00:00+01:00", nil, nil, "2026-11-20T06:00:00Z", "2026-11-21T11:00:00Z"),
        ("2026-11-20", nil, nil, "UTC", "2026-11-20T00:00:00Z", "2026-11-24T15:00:00Z"),
        ("1d", nil, "2026-11-10T00:00:00Z", nil, "2026-11-09T00:00:00Z", "2026-11-10T00:00:00Z"),
        ("2w", nil, nil, nil, "2026-11-10T15:00:00Z", "2026-11-24T15:00:00Z"),
    ] as [(String?, String?, String?, String?, String, String)])
    func windows(_ since: String?, _ until: String?, _ now: String?, _ tz: String?, _ from: String, _ to: String) throws {
        let query = try Self.query(since: since, until: until, now: now, tz: tz)
        #expect(Self.utc(query.since) == from)
        #expect(Self.utc(query.until) == to)
    }

    /// The library names the part of the question (`since`); the command names its flag.
    @Test(arguments: [
        ("yesterday", nil, nil,
         "invalid time 'yesterday' for since: use a date (2026-11-20), a timestamp with offset (2026-11-20T10:14:00-06:00) or a span back from now (7d, 48h)"),
        (nil, "2026-11-20T10:00:00", nil,
         "timestamp '2026-11-20T10:00:00' for until has no offset: write it as 2026-11-20T10:14:00-06:00 or with Z"),
        ("2026-02-30", nil, nil,
         "invalid time '2026-02-30' for since: use a date (2026-11-20), a timestamp with offset (2026-11-20T10:14:00-06:00) or a span back from now (7d, 48h)"),
        ("2026-11-22", "2026-11-21", nil, "since 2026-11-22T00:00:00-06:00 is after until 2026-11-21T00:00:00-06:00"),
        (nil, nil, "Mars/Olympus", "unknown time zone 'Mars/Olympus' for tz: use an IANA name such as America/Chicago or UTC"),
    ] as [(String?, String?, String?, String)])
    func mistakes(_ since: String?, _ until: String?, _ tz: String?, _ message: String) {
        #expect(throws: QueryError.self) { try Self.query(since: since, until: until, tz: tz) }
        do { _ = try Self.query(since: since, until: until, tz: tz) } catch { #expect((error as? QueryError)?.message == message) }
    }

    @Test func theCommandNamesItsFlags() throws {
        do {
            _ = try Self.query(since: "2026-11-22", until: "2026-11-21")
            Issue.record("no error")
        } catch {
            #expect((error as? QueryError)?.message(naming: { "--\($0.rawValue)" }) == "--since 2026-11-22T00:00:00-06:00 is after --until 2026-11-21T00:00:00-06:00")
        }
    }

    /// Balances from outside are range-checked before any arithmetic: `delta` used to trap.
    @Test(arguments: [
        (-9_223_372_036_854_775_807, nil, "expected is out of range, got -9223372036854775807 (a balance is at most 1000000000000 tokens either way)"),
        (-1, 9_223_372_036_854_775_807, "actual is out of range, got 9223372036854775807 (a balance is at most 1000000000000 tokens either way)"),
        (Int.min, 0, "expected is out of range, got -9223372036854775808 (a balance is at most 1000000000000 tokens either way)"),
    ] as [(Int, Int?, String)])
    func balancesBeyondAnyBalanceAreRefused(expected: Int, actual: Int?, message: String) throws {
        let snapshot = try Support.snapshot(Support.summerPromo)
        do {
            let query = try ExplainQuery.resolve(snapshot: snapshot, expected: expected, actual: actual)
            Issue.record("accepted, delta \(query.delta)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test(arguments: [
        ("200", 200), ("-200", -200), ("+5", 5), (" 12 ", 12), ("1000000000000", 1_000_000_000_000), ("-1000000000000", -1_000_000_000_000),
    ])
    func tokenCountsAsPeopleTypeThem(text: String, value: Int) throws {
        #expect(try TokenCount.parse(text) == value)
    }

    @Test(arguments: [
        ("1,200", "'1,200': write it without separators: 1200"),
        ("1_200", "'1_200': write it without separators: 1200"),
        ("200.5", "'200.5': tokens are whole numbers, with no fraction"),
        ("2e3", "'2e3': tokens are whole numbers, with no fraction"),
        ("1000000000001", "'1000000000001': out of range: a balance is at most 1000000000000 tokens either way"),
        ("-9223372036854775809", "'-9223372036854775809': out of range: a balance is at most 1000000000000 tokens either way"),
        ("abc", "'abc': not a whole number of tokens, such as 200 or -200"),
        ("", "'': not a whole number of tokens, such as 200 or -200"),
        ("--", "'--': not a whole number of tokens, such as 200 or -200"),
    ])
    func tokenCountMistakesSayWhatIsWrong(text: String, message: String) {
        do {
            let value = try TokenCount.parse(text)
            Issue.record("accepted as \(value)")
        } catch {
            #expect(error.description == message)
        }
    }
}
