/// `{k: v, ...}`: keys must be int, uint, bool or string, and distinct.
final class MapNode: Node, @unchecked Sendable {
    let keys: [Node]
    let values: [Node]

    init(keys: [Node], values: [Node], offset: Int) {
        self.keys = keys
        self.values = values
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var pairs: [(CELValue, CELValue)] = []
        pairs.reserveCapacity(keys.count)
        var seen = Set<MapKey>()
        for index in keys.indices {
            let key = try keys[index].evaluate(&frame)
            guard let mapKey = MapKey(key) else {
                throw EvalError(message: "unsupported map key type \(key.type.typeValueName): \(key)", offset: keys[index].offset)
            }
            guard seen.insert(mapKey).inserted else {
                throw EvalError(message: "repeated map key \(key)", offset: keys[index].offset)
            }
            pairs.append((key, try values[index].evaluate(&frame)))
        }
        return .map(CELMap(pairs))
    }
}
