import Foundation

/// A CEL timestamp: an instant with nanosecond precision, 0001-01-01 to 9999-12-31 UTC.
public struct CELTimestamp: Hashable, Comparable, Sendable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Nanoseconds within the second, 0..<1_000_000_000.
    public var nanos: Int32

    /// The instant `seconds` and `nanos` after the Unix epoch, as given (see `isInRange`).
    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    /// Earlier instants first.
    public static func < (a: CELTimestamp, b: CELTimestamp) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }
}

extension CELTimestamp {
    /// The earliest timestamp CEL allows: 0001-01-01T00:00:00Z.
    public static let min = CELTimestamp(seconds: -62_135_596_800, nanos: 0)
    /// The latest timestamp CEL allows: 9999-12-31T23:59:59.999999999Z.
    public static let max = CELTimestamp(seconds: 253_402_300_799, nanos: 999_999_999)

    /// Seconds between the Unix epoch and Foundation's reference date (2001-01-01), exact.
    static let referenceDateOffset: Int64 = 978_307_200

    /// The instant `date` stands for, rounded to the microsecond: a `Date` (a `Double` of seconds
    /// since 2001) tells instants of this century apart only to about a tenth of a microsecond,
    /// so finer digits would be noise (`.123` would come back as `.122999996`).
    public init(date: Date) {
        // Split off whole seconds before scaling, so the fraction keeps the Double's precision.
        // Clamp first: a Date may hold any Double, and converting one beyond Int64 would trap.
        // Anything clamped is far outside CEL's range, which `isInRange` then reports.
        let limit = 1e15
        let raw = date.timeIntervalSinceReferenceDate
        let interval = raw.isNaN ? 0 : Swift.min(Swift.max(raw, -limit), limit)
        let whole = interval.rounded(.down)
        var nanos = Int64(((interval - whole) * 1e6).rounded()) * 1000
        var seconds = Int64(whole) + Self.referenceDateOffset
        if nanos >= 1_000_000_000 {
            nanos -= 1_000_000_000
            seconds += 1
        }
        self.init(seconds: seconds, nanos: Int32(nanos))
    }

    /// The same instant as a Foundation `Date` (to a `Double`'s precision, about a microsecond today).
    public var date: Date {
        Date(timeIntervalSinceReferenceDate: Double(seconds - Self.referenceDateOffset) + Double(nanos) / 1e9)
    }

    /// `timestamp(int)`: the instant `epochSeconds` seconds after 1970-01-01T00:00:00Z.
    public init(epochSeconds: Int64) throws(CELError) {
        let timestamp = CELTimestamp(seconds: epochSeconds)
        guard timestamp.isInRange else {
            throw CELError("timestamp out of range: \(epochSeconds)")
        }
        self = timestamp
    }

    /// Whether the value lies within 0001-01-01T00:00:00Z ... 9999-12-31T23:59:59.999999999Z
    /// with its nanoseconds in 0..<1_000_000_000.
    public var isInRange: Bool {
        (0..<1_000_000_000).contains(nanos) && Self.min <= self && self <= Self.max
    }

    /// `int(timestamp)`: whole seconds since the Unix epoch (rounded down, as nanos are never negative).
    public var epochSeconds: Int64 { seconds }
}
