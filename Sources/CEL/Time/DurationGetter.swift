/// CEL's duration getters, named as CEL calls them (`duration.getX()`).
public enum DurationGetter: String, CaseIterable, Sendable {
    /// Whole hours in the duration, truncated toward zero: `duration('10000s').getHours()` is 2.
    case getHours
    /// Whole minutes, truncated toward zero: `duration('1h30m').getMinutes()` is 90.
    case getMinutes
    /// Whole seconds, truncated toward zero: `duration('1m30s').getSeconds()` is 90.
    case getSeconds
    /// Only the milliseconds part, as the language definition says (not a total):
    /// `duration('1.234s').getMilliseconds()` is 234, and -234 for `-1.234s`.
    case getMilliseconds
}

extension CELDuration {
    /// `duration.getX()`.
    public func component(_ getter: DurationGetter) -> Int64 {
        // Normalise first so that seconds and nanos share a sign; then the truncated totals
        // follow from the whole seconds alone.
        let normalised = checkedTotalNanoseconds.map(CELDuration.init(totalNanoseconds:)) ?? self
        switch getter {
        case .getHours: return normalised.seconds / 3600
        case .getMinutes: return normalised.seconds / 60
        case .getSeconds: return normalised.seconds
        case .getMilliseconds: return Int64(normalised.nanos) / 1_000_000
        }
    }
}
