/// A wall-clock reading in the proleptic Gregorian calendar (as CEL, Go and RFC 3339 count),
/// computed with integer arithmetic so that years 1 to 9999 are exact and no calendar object is needed.
struct CivilTime: Equatable {
    var year: Int64
    /// 1 ... 12.
    var month: Int64
    /// 1 ... 31.
    var day: Int64
    var hour: Int64
    var minute: Int64
    var second: Int64

    static let secondsPerDay: Int64 = 86_400

    /// The reading of a clock `localSeconds` seconds after its own 1970-01-01T00:00:00.
    init(localSeconds: Int64) {
        let days = Self.floorDivide(localSeconds, Self.secondsPerDay)
        let secondOfDay = localSeconds - days * Self.secondsPerDay
        (year, month, day) = Self.civil(fromDays: days)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
    }

    init(year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
    }

    /// Seconds since 1970-01-01T00:00:00 on the same clock.
    var localSeconds: Int64 {
        Self.days(year: year, month: month, day: day) * Self.secondsPerDay + hour * 3600 + minute * 60 + second
    }

    /// 0 = Sunday ... 6 = Saturday.
    var dayOfWeek: Int64 {
        // 1970-01-01 was a Thursday (4).
        let days = Self.days(year: year, month: month, day: day)
        return (days % 7 + 11) % 7
    }

    /// 0 = January 1st.
    var dayOfYear: Int64 {
        Self.days(year: year, month: month, day: day) - Self.days(year: year, month: 1, day: 1)
    }

    static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }
}
