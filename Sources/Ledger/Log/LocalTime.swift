import Foundation

/// Times as a person reads them on the credits page: `Nov 20, 10:14 AM CST`,
/// always with the zone; the year is added when it is not the reference year.
public struct LocalTime {
    private let formatter: DateFormatter
    private let withYear: DateFormatter
    private let referenceYear: Int
    private let calendar: Calendar
    private let zoneNames: ZoneNames

    /// A formatter for `zone`; `reference` (the snapshot's "now") decides which year goes unsaid.
    public init(zone: TimeZone, reference: Date) {
        func make(_ format: String) -> DateFormatter {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = format
            return formatter
        }
        formatter = make("MMM d, h:mm a")
        withYear = make("MMM d, yyyy, h:mm a")
        zoneNames = ZoneNames(zone: zone, around: reference)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
        referenceYear = calendar.component(.year, from: reference)
    }

    /// `Nov 20, 10:14 AM CST`, or `Nov 20, 2025, 10:14 AM CST` in another year.
    public func string(from date: Date) -> String {
        let time = calendar.component(.year, from: date) == referenceYear ? formatter.string(from: date) : withYear.string(from: date)
        return "\(time) \(zoneNames.abbreviation(at: date))"
    }
}
