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

    /// An object of `layout`'s type with `fields`, named in the layout's order: no sort and no
    /// dictionary, for objects built many times (an entry of a long log). Fields named
    /// otherwise are sorted as by `init(typeName:fields:)`.
    public init(_ layout: Layout, _ fields: KeyValuePairs<String, CELValue>) {
        self.init(layout, fields: fields)
    }

    /// The same with the fields in a list (when some are present only sometimes: one layout
    /// for each set of fields present).
    public init(_ layout: Layout, fields: some RandomAccessCollection<(key: String, value: CELValue)>) {
        guard fields.count == layout.declared.count, zip(fields, layout.declared).allSatisfy({ $0.key == $1 }) else {
            assertionFailure("fields of \(layout.typeName) not named in its layout's order")
            self = CELObject(typeName: layout.typeName, fields: Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
            return
        }
        let start = fields.startIndex
        storage = Storage(typeName: layout.typeName, names: layout.names,
                          values: layout.order.map { fields[fields.index(start, offsetBy: $0)].value })
    }

    /// The field names of one type of object in the order a builder writes them, sorted once.
    public struct Layout: Sendable {
        let typeName: String
        let declared: [String]
        /// The names sorted by code point, as objects store them.
        let names: [String]
        /// For each sorted name, its place in `declared`.
        let order: [Int]

        public init(typeName: String, names declared: [String]) {
            self.typeName = typeName
            self.declared = declared
            order = declared.indices.sorted { declared[$0].utf8.lexicographicallyPrecedes(declared[$1].utf8) }
            names = order.map { declared[$0] }
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

    /// The field at `position` if it is named `name`, else a lookup by name: the fast path of `o.field`.
    @inline(__always)
    func value(at position: Int, named name: String) -> CELValue? {
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
