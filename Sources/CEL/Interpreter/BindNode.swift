/// `cel.bind(name, init, body)`: evaluates `init` once, keeps it in a slot for `body` to read, and
/// clears the slot after, as a comprehension does with its variable.
final class BindNode: Node, @unchecked Sendable {
    let slot: Int
    let initializer: Node
    let body: Node

    init(slot: Int, initializer: Node, body: Node, offset: Int) {
        self.slot = slot
        self.initializer = initializer
        self.body = body
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        frame.slots[slot] = try initializer.evaluate(&frame)
        defer { frame.slots[slot] = nil }
        return try body.evaluate(&frame)
    }
}
