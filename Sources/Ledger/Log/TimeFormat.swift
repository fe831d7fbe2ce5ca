import Foundation

/// Writes instants as a person in one time zone reads them, always with the zone:
/// `Nov 20, 10:14 AM CST` in sentences, `2026-11-20T10:14:00-06:00` in JSON. The one
/// local-time formatter: the credits log and the explainer's messages both use it, so
/// a time reads the same everywhere. Done by hand (no DateFormatter) because facts
/// format every entry of large logs; zone names come from `ZoneNames` (`CET`, `IST`).
public struct TimeFormat: Sendable {
    /// The zone times are shown in.
    public var zone: TimeZone { names.zone }
    /// Dates in this year are shown without it (the year of "now").
    public let referenceYear: Int?
    /// The zone's short names.
    private let names: ZoneNames
    /// The zone's offsets over the span `covering(_:)` was given, if any.
    private var offsets: ZoneOffsets?

    /// - Parameter reference: "now"; times in its year are shown without the year.
    public init(zone: TimeZone, reference: Date? = nil) {
        names = ZoneNames(zone: zone)
        referenceYear = reference.map { date in
            let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
            return CivilTime.date(days: Self.floorDivide(seconds, 86_400)).year
        }
    }

    /// The same format, with the zone's offsets over `span` found at once: for the times of a
    /// long log, which it formats one by one.
    public func covering(_ span: ClosedRange<Date>) -> TimeFormat {
        var format = self
        format.offsets = ZoneOffsets(zone: zone, span: span)
        return format
    }

    private static let months: [StaticString] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The local calendar fields of an instant.
    public struct Local: Sendable {
        public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
        /// Seconds east of UTC at that instant.
        public var offset: Int
    }

    /// The local calendar fields of `date` in the zone.
    public func local(_ date: Date) -> Local {
        let offset = offsets?.offset(at: date) ?? zone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = Self.floorDivide(local, 86_400)
        let time = local - days * 86_400
        let civil = CivilTime.date(days: days)
        return Local(year: civil.year, month: civil.month, day: civil.day,
                     hour: time / 3600, minute: time / 60 % 60, second: time % 60, offset: offset)
    }

    /// `Nov 20, 10:14 AM CST`, or `Nov 20, 2025, 10:14 AM CST` in another year than the reference's.
    public func dateTime(_ date: Date) -> String {
        dateTime(local(date), at: date)
    }

    /// The same from the local fields of `date`, already found.
    public func dateTime(_ l: Local, at date: Date) -> String {
        let zone = names.abbreviation(offset: l.offset, at: date)
        return ASCIIWriter.text(capacity: Self.longestDate + 11 + zone.utf8.count) { text in
            writeDate(l, to: &text)
            text.write(", ")
            writeClock(l, to: &text)
            text.write(" ")
            text.write(zone)
        }
    }

    /// `10:14 AM CST`: the time of day with the zone.
    public func clock(_ date: Date) -> String {
        let l = local(date)
        let zone = names.abbreviation(offset: l.offset, at: date)
        return ASCIIWriter.text(capacity: 9 + zone.utf8.count) { text in
            writeClock(l, to: &text)
            text.write(" ")
            text.write(zone)
        }
    }

    /// `Nov 20`, or `Nov 20, 2025` in another year than the reference's.
    public func shortDate(_ date: Date) -> String {
        let l = local(date)
        return ASCIIWriter.text(capacity: Self.longestDate) { writeDate(l, to: &$0) }
    }

    /// The most bytes `writeDate` writes: `Nov 20, ` and a year of any size.
    private static let longestDate = 8 + 21

    /// `Nov 20`, or `Nov 20, 2025`.
    private func writeDate(_ l: Local, to text: inout ASCIIWriter<some ASCIISink>) {
        text.write(Self.months[l.month - 1])
        text.write(" ")
        text.write(l.day)
        if let referenceYear, referenceYear != l.year {
            text.write(", ")
            text.write(l.year)
        }
    }

    /// `10:14 AM`.
    private func writeClock(_ l: Local, to text: inout ASCIIWriter<some ASCIISink>) {
        text.write(l.hour % 12 == 0 ? 12 : l.hour % 12)
        text.write(":")
        text.write(l.minute, width: 2)
        text.write(l.hour < 12 ? " AM" : " PM")
    }

    /// `2026-11-20`, the local date.
    public func day(_ date: Date) -> String {
        day(local(date))
    }

    /// The same from local fields already found.
    public func day(_ l: Local) -> String {
        // Ten bytes in the years people use: a string that small is stored within itself.
        ASCIIWriter.text(capacity: (0...9999).contains(l.year) ? 10 : 6 + 21) { writeDay(l, to: &$0) }
    }

    private func writeDay(_ l: Local, to text: inout ASCIIWriter<some ASCIISink>) {
        text.write(l.year, width: 4)
        text.write("-")
        text.write(l.month, width: 2)
        text.write("-")
        text.write(l.day, width: 2)
    }

    /// `2026-11-20T10:14:00-06:00` (`Z` in UTC).
    public func iso(_ date: Date) -> String {
        let l = local(date)
        return ASCIIWriter.text(capacity: 6 + 21 + 15) { text in
            writeDay(l, to: &text)
            text.write("T")
            text.write(l.hour, width: 2)
            text.write(":")
            text.write(l.minute, width: 2)
            text.write(":")
            text.write(l.second, width: 2)
            if l.offset == 0 {
                text.write("Z")
            } else {
                text.write(l.offset < 0 ? "-" : "+")
                text.write(abs(l.offset) / 3600, width: 2)
                text.write(":")
                text.write(abs(l.offset) / 60 % 60, width: 2)
            }
        }
    }

    /// The zone's short name at that instant (`CST`, `CET`, `IST`, `UTC`).
    public func abbreviation(_ date: Date) -> String {
        names.abbreviation(at: date)
    }

    /// The start of a local calendar day, as an instant.
    public func startOfDay(year: Int, month: Int, day: Int) -> Date {
        let guess = Date(timeIntervalSince1970: Double(CivilTime.days(year: year, month: month, day: day) * 86_400))
        // The offset at local midnight may differ from the one at UTC midnight (DST changes).
        let first = guess.addingTimeInterval(Double(-zone.secondsFromGMT(for: guess)))
        return guess.addingTimeInterval(Double(-zone.secondsFromGMT(for: first)))
    }

    /// The number of days in a month (February of leap years: 29).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        CivilTime.daysInMonth(year: year, month: month)
    }

    /// Division rounding toward minus infinity, for instants before 1970.
    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
