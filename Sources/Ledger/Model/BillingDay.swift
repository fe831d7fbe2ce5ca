/// A calendar day without a time or zone: the client's `billing_anchor`.
public struct BillingDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Makes a day; the caller checks that it exists.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2026-11-15`.
    public var description: String {
        "\(CivilTime.padded(year, 4))-\(CivilTime.padded(month, 2))-\(CivilTime.padded(day, 2))"
    }

    public static func < (a: BillingDay, b: BillingDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
