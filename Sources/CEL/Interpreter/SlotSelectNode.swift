/// `variable.field`: a field read straight from a slot, with the field's precomputed position for objects.
final class SlotSelectNode: Node, @unchecked Sendable {
    let slot: Int
    let name: String
    let field: String
    let position: Int

    init(slot: Int, name: String, field: String, position: Int, offset: Int) {
        self.slot = slot
        self.name = name
        self.field = field
        self.position = position
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        // Reading through the buffer lets the optimiser borrow the bound value instead of copying it.
        let found: CELValue? = frame.slots.withUnsafeBufferPointer { slots in
            switch slots[slot] {
            case .map(let map)?: map.value(forString: field)
            case .object(let object)?: object.value(at: position, named: field)
            default: nil
            }
        }
        if let found { return found }
        guard let value = frame.slots[slot] else { throw fail("no value bound for variable '\(name)'") }
        do {
            return try SelectNode.select(field, position: position, from: value)
        } catch {
            throw fail(error.message)
        }
    }
}
