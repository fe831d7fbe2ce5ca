import Foundation

/// The short names people use for time zones (`CST`, `CET`, `IST`, `ACDT`).
///
/// Foundation on Linux names a zone only in the locales that use it: Europe/Berlin
/// is `GMT+1` for an American reader but `CET` in en_GB, Asia/Kolkata `IST` only in
/// en_IN. So the name is asked of several English locales in turn, and the first
/// real name wins; a zone no English locale names keeps its offset (`GMT+8` for Shanghai).
public struct ZoneNames: Sendable {
    /// The zone named.
    public let zone: TimeZone
    /// Names by UTC offset in seconds, found once for the year around a reference date.
    private let names: [Int: String]

    /// Finds the zone's names for the year before and after `reference` (standard
    /// and daylight time), so that naming an instant later costs a lookup.
    public init(zone: TimeZone, around reference: Date) {
        self.zone = zone
        var names: [Int: String] = [:]
        for week in -53...53 {
            let date = reference.addingTimeInterval(Double(week) * 7 * 86_400)
            let offset = zone.secondsFromGMT(for: date)
            if names[offset] == nil { names[offset] = Self.abbreviation(of: zone, at: date) }
        }
        self.names = names
    }

    /// The zone's short name at `date`.
    public func abbreviation(at date: Date) -> String {
        names[zone.secondsFromGMT(for: date)] ?? Self.abbreviation(of: zone, at: date)
    }

    /// English locales to ask, the United States first (CST, not GMT-6), then those
    /// that name their own region's zone (JST in en_JP, HKT in en_HK, WAT in en_NG).
    private static let locales = ["en_US_POSIX", "en_GB", "en_IN", "en_AU", "en_NZ", "en_CA", "en_IE", "en_ZA", "en_SG",
                                  "en_JP", "en_HK", "en_NG"]

    /// The zone's short name at `date`: `UTC` for UTC itself, else the first locale's
    /// name that is not a bare offset, else the offset (`GMT+5:30`).
    public static func abbreviation(of zone: TimeZone, at date: Date) -> String {
        if zone.identifier == "UTC" || zone.identifier == "GMT" || zone.identifier == "Etc/UTC" { return "UTC" }
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.dateFormat = "zzz"
        var fallback: String?
        for identifier in locales {
            formatter.locale = Locale(identifier: identifier)
            let name = formatter.string(from: date)
            if !isOffset(name) { return name }
            fallback = fallback ?? name
        }
        return fallback ?? "GMT"
    }

    /// `GMT+1`, `GMT-10:30`, `UTC+2`: a name that only states the offset.
    private static func isOffset(_ name: String) -> Bool {
        (name.hasPrefix("GMT") || name.hasPrefix("UTC")) && name.count > 3
    }
}
