/// `Type{field: value, ...}` for a declared object type.
final class ObjectNode: Node, @unchecked Sendable {
    let typeName: String
    let names: [String]
    let values: [Node]

    init(typeName: String, names: [String], values: [Node], offset: Int) {
        self.typeName = typeName
        self.names = names
        self.values = values
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var fields: [String: CELValue] = [:]
        for index in names.indices { fields[names[index]] = try values[index].evaluate(&frame) }
        return .object(CELObject(typeName: typeName, fields: fields))
    }
}
