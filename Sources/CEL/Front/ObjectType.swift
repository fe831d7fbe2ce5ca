/// A declared record type: its name and its fields, with each field's place in a `CELObject` that sets them all.
struct ObjectType: Sendable {
    let name: String
    let fields: [String: CELType]
    let positions: [String: Int]

    init(name: String, fields: [String: CELType]) {
        self.name = name
        self.fields = fields
        let sorted = fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        positions = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
    }
}
