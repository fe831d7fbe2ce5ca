/// A CEL map: keys are int, uint, bool or string; iteration follows insertion order.
/// Lookups follow CEL's equality, so `1`, `1u` and `1.0` find the same entry.
public struct CELMap: Hashable, Sendable {
    private nonisolated(unsafe) let storage: Storage

    /// Builds a map from pairs; a repeated key keeps its last value (the parser rejects repeats in literals).
    public init(_ pairs: [(CELValue, CELValue)]) {
        var keys: [CELValue] = []
        var values: [CELValue] = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        // Small maps (most records) find repeats by scanning; only large ones pay for a hash index.
        let hashed = pairs.count > Storage.linearLimit
        var smallKeys: [MapKey?] = []
        var index: [MapKey: Int] = [:]
        if hashed { index.reserveCapacity(pairs.count) }
        for (key, value) in pairs {
            let mapKey = MapKey(key)
            if hashed {
                // One probe: a new key is given the next position as it is looked up.
                if let mapKey, case let position = { (position: inout Int) in position }(&index[mapKey, default: keys.count]),
                   position < keys.count {
                    values[position] = value
                    continue
                }
            } else {
                if let mapKey, let existing = smallKeys.firstIndex(of: mapKey) {
                    values[existing] = value
                    continue
                }
                smallKeys.append(mapKey)
            }
            keys.append(key)
            values.append(value)
        }
        storage = Storage.make(keys: keys, values: values, index: keys.count > Storage.linearLimit ? index : [:])
    }

    /// The entries in insertion order.
    public var pairs: [(key: CELValue, value: CELValue)] {
        (0..<count).map { (key: storage.key(at: $0), value: storage.value(at: $0)) }
    }

    /// The keys in insertion order.
    public var keys: [CELValue] { (0..<count).map { storage.key(at: $0) } }
    /// The values, in the order of `keys`.
    public var values: [CELValue] { (0..<count).map { storage.value(at: $0) } }
    /// The number of entries.
    public var count: Int { storage.header.count }

    /// The value under `key` by CEL equality, or nil.
    public subscript(key: CELValue) -> CELValue? {
        storage.position(of: key).map { storage.value(at: $0) }
    }

    /// The value under a string key: the fast path of `m.field`.
    @inline(__always)
    func value(forString name: String) -> CELValue? {
        storage.position(ofString: name).map { storage.value(at: $0) }
    }

    public static func == (a: CELMap, b: CELMap) -> Bool {
        guard a.count == b.count else { return false }
        for position in 0..<a.count {
            guard let other = b[a.storage.key(at: position)], other == a.storage.value(at: position) else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
    }

    struct Header {
        let count: Int
        let index: [MapKey: Int]
    }

    /// Immutable after `make`, hence safe to share between threads.
    /// Keys and values in one allocation, alternating, so that a lookup touches a single buffer
    /// and reads entries without retaining intermediate arrays.
    private final class Storage: ManagedBuffer<Header, CELValue> {
        static let linearLimit = 8

        static func make(keys: [CELValue], values: [CELValue], index: [MapKey: Int]) -> Storage {
            let buffer = Storage.create(minimumCapacity: keys.count * 2) { _ in Header(count: keys.count, index: index) }
            buffer.withUnsafeMutablePointerToElements { elements in
                for position in keys.indices {
                    (elements + 2 * position).initialize(to: keys[position])
                    (elements + 2 * position + 1).initialize(to: values[position])
                }
            }
            return unsafeDowncast(buffer, to: Storage.self)
        }

        deinit {
            _ = withUnsafeMutablePointers { header, elements in
                elements.deinitialize(count: header.pointee.count * 2)
            }
        }

        @inline(__always)
        func key(at position: Int) -> CELValue {
            withUnsafeMutablePointerToElements { $0[2 * position] }
        }

        @inline(__always)
        func value(at position: Int) -> CELValue {
            withUnsafeMutablePointerToElements { $0[2 * position + 1] }
        }

        func position(of key: CELValue) -> Int? {
            if case .string(let name) = key { return position(ofString: name) }
            guard let mapKey = MapKey(lookup: key) else { return nil }
            if header.count > Storage.linearLimit { return header.index[mapKey] }
            return (0..<header.count).first { MapKey(self.key(at: $0)) == mapKey }
        }

        @inline(__always)
        func position(ofString name: String) -> Int? {
            withUnsafeMutablePointers { header, elements in
                let count = header.pointee.count
                if count > Storage.linearLimit { return header.pointee.index[.string(StringKey(name))] }
                for position in 0..<count {
                    if case .string(let key) = elements[2 * position], key.hasSameCodePoints(as: name) { return position }
                }
                return nil
            }
        }
    }
}
