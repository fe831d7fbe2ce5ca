import Foundation

/// The time zone argument of CEL's timestamp getters: `UTC`, a fixed offset such as `+05:30`,
/// `-08:00` or `02:00` (sign optional, as cel-go reads it), or an IANA zone name such as
/// `America/Chicago`, `US/Central` or `CET` (from the system time zone database).
///
/// Parse once and reuse: a resolved zone is cheap to apply and safe to share between threads.
public struct CELTimeZone: Hashable, Sendable {
    /// The name as written.
    public let name: String
    private let rule: Rule

    private enum Rule: Hashable, Sendable {
        case fixed(seconds: Int64)
        case region(TimeZone)
    }

    /// Coordinated Universal Time.
    public static let utc = CELTimeZone(name: "UTC", rule: .fixed(seconds: 0))

    /// Where Foundation looks for zone files on Linux; a name is a zone only if its file is there.
    static let databaseDirectory = ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo"

    /// Resolves `name`; an unknown name or a malformed offset is an error naming it.
    public static func parse(_ name: String) throws(CELError) -> CELTimeZone {
        if name == "UTC" { return .utc }
        if name.contains(":") {
            return CELTimeZone(name: name, rule: .fixed(seconds: try fixedOffset(name)))
        }
        guard isPlausibleRegionName(name), let zone = TimeZone(identifier: name) else {
            throw CELError("unknown time zone '\(name)'")
        }
        return CELTimeZone(name: name, rule: .region(zone))
    }

    /// Seconds east of UTC that this zone's clocks show at `timestamp`.
    public func offsetSeconds(at timestamp: CELTimestamp) -> Int64 {
        switch rule {
        case .fixed(let seconds):
            seconds
        case .region(let zone):
            Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(timestamp.seconds))))
        }
    }

    /// `[+|-]HH:MM` with hours 00-23 and minutes 00-59.
    private static func fixedOffset(_ name: String) throws(CELError) -> Int64 {
        var scanner = TimeTextScanner(name)
        let sign = scanner.takeSign() ?? 1
        guard let hours = scanner.digits(count: 2), scanner.take(oneOf: ":"),
              let minutes = scanner.digits(count: 2), scanner.isAtEnd else {
            throw CELError("invalid time zone offset '\(name)': expected [+|-]HH:MM")
        }
        guard hours <= 23, minutes <= 59 else {
            throw CELError("invalid time zone offset '\(name)': out of range")
        }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// Foundation also accepts abbreviations (`PST`) and `GMT+0530`, which CEL's reference
    /// implementations reject; so a name counts only when the zone database has a file for it.
    private static func isPlausibleRegionName(_ name: String) -> Bool {
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "/_-+".unicodeScalars.contains(scalar))
        }
        guard allowed, !name.isEmpty, !name.hasPrefix("/"), !name.hasSuffix("/") else { return false }
        var isDirectory: ObjCBool = false
        let path = databaseDirectory + "/" + name
        guard FileManager.default.fileExists(atPath: databaseDirectory) else { return true }
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
