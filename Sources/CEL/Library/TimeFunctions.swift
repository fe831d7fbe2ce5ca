/// `timestamp()`, `duration()` and the getters (`getFullYear`, ..., with an optional time zone),
/// registered from the time library.
enum TimeFunctions {
    static func implementation(of name: String, arity: Int) -> StandardLibrary.Implementation? {
        switch (name, arity) {
        case ("timestamp", 1): return .unary(timestamp)
        case ("duration", 1): return .unary(duration)
        default: break
        }
        let timestampGetter = TimestampGetter(rawValue: name)
        let durationGetter = DurationGetter(rawValue: name)
        guard timestampGetter != nil || durationGetter != nil else { return nil }
        if arity == 1 {
            return .unary { value throws(OperationFailure) in
                switch value {
                case .timestamp(let time) where timestampGetter != nil:
                    return .int(time.component(timestampGetter!, in: .utc))
                case .duration(let span) where durationGetter != nil:
                    return .int(span.component(durationGetter!))
                default: throw .noOverload(name, value)
                }
            }
        }
        guard arity == 2, let timestampGetter else { return nil }
        return .binary { value, zone throws(OperationFailure) in
            guard case .timestamp(let time) = value, case .string(let zoneName) = zone else {
                throw .noOverload(name, value, zone)
            }
            do throws(CELError) {
                return .int(try time.component(timestampGetter, zone: zoneName))
            } catch {
                throw OperationFailure(error.message)
            }
        }
    }

    /// A getter with its zone known at compile time: the zone is parsed once.
    static func getter(_ name: String, zone: CELTimeZone) -> (@Sendable (CELValue) throws(OperationFailure) -> CELValue)? {
        guard let getter = TimestampGetter(rawValue: name) else { return nil }
        return { value throws(OperationFailure) in
            guard case .timestamp(let time) = value else { throw .noOverload(name, value, .string(zone.name)) }
            return .int(time.component(getter, in: zone))
        }
    }

    static func timestamp(_ value: CELValue) throws(OperationFailure) -> CELValue {
        do throws(CELError) {
            switch value {
            case .timestamp: return value
            case .string(let text): return .timestamp(try CELTimestamp.parse(text))
            case .int(let seconds): return .timestamp(try CELTimestamp(epochSeconds: seconds))
            default: throw .noOverload("timestamp", value)
            }
        } catch {
            throw OperationFailure(error.message)
        }
    }

    static func duration(_ value: CELValue) throws(OperationFailure) -> CELValue {
        do throws(CELError) {
            switch value {
            case .duration: return value
            case .string(let text): return .duration(try CELDuration.parse(text))
            default: throw .noOverload("duration", value)
            }
        } catch {
            throw OperationFailure(error.message)
        }
    }

    static let signatures: [String: [Signature]] = {
        var table: [String: [Signature]] = [
            "timestamp": [
                Signature("string_to_timestamp", [.string], .timestamp),
                Signature("timestamp_to_timestamp", [.timestamp], .timestamp),
                Signature("int64_to_timestamp", [.int], .timestamp),
            ],
            "duration": [
                Signature("string_to_duration", [.string], .duration),
                Signature("duration_to_duration", [.duration], .duration),
            ],
        ]
        for getter in TimestampGetter.allCases {
            table[getter.rawValue, default: []] += [
                Signature("timestamp_\(getter.rawValue)", receiver: true, [.timestamp], .int),
                Signature("timestamp_\(getter.rawValue)_with_tz", receiver: true, [.timestamp, .string], .int),
            ]
        }
        for getter in DurationGetter.allCases {
            table[getter.rawValue, default: []].append(Signature("duration_\(getter.rawValue)", receiver: true, [.duration], .int))
        }
        return table
    }()
}
