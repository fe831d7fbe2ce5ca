/// A CEL duration: a signed span with nanosecond precision, within about ±10,000 years.
public struct CELDuration: Hashable, Comparable, Sendable {
    /// Whole seconds.
    public var seconds: Int64
    /// Nanoseconds, with the same sign as `seconds` (or zero), magnitude below 1_000_000_000.
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (a: CELDuration, b: CELDuration) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }
}
