import Foundation

/// The short names people use for time zones (`CST`, `CET`, `IST`, `ACDT`).
///
/// Foundation on Linux names a zone only in the locales that use it: Europe/Berlin
/// is `GMT+1` for an American reader but `CET` in en_GB, Asia/Kolkata `IST` only in
/// en_IN. So the name is asked of several English locales in turn, and the first
/// real name wins; a zone no English locale names keeps its offset (`GMT+8` for Shanghai).
///
/// Asking costs a `DateFormatter` per locale (about a millisecond), and every question
/// formats times, so each name is looked up once per process and remembered: a zone's
/// name at an offset is a fact of the zone database, the same for every caller.
public struct ZoneNames: Sendable {
    /// The zone named.
    public let zone: TimeZone
    /// The names of the offsets the zone uses today (standard and summer time), found once:
    /// a long log names its zone for every entry.
    private let current: [(offset: Int, name: String)]

    public init(zone: TimeZone) {
        self.zone = zone
        let offsets = [0.0, 182.0].map { zone.secondsFromGMT(for: Self.recent.addingTimeInterval($0 * 86_400)) }
        current = offsets.enumerated().compactMap { index, offset in
            offsets[..<index].contains(offset) ? nil : (offset, Self.abbreviation(of: zone, offset: offset, at: Self.recent))
        }
    }

    /// The zone's short name at `date`.
    public func abbreviation(at date: Date) -> String {
        abbreviation(offset: zone.secondsFromGMT(for: date), at: date)
    }

    /// The zone's short name when it is `offset` seconds east of UTC at `date` (a caller
    /// that knows the offset saves asking for it again).
    public func abbreviation(offset: Int, at date: Date) -> String {
        current.first { $0.offset == offset }?.name ?? Self.abbreviation(of: zone, offset: offset, at: date)
    }

    /// The zone's short name at `date`: `UTC` for UTC itself, else the first locale's
    /// name that is not a bare offset, else the offset (`GMT+5:30`).
    public static func abbreviation(of zone: TimeZone, at date: Date) -> String {
        abbreviation(of: zone, offset: zone.secondsFromGMT(for: date), at: date)
    }

    private static func abbreviation(of zone: TimeZone, offset: Int, at date: Date) -> String {
        if zone.identifier == "UTC" || zone.identifier == "GMT" || zone.identifier == "Etc/UTC" { return "UTC" }
        let key = Memo.Key(zone: zone.identifier, offset: offset)
        return memo.name(key) { lookUp(zone, at: namingDate(zone, offset: offset, fallback: date)) }
    }

    /// A recent instant at which the zone is `offset` from UTC: the zone database names
    /// zones by today's conventions (New York was `GMT-5` to ICU before 1970, `EST` since),
    /// so an old time takes the name its offset has now, whichever time happens to be
    /// asked first. The instant itself when the offset is not in use any more.
    private static func namingDate(_ zone: TimeZone, offset: Int, fallback: Date) -> Date {
        for week in -53...53 {
            let date = recent.addingTimeInterval(Double(week) * 7 * 86_400)
            if zone.secondsFromGMT(for: date) == offset { return date }
        }
        return fallback
    }

    /// 2026-01-01T00:00:00Z: the year around it holds every offset a zone uses today.
    private static let recent = Date(timeIntervalSince1970: 1_767_225_600)

    /// English locales to ask, the United States first (CST, not GMT-6), then those
    /// that name their own region's zone (JST in en_JP, HKT in en_HK, WAT in en_NG).
    private static let locales = ["en_US_POSIX", "en_GB", "en_IN", "en_AU", "en_NZ", "en_CA", "en_IE", "en_ZA", "en_SG",
                                  "en_JP", "en_HK", "en_NG"]

    /// Asks the locales in turn (the costly part).
    private static func lookUp(_ zone: TimeZone, at date: Date) -> String {
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

    /// Names already looked up, by zone and offset. Only ever grows by
    /// what the zone database says, so sharing it changes no answer.
    private static let memo = Memo()

    private final class Memo: @unchecked Sendable {
        struct Key: Hashable {
            let zone: String
            let offset: Int
        }

        private let lock = NSLock()
        private var names: [Key: String] = [:]

        func name(_ key: Key, lookUp: () -> String) -> String {
            if let name = lock.withLock({ names[key] }) { return name }
            let name = lookUp()
            lock.withLock { names[key] = name }
            return name
        }
    }
}
