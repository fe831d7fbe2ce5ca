/// A value of a declared object type: a type name and named fields.
/// Fields are stored sorted by name, so that a checked program reads a declared field by a position
/// computed once at compile time instead of hashing its name on every evaluation.
public struct CELObject: Hashable, Sendable {
    private let storage: Storage

    /// An object of `typeName` with `fields`.
    public init(typeName: String, fields: [String: CELValue]) {
        let names = fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        storage = Storage(typeName: typeName, names: names, values: names.map { fields[$0]! })
    }

    /// An object of its layout's type with the fields written: no sort, no dictionary and no
    /// copy of a value, for objects built many times (an entry of a long log).
    public init(_ fields: Fields) {
        let layout = fields.layout
        precondition(fields.values.count == layout.names.count,
                     "\(layout.typeName) has \(layout.names.count) fields, \(fields.values.count) written")
        storage = Storage(typeName: layout.typeName, names: layout.names, values: fields.values)
    }

    /// The fields of one object as a builder writes them, in its layout's order (checked in
    /// debug builds: a builder's mistake, not an input's), which is the order objects keep them in.
    public struct Fields {
        let layout: Layout
        fileprivate var values: [CELValue] = []

        public init(_ layout: Layout) {
            self.layout = layout
            values.reserveCapacity(layout.names.count)
        }

        /// Writes the next field, `name`.
        public mutating func append(_ name: StaticString, _ value: CELValue) {
            assert(values.count < layout.names.count && layout.names[values.count] == name.description,
                   "field \(name) of \(layout.typeName) written out of its layout's order")
            values.append(value)
        }
    }

    /// The field names of one type of object, in code-point order: as objects store them, so
    /// that a builder's values need no sorting.
    public struct Layout: Sendable {
        let typeName: String
        let names: [String]

        public init(typeName: String, names: [String]) {
            precondition(zip(names, names.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) },
                         "the fields of a layout of \(typeName) are not in code-point order")
            self.typeName = typeName
            self.names = names
        }
    }

    /// The declared type's name.
    public var typeName: String { storage.typeName }

    /// The names of the fields set, sorted by code point.
    public var fieldNames: [String] { storage.names }

    /// The value of a field, or nil when it is not set.
    public subscript(field name: String) -> CELValue? {
        guard let position = storage.position(of: name) else { return nil }
        return storage.values[position]
    }

    /// Where the field `name` is among the object's fields (objects of one layout share it).
    public func place(of name: String) -> Int? {
        storage.position(of: name)
    }

    /// The field at `position` if it is named `name`, else a lookup by name: the fast path of `o.field`.
    @inline(__always)
    public func value(at position: Int, named name: String) -> CELValue? {
        if UInt(bitPattern: position) < UInt(storage.names.count), storage.names[position] == name { return storage.values[position] }
        return self[field: name]
    }

    public static func == (a: CELObject, b: CELObject) -> Bool {
        a.storage === b.storage
            || (a.storage.typeName == b.storage.typeName && a.storage.names == b.storage.names
                && zip(a.storage.values, b.storage.values).allSatisfy { $0.celEquals($1) })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.typeName)
        hasher.combine(storage.names)
    }

    private final class Storage: Sendable {
        let typeName: String
        let names: [String]
        let values: [CELValue]

        init(typeName: String, names: [String], values: [CELValue]) {
            self.typeName = typeName
            self.names = names
            self.values = values
        }

        func position(of name: String) -> Int? {
            var low = 0
            var high = names.count
            while low < high {
                let mid = (low + high) / 2
                if names[mid].utf8.lexicographicallyPrecedes(name.utf8) { low = mid + 1 } else { high = mid }
            }
            return low < names.count && names[low].hasSameCodePoints(as: name) ? low : nil
        }
    }
}
