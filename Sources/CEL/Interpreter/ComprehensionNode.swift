/// A macro over a list's elements or a map's keys: `all`, `exists`, `exists_one`, `map`, `filter`.
/// Each step costs one unit of the evaluation budget.
final class ComprehensionNode: Node, @unchecked Sendable {
    let kind: Expr.Comprehension.Kind
    let range: Node
    let slot: Int
    let body: Node
    let filter: Node?

    init(kind: Expr.Comprehension.Kind, range: Node, slot: Int, body: Node, filter: Node?, offset: Int) {
        self.kind = kind
        self.range = range
        self.slot = slot
        self.body = body
        self.filter = filter
        super.init(offset: offset)
    }

    override func evaluate(_ frame: inout Frame) throws(EvalError) -> CELValue {
        let items: [CELValue]
        switch try range.evaluate(&frame) {
        case .list(let elements): items = elements
        case .map(let map): items = map.keys
        case let other:
            throw fail("\(kind.rawValue)() cannot iterate over a value of type '\(other.type.typeValueName)'")
        }
        try frame.charge(items.count, at: offset)
        defer { frame.slots[slot] = nil }
        switch kind {
        case .all: return try quantify(items, &frame, stopsOn: false)
        case .exists: return try quantify(items, &frame, stopsOn: true)
        case .existsOne:
            var count = 0
            for index in items.indices {
                frame.slots[slot] = items[index]
                if try condition(&frame) { count += 1 }
            }
            return .bool(count == 1)
        case .filter:
            var kept: [CELValue] = []
            for index in items.indices {
                frame.slots[slot] = items[index]
                if try condition(&frame) { kept.append(items[index]) }
            }
            return .list(kept)
        case .map:
            var mapped: [CELValue] = []
            mapped.reserveCapacity(items.count)
            for index in items.indices {
                frame.slots[slot] = items[index]
                if let filter {
                    guard try predicate(filter, &frame) else { continue }
                }
                mapped.append(try body.evaluate(&frame))
            }
            return .list(mapped)
        }
    }

    /// `all` and `exists`: the first element giving `stopsOn` decides; otherwise an error from any
    /// element is the result, as CEL's `&&` and `||` would give.
    @inline(__always)
    private func quantify(_ items: [CELValue], _ frame: inout Frame, stopsOn decisive: Bool) throws(EvalError) -> CELValue {
        var firstError: EvalError?
        for index in items.indices {
            frame.slots[slot] = items[index]
            do {
                if try condition(&frame) == decisive { return .bool(decisive) }
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        return .bool(!decisive)
    }

    @inline(__always)
    private func condition(_ frame: inout Frame) throws(EvalError) -> Bool {
        try predicate(body, &frame)
    }

    @inline(__always)
    private func predicate(_ node: Node, _ frame: inout Frame) throws(EvalError) -> Bool {
        let value = try node.evaluate(&frame)
        guard case .bool(let flag) = value else {
            throw EvalError(message: "the condition of \(kind.rawValue)() must be a bool, not \(value.type.typeValueName)", offset: node.offset)
        }
        return flag
    }
}
