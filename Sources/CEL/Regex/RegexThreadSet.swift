/// A sparse set of instruction indices (Briggs and Torczon): constant-time insert,
/// membership and clear, iteration in insertion order.
struct RegexThreadSet {
    private(set) var members: [Int]
    private var positions: [Int]
    private(set) var count = 0

    init(capacity: Int) {
        members = Array(repeating: 0, count: capacity)
        positions = Array(repeating: 0, count: capacity)
    }

    /// Inserts `value`; false when it was already there.
    mutating func insert(_ value: Int) -> Bool {
        let position = positions[value]
        if position < count, members[position] == value { return false }
        positions[value] = count
        members[count] = value
        count += 1
        return true
    }

    mutating func removeAll() {
        count = 0
    }
}
