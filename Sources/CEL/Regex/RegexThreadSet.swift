/// A sparse set of instruction indices (Briggs and Torczon): constant-time insert,
/// membership and clear, iteration in insertion order. It lives in memory lent by the
/// caller (`withThreadSets`), so that a match allocates nothing on the heap.
struct RegexThreadSet {
    private let members: UnsafeMutableBufferPointer<Int>
    private let positions: UnsafeMutableBufferPointer<Int>
    private(set) var count = 0

    /// Lends two sets of `capacity` instructions, and a stack for following them, to `body`.
    static func withThreadSets<Result>(
        capacity: Int, _ body: (inout RegexThreadSet, inout RegexThreadSet, inout RegexPCStack) -> Result
    ) -> Result {
        // Two sets of two arrays, and a stack: every followed instruction pushes at most two more.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 6 * capacity + 2) { storage in
            storage.initialize(repeating: 0)
            var first = RegexThreadSet(storage, from: 0, capacity: capacity)
            var second = RegexThreadSet(storage, from: 2 * capacity, capacity: capacity)
            var stack = RegexPCStack(UnsafeMutableBufferPointer(rebasing: storage[(4 * capacity)...]))
            return body(&first, &second, &stack)
        }
    }

    private init(_ storage: UnsafeMutableBufferPointer<Int>, from start: Int, capacity: Int) {
        members = UnsafeMutableBufferPointer(rebasing: storage[start..<(start + capacity)])
        positions = UnsafeMutableBufferPointer(rebasing: storage[(start + capacity)..<(start + 2 * capacity)])
    }

    /// The `index`-th member inserted.
    subscript(index: Int) -> Int { members[index] }

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

/// The instructions still to follow while adding a thread: a stack in lent memory.
struct RegexPCStack {
    private let storage: UnsafeMutableBufferPointer<Int>
    private var top = 0

    init(_ storage: UnsafeMutableBufferPointer<Int>) {
        self.storage = storage
    }

    mutating func push(_ pc: Int) {
        storage[top] = pc
        top += 1
    }

    mutating func pop() -> Int? {
        guard top > 0 else { return nil }
        top -= 1
        return storage[top]
    }

    mutating func removeAll() {
        top = 0
    }
}
