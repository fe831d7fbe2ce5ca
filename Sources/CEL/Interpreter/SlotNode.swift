/// A variable: declared, bound by name, or a comprehension's.
final class SlotNode: Node, @unchecked Sendable {
    let slot: Int
    let name: String

    init(slot: Int, name: String, offset: Int) {
        self.slot = slot
        self.name = name
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        if let value = frame.slots[slot] { return value }
        throw fail("no value bound for variable '\(name)'")
    }
}
