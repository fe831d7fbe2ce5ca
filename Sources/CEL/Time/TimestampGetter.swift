/// CEL's timestamp getters, named as CEL calls them, so that a language front end can
/// register `timestamp.getX()` and `timestamp.getX(zone)` for every case in a loop.
public enum TimestampGetter: String, CaseIterable, Sendable {
    /// The year, e.g. 2023.
    case getFullYear
    /// The month, 0 = January.
    case getMonth
    /// The day of the month, 1-based.
    case getDate
    /// The day of the month, 0-based.
    case getDayOfMonth
    /// The day of the week, 0 = Sunday.
    case getDayOfWeek
    /// The day of the year, 0 = January 1st.
    case getDayOfYear
    /// The hour, 0-23.
    case getHours
    /// The minute, 0-59.
    case getMinutes
    /// The second, 0-59.
    case getSeconds
    /// The millisecond within the second, 0-999.
    case getMilliseconds
}

extension CELTimestamp {
    /// `timestamp.getX()` (in UTC when `zone` is nil) or `timestamp.getX(zone)`; an unknown
    /// zone or malformed offset is an error naming it.
    public func component(_ getter: TimestampGetter, zone: String?) throws(CELError) -> Int64 {
        component(getter, in: try zone.map { name throws(CELError) in try CELTimeZone.parse(name) } ?? .utc)
    }

    /// `timestamp.getX(zone)` with the zone already resolved (e.g. a constant argument).
    public func component(_ getter: TimestampGetter, in zone: CELTimeZone) -> Int64 {
        let civil = CivilTime(localSeconds: seconds + zone.offsetSeconds(at: self))
        switch getter {
        case .getFullYear: return civil.year
        case .getMonth: return civil.month - 1
        case .getDate: return civil.day
        case .getDayOfMonth: return civil.day - 1
        case .getDayOfWeek: return civil.dayOfWeek
        case .getDayOfYear: return civil.dayOfYear
        case .getHours: return civil.hour
        case .getMinutes: return civil.minute
        case .getSeconds: return civil.second
        case .getMilliseconds: return Int64(nanos) / 1_000_000
        }
    }
}
