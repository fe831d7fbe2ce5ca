// CEL's timestamp and duration arithmetic: every result is range-checked, and an
// out-of-range result is an error naming the operation, never a wrapped value.

extension CELTimestamp {
    /// `timestamp + duration`.
    public func adding(_ duration: CELDuration) throws(CELError) -> CELTimestamp {
        try shifted(by: duration, describing: "\(celString) + \(duration.celString)")
    }

    /// `timestamp - duration`.
    public func subtracting(_ duration: CELDuration) throws(CELError) -> CELTimestamp {
        // Negate in parts: the seconds and nanos of any duration negate without overflow.
        let negated = CELDuration(seconds: -duration.seconds, nanos: -duration.nanos)
        return try shifted(by: negated, describing: "\(celString) - \(duration.celString)")
    }

    /// `timestamp - timestamp`: the duration from `other` to `self`.
    public func subtracting(_ other: CELTimestamp) throws(CELError) -> CELDuration {
        // Both lie within ±2^38 seconds, so the exact difference fits easily before the range check.
        let nanoseconds = (seconds - other.seconds).multipliedReportingOverflow(by: CELDuration.nanosPerSecond)
        let total = nanoseconds.partialValue.addingReportingOverflow(Int64(nanos) - Int64(other.nanos))
        guard !nanoseconds.overflow, !total.overflow else {
            throw CELError("duration out of range: \(celString) - \(other.celString)")
        }
        return CELDuration(totalNanoseconds: total.partialValue)
    }

    private func shifted(by duration: CELDuration, describing operation: String) throws(CELError) -> CELTimestamp {
        let outOfRange = CELError("timestamp out of range: \(operation)")
        var (newSeconds, overflow) = seconds.addingReportingOverflow(duration.seconds)
        guard !overflow else { throw outOfRange }
        var newNanos = Int64(nanos) + Int64(duration.nanos)
        // Carry so that nanos land in 0..<1e9; the duration's nanos may be negative.
        let carry = CivilTime.floorDivide(newNanos, CELDuration.nanosPerSecond)
        newNanos -= carry * CELDuration.nanosPerSecond
        (newSeconds, overflow) = newSeconds.addingReportingOverflow(carry)
        let result = CELTimestamp(seconds: newSeconds, nanos: Int32(newNanos))
        guard !overflow, result.isInRange else { throw outOfRange }
        return result
    }

    /// `timestamp + duration`.
    public static func + (timestamp: CELTimestamp, duration: CELDuration) throws(CELError) -> CELTimestamp {
        try timestamp.adding(duration)
    }

    /// `duration + timestamp`.
    public static func + (duration: CELDuration, timestamp: CELTimestamp) throws(CELError) -> CELTimestamp {
        try timestamp.adding(duration)
    }

    /// `timestamp - duration`.
    public static func - (timestamp: CELTimestamp, duration: CELDuration) throws(CELError) -> CELTimestamp {
        try timestamp.subtracting(duration)
    }

    /// `timestamp - timestamp`.
    public static func - (a: CELTimestamp, b: CELTimestamp) throws(CELError) -> CELDuration {
        try a.subtracting(b)
    }
}

extension CELDuration {
    /// `duration + duration`.
    public func adding(_ other: CELDuration) throws(CELError) -> CELDuration {
        try combined(with: other, describing: "\(celString) + \(other.celString)") { $0.addingReportingOverflow($1) }
    }

    /// `duration - duration`.
    public func subtracting(_ other: CELDuration) throws(CELError) -> CELDuration {
        try combined(with: other, describing: "\(celString) - \(other.celString)") { $0.subtractingReportingOverflow($1) }
    }

    /// `-duration`: fails only for the shortest duration, whose negation is one nanosecond too long.
    public func negated() throws(CELError) -> CELDuration {
        try CELDuration.zero.combined(with: self, describing: "-(\(celString))") { $0.subtractingReportingOverflow($1) }
    }

    /// `duration + timestamp`.
    public func adding(_ timestamp: CELTimestamp) throws(CELError) -> CELTimestamp {
        try timestamp.adding(self)
    }

    private func combined(
        with other: CELDuration, describing operation: String,
        _ operate: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)
    ) throws(CELError) -> CELDuration {
        guard let a = checkedTotalNanoseconds, let b = other.checkedTotalNanoseconds else {
            throw CELError("duration out of range: \(operation)")
        }
        let (result, overflow) = operate(a, b)
        guard !overflow else { throw CELError("duration out of range: \(operation)") }
        return CELDuration(totalNanoseconds: result)
    }

    /// `duration + duration`.
    public static func + (a: CELDuration, b: CELDuration) throws(CELError) -> CELDuration {
        try a.adding(b)
    }

    /// `duration - duration`.
    public static func - (a: CELDuration, b: CELDuration) throws(CELError) -> CELDuration {
        try a.subtracting(b)
    }

    /// `-duration`.
    public static prefix func - (duration: CELDuration) throws(CELError) -> CELDuration {
        try duration.negated()
    }
}
