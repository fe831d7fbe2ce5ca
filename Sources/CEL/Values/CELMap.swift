/// A CEL map: keys are int, uint, bool or string; iteration follows insertion order.
/// Lookups follow CEL's equality, so `1`, `1u` and `1.0` find the same entry.
public struct CELMap: Hashable, Sendable {
    private let storage: Storage

    /// Builds a map from pairs; a repeated key keeps its last value (the parser rejects repeats in literals).
    public init(_ pairs: [(CELValue, CELValue)]) {
        var keys: [CELValue] = []
        var values: [CELValue] = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        var index: [MapKey: Int] = [:]
        for (key, value) in pairs {
            let mapKey = MapKey(key)
            if let mapKey, let existing = index[mapKey] {
                values[existing] = value
                continue
            }
            if let mapKey { index[mapKey] = keys.count }
            keys.append(key)
            values.append(value)
        }
        storage = Storage(keys: keys, values: values, index: keys.count > Storage.linearLimit ? index : [:])
    }

    /// The entries in insertion order.
    public var pairs: [(key: CELValue, value: CELValue)] {
        zip(storage.keys, storage.values).map { (key: $0, value: $1) }
    }

    /// The keys in insertion order.
    public var keys: [CELValue] { storage.keys }
    /// The values, in the order of `keys`.
    public var values: [CELValue] { storage.values }
    /// The number of entries.
    public var count: Int { storage.keys.count }

    /// The value under `key` by CEL equality, or nil.
    public subscript(key: CELValue) -> CELValue? {
        storage.position(of: key).map { storage.values[$0] }
    }

    /// The value under a string key: the fast path of `m.field`.
    @inline(__always)
    func value(forString name: String) -> CELValue? {
        storage.position(ofString: name).map { storage.values[$0] }
    }

    public static func == (a: CELMap, b: CELMap) -> Bool {
        guard a.count == b.count else { return false }
        for (key, value) in zip(a.storage.keys, a.storage.values) {
            guard let other = b[key], other == value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
    }

    private final class Storage: Sendable {
        static let linearLimit = 8
        let keys: [CELValue]
        let values: [CELValue]
        let index: [MapKey: Int]

        init(keys: [CELValue], values: [CELValue], index: [MapKey: Int]) {
            self.keys = keys
            self.values = values
            self.index = index
        }

        func position(of key: CELValue) -> Int? {
            if case .string(let name) = key { return position(ofString: name) }
            guard let mapKey = MapKey(lookup: key) else { return nil }
            if keys.count > Storage.linearLimit { return index[mapKey] }
            return keys.firstIndex { MapKey($0) == mapKey }
        }

        func position(ofString name: String) -> Int? {
            if keys.count > Storage.linearLimit { return index[.string(StringKey(name))] }
            for position in keys.indices {
                if case .string(let key) = keys[position], key.hasSameCodePoints(as: name) { return position }
            }
            return nil
        }
    }
}

/// A map key under CEL equality: ints and uints of the same number are one key.
enum MapKey: Hashable {
    case integer(Int64)
    case largeUnsigned(UInt64)
    case bool(Bool)
    case string(StringKey)

    /// The key for a stored key; nil for a kind that cannot be a key.
    init?(_ value: CELValue) {
        switch value {
        case .int(let number): self = .integer(number)
        case .uint(let number): self = number <= UInt64(Int64.max) ? .integer(Int64(number)) : .largeUnsigned(number)
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(StringKey(text))
        default: return nil
        }
    }

    /// The key for a lookup, where a whole double finds an integer key.
    init?(lookup value: CELValue) {
        if case .double(let number) = value {
            guard number == number.rounded() else { return nil }
            if number >= -9.223372036854775808e18, number < 9.223372036854775808e18 {
                self = .integer(Int64(number))
            } else if number >= 0, number < 1.8446744073709551616e19 {
                self = .largeUnsigned(UInt64(number))
            } else {
                return nil
            }
            return
        }
        self.init(value)
    }
}

/// A string compared and hashed by its code points, without Unicode normalisation, as CEL requires.
struct StringKey: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: StringKey, b: StringKey) -> Bool { a.text.hasSameCodePoints(as: b.text) }
    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
