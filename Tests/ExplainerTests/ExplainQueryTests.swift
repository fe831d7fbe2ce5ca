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

    @Test(arguments: [
        ("yesterday", nil, nil,
         "invalid time 'yesterday' for --since: use a date (2026-11-20), a timestamp with offset (2026-11-20T10:14:00-06:00) or a span back from now (7d, 48h)"),
        (nil, "2026-11-20T10:00:00", nil,
         "timestamp '2026-11-20T10:00:00' for --until has no offset: write it as 2026-11-20T10:14:00-06:00 or with Z"),
        ("2026-02-30", nil, nil,
         "invalid time '2026-02-30' for --since: use a date (2026-11-20), a timestamp with offset (2026-11-20T10:14:00-06:00) or a span back from now (7d, 48h)"),
        ("2026-11-22", "2026-11-21", nil, "--since 2026-11-22T00:00:00-06:00 is after --until 2026-11-21T00:00:00-06:00"),
        (nil, nil, "Mars/Olympus", "unknown time zone 'Mars/Olympus' for --tz: use an IANA name such as America/Chicago or UTC"),
    ] as [(String?, String?, String?, String)])
    func mistakes(_ since: String?, _ until: String?, _ tz: String?, _ message: String) {
        #expect(throws: QueryError(message)) { try Self.query(since: since, until: until, tz: tz) }
    }
}

extension QueryError: Equatable {
    public static func == (a: QueryError, b: QueryError) -> Bool { a.message == b.message }
}
