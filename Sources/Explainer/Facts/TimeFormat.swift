import Foundation

/// Writes instants as a person in one time zone reads them, always with the zone:
/// `Nov 20, 10:14 AM CST` in sentences, `2026-11-20T10:14:00-06:00` in JSON.
/// Done by hand (no DateFormatter) because facts format every entry of large logs.
public struct TimeFormat: Sendable {
    /// The zone times are shown in.
    public let zone: TimeZone
    /// Dates in this year are shown without it (the year of "now").
    public let referenceYear: Int?
    /// The zone's short names by UTC offset (`CST`, `CDT`), as the credits page writes them.
    private let abbreviations: [Int: String]

    /// - Parameter reference: "now"; times in its year are shown without the year.
    public init(zone: TimeZone, reference: Date? = nil) {
        self.zone = zone
        var abbreviations: [Int: String] = [:]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "zzz"
        let base = reference ?? Date(timeIntervalSince1970: 1_767_225_600)
        // Sample the year around the reference, so both standard and daylight time are known.
        for week in stride(from: -53, through: 53, by: 1) {
            let date = base.addingTimeInterval(Double(week) * 7 * 86_400)
            let offset = zone.secondsFromGMT(for: date)
            if abbreviations[offset] == nil { abbreviations[offset] = formatter.string(from: date) }
        }
        self.abbreviations = abbreviations
        self.referenceYear = reference.map { date in
            Self.civil(fromDays: Int(((date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))) / 86_400).rounded(.down))).0
        }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The local calendar fields of an instant.
    struct Local {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int
    }

    func local(_ date: Date) -> Local {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let offset = zone.secondsFromGMT(for: date)
        let local = seconds + offset
        let days = Int((Double(local) / 86_400).rounded(.down))
        let time = local - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        return Local(year: year, month: month, day: day, hour: time / 3600, minute: time / 60 % 60, second: time % 60, offset: offset)
    }

    /// `Nov 20, 10:14 AM CST`.
    public func dateTime(_ date: Date) -> String {
        let l = local(date)
        let hour12 = l.hour % 12 == 0 ? 12 : l.hour % 12
        let year = referenceYear == nil || referenceYear == l.year ? "" : ", \(l.year)"
        return "\(Self.months[l.month - 1]) \(l.day)\(year), \(hour12):\(Self.twoDigits(l.minute)) \(l.hour < 12 ? "AM" : "PM") \(abbreviation(date))"
    }

    /// `Nov 20`.
    public func shortDate(_ date: Date) -> String {
        let l = local(date)
        return "\(Self.months[l.month - 1]) \(l.day)"
    }

    /// `2026-11-20`, the local date.
    public func day(_ date: Date) -> String {
        let l = local(date)
        return "\(l.year)-\(Self.twoDigits(l.month))-\(Self.twoDigits(l.day))"
    }

    /// `2026-11-20T10:14:00-06:00` (`Z` in UTC).
    public func iso(_ date: Date) -> String {
        let l = local(date)
        let sign = l.offset < 0 ? "-" : "+"
        let zonePart = l.offset == 0 ? "Z" : "\(sign)\(Self.twoDigits(abs(l.offset) / 3600)):\(Self.twoDigits(abs(l.offset) / 60 % 60))"
        return "\(day(date))T\(Self.twoDigits(l.hour)):\(Self.twoDigits(l.minute)):\(Self.twoDigits(l.second))\(zonePart)"
    }

    /// The zone's short name at that instant (`CST`, `CDT`, `UTC`).
    public func abbreviation(_ date: Date) -> String {
        let offset = zone.secondsFromGMT(for: date)
        if offset == 0, zone.identifier == "UTC" || zone.identifier == "GMT" || abbreviations[0] == "GMT" { return "UTC" }
        if let name = abbreviations[offset] { return name }
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60 % 60
        return "GMT\(sign)\(abs(offset) / 3600)\(minutes == 0 ? "" : ":\(Self.twoDigits(minutes))")"
    }

    /// The start of a local calendar day, as an instant.
    public func startOfDay(year: Int, month: Int, day: Int) -> Date {
        let days = Self.days(fromCivil: year, month, day)
        let guess = Date(timeIntervalSince1970: Double(days * 86_400))
        // The offset at local midnight may differ from the one at UTC midnight (DST changes).
        let first = guess.addingTimeInterval(Double(-zone.secondsFromGMT(for: guess)))
        return guess.addingTimeInterval(Double(-zone.secondsFromGMT(for: first)))
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Howard Hinnant's days-from-civil and back, proleptic Gregorian.
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The number of days in a month.
    static func daysInMonth(year: Int, month: Int) -> Int {
        let next = month == 12 ? days(fromCivil: year + 1, 1, 1) : days(fromCivil: year, month + 1, 1)
        return next - days(fromCivil: year, month, 1)
    }
}
