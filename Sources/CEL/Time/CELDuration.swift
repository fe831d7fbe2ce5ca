/// A CEL duration: a signed span with nanosecond precision. CEL limits durations to what a
/// single int64 count of nanoseconds holds (about ±292 years), see `min` and `max`.
public struct CELDuration: Hashable, Comparable, Sendable {
    /// Whole seconds.
    public var seconds: Int64
    /// Nanoseconds, with the same sign as `seconds` (or zero), magnitude below 1_000_000_000.
    public var nanos: Int32

    /// The span as given; use `init(totalNanoseconds:)` or `parse` for a normalised value,
    /// which equality, hashing and ordering assume.
    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    /// Shorter (more negative) spans first.
    public static func < (a: CELDuration, b: CELDuration) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }
}

extension CELDuration {
    static let nanosPerSecond: Int64 = 1_000_000_000

    /// The shortest duration CEL allows: -9223372036.854775808s (Int64.min nanoseconds).
    public static let min = CELDuration(totalNanoseconds: .min)
    /// The longest duration CEL allows: 9223372036.854775807s (Int64.max nanoseconds).
    public static let max = CELDuration(totalNanoseconds: .max)
    /// No time at all.
    public static let zero = CELDuration(seconds: 0)

    /// The duration of `totalNanoseconds` nanoseconds, normalised (nanos carry the sign of seconds).
    public init(totalNanoseconds: Int64) {
        // Swift's / and % truncate toward zero, so both parts carry the sign of the total.
        self.init(seconds: totalNanoseconds / Self.nanosPerSecond,
                  nanos: Int32(totalNanoseconds % Self.nanosPerSecond))
    }

    /// The length in nanoseconds, or nil when the value lies outside CEL's range. Accepts
    /// values whose nanos do not carry the sign of seconds (built by hand) and counts them right.
    public var checkedTotalNanoseconds: Int64? {
        let (scaled, overflowMultiplying) = seconds.multipliedReportingOverflow(by: Self.nanosPerSecond)
        let (total, overflowAdding) = scaled.addingReportingOverflow(Int64(nanos))
        guard !overflowMultiplying, !overflowAdding, (-999_999_999...999_999_999).contains(nanos) else {
            return nil
        }
        return total
    }

    /// The length in nanoseconds; throws when the value lies outside CEL's range.
    public func totalNanoseconds() throws(CELError) -> Int64 {
        guard let total = checkedTotalNanoseconds else {
            throw CELError("duration out of range: \(seconds)s \(nanos)ns")
        }
        return total
    }

    /// Whether the value is within `min ... max` and normalised.
    public var isInRange: Bool {
        checkedTotalNanoseconds.map { CELDuration(totalNanoseconds: $0) == self } ?? false
    }
}
