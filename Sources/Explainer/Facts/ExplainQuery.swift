import Foundation
import Ledger

/// The question asked about one snapshot: the balance expected and seen, the
/// window it is about, "now", and the zone answers show times in.
public struct ExplainQuery: Sendable {
    public var expected: Int
    public var actual: Int
    public var since: Date
    public var until: Date
    public var now: Date
    /// How times are shown: `--tz`, else the client's zone, else UTC.
    public var time: TimeFormat

    /// `actual - expected`: negative when the balance is lower than expected. Cannot
    /// overflow: `resolve` keeps both within `TokenCount.largest`.
    public var delta: Int { actual - expected }

    public init(expected: Int, actual: Int, since: Date, until: Date, now: Date, time: TimeFormat) {
        self.expected = expected
        self.actual = actual
        self.since = since
        self.until = until
        self.now = now
        self.time = time
    }

    /// The default window: the 35 days up to now.
    public static let defaultWindowDays = 35

    /// Resolves the command-line form of a question (SPEC section 4): `WHEN` is a
    /// date (the start of that day in the display zone), an ISO 8601 timestamp
    /// with offset, or a span back from now (`7d`, `48h`).
    public static func resolve(
        snapshot: Snapshot, expected: Int, actual: Int? = nil,
        since: String? = nil, until: String? = nil, now: String? = nil, timeZone: String? = nil
    ) throws(QueryError) -> ExplainQuery {
        try checkRange(expected, as: .expected)
        if let actual { try checkRange(actual, as: .actual) }
        var zone = snapshot.client.timeZone
        if let timeZone { zone = try Self.zone(named: timeZone) }
        let time = TimeFormat(zone: zone)
        let nowDate = try now.map { text throws(QueryError) in
            try when(text, field: .now, relativeTo: snapshot.generatedAt, time: time)
        } ?? snapshot.generatedAt
        let untilDate = try until.map { text throws(QueryError) in
            try when(text, field: .until, relativeTo: nowDate, time: time)
        } ?? nowDate
        let sinceDate = try since.map { text throws(QueryError) in
            try when(text, field: .since, relativeTo: nowDate, time: time)
        } ?? nowDate.addingTimeInterval(-Double(defaultWindowDays) * 86_400)
        guard sinceDate <= untilDate else {
            throw QueryError(.since, "{} \(time.iso(sinceDate)) is after {until} \(time.iso(untilDate))")
        }
        return ExplainQuery(
            expected: expected, actual: actual ?? snapshot.client.balance,
            since: sinceDate, until: untilDate, now: nowDate, time: TimeFormat(zone: zone, reference: nowDate))
    }

    /// Throws when a balance is beyond any balance (`TokenCount.largest`) either way.
    static func checkRange(_ value: Int, as field: QueryError.Field) throws(QueryError) {
        guard TokenCount.isInRange(value) else {
            throw QueryError(field, "{} is out of range, got \(value) (a balance is at most \(TokenCount.largest) tokens either way)")
        }
    }

    /// The IANA zone `name` names.
    public static func zone(named name: String) throws(QueryError) -> TimeZone {
        guard let zone = TimeZone(identifier: name) else {
            throw QueryError(.tz, "unknown time zone '\(name)' for {}: use an IANA name such as America/Chicago or UTC")
        }
        return zone
    }

    /// One `WHEN` value.
    static func when(_ text: String, field: QueryError.Field, relativeTo now: Date, time: TimeFormat) throws(QueryError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let span = span(trimmed) { return now.addingTimeInterval(-span) }
        if let day = day(trimmed) { return time.startOfDay(year: day.0, month: day.1, day: day.2) }
        if trimmed.contains("T") {
            if let date = timestamp(trimmed) { return date }
            if !hasOffset(trimmed) {
                throw QueryError(field, "timestamp '\(text)' for {} has no offset: write it as 2026-11-20T10:14:00-06:00 or with Z")
            }
        }
        throw QueryError(field,
            "invalid time '\(text)' for {}: use a date (2026-11-20), a timestamp with offset (2026-11-20T10:14:00-06:00) or a span back from now (7d, 48h)")
    }

    private static func span(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let count = Int(text.dropLast()), count >= 0 else { return nil }
        switch unit {
        case "d": return Double(count) * 86_400
        case "h": return Double(count) * 3600
        case "m": return Double(count) * 60
        case "w": return Double(count) * 7 * 86_400
        default: return nil
        }
    }

    private static func day(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...TimeFormat.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        return (year, month, day)
    }

    private static func hasOffset(_ text: String) -> Bool {
        guard let t = text.firstIndex(of: "T") else { return false }
        let time = text[t...]
        return time.hasSuffix("Z") || time.contains("+") || time.contains("-")
    }

    private static func timestamp(_ text: String) -> Date? {
        guard hasOffset(text) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

/// A question that cannot be asked as written (a usage error, exit 2). The library
/// names the part of the question that is wrong (`since`); a command names it as
/// its user wrote it (`--since`), a rule example by its key.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    /// The parts of a question.
    public enum Field: String, Sendable, CaseIterable {
        case expected, actual, since, until, now, tz
    }

    /// The part the problem is about.
    public var field: Field
    /// The problem, `{}` where the field's name goes (`{until}`: another field's).
    var template: String

    init(_ field: Field, _ template: String) {
        self.field = field
        self.template = template
    }

    /// The message, each field named by `name`: `{ "--" + $0.rawValue }` for a command line.
    public func message(naming name: (Field) -> String) -> String {
        var text = template.replacingOccurrences(of: "{}", with: name(field))
        for other in Field.allCases { text = text.replacingOccurrences(of: "{\(other.rawValue)}", with: name(other)) }
        return text
    }

    /// The message with each field named as the library knows it: `since`, `tz`.
    public var message: String { message(naming: \.rawValue) }

    public var description: String { message }
}
