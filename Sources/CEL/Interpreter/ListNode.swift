/// `[a, b, ...]`.
final class ListNode: Node, @unchecked Sendable {
    let elements: [Node]

    init(_ elements: [Node], offset: Int) {
        self.elements = elements
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try element.evaluate(&frame)) }
        return .list(values)
    }
}
