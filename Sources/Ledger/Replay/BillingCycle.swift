import Foundation

/// A client's monthly billing calendar: the plan renews on the anchor's day of
/// each month (in short months, on the last day), at the start of that day in
/// the client's zone. Months before the anchor follow the same rule, so that a
/// log opening before the first billing day still has renewals to compare with.
public struct BillingCycle: Sendable {
    /// The first billing day.
    public let anchor: BillingDay
    /// The zone whose days count.
    public let timeZone: TimeZone

    /// A cycle for an anchor day in a zone.
    public init(anchor: BillingDay, timeZone: TimeZone) {
        self.anchor = anchor
        self.timeZone = timeZone
    }

    /// The day the plan renews in a month: the anchor's day, or the month's last day when shorter.
    public func renewalDay(year: Int, month: Int) -> BillingDay {
        BillingDay(year: year, month: month, day: min(anchor.day, CivilTime.daysInMonth(year: year, month: month)))
    }

    /// The instant of the renewal in a month: the start of its renewal day in the zone
    /// (where a daylight-saving change skips midnight, the first moment of that day).
    public func renewal(year: Int, month: Int) -> Date {
        let day = renewalDay(year: year, month: month)
        let calendar = self.calendar
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        return calendar.startOfDay(for: noon)
    }

    /// The latest renewal at or before `date`.
    public func renewal(onOrBefore date: Date) -> Date {
        var (year, month) = localMonth(of: date)
        var candidate = renewal(year: year, month: month)
        if candidate > date {
            (year, month) = BillingCycle.step(year: year, month: month, by: -1)
            candidate = renewal(year: year, month: month)
        }
        return candidate
    }

    /// The earliest renewal strictly after `date`.
    public func next(after date: Date) -> Date {
        var (year, month) = localMonth(of: date)
        var candidate = renewal(year: year, month: month)
        if candidate <= date {
            (year, month) = BillingCycle.step(year: year, month: month, by: 1)
            candidate = renewal(year: year, month: month)
        }
        return candidate
    }

    /// True when `date` falls on a renewal day (in the zone).
    public func isRenewalDay(_ date: Date) -> Bool {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return false }
        return renewalDay(year: year, month: month).day == day
    }

    /// The calendar day of `date` in the zone.
    public func localDay(of date: Date) -> BillingDay {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return BillingDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private func localMonth(of date: Date) -> (year: Int, month: Int) {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return (parts.year ?? 1970, parts.month ?? 1)
    }

    private static func step(year: Int, month: Int, by months: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        return (newYear, index - newYear * 12 + 1)
    }
}
