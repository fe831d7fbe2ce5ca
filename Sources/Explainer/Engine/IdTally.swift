/// Values kept by id, in the order each id first came. Most tallies hold one or two ids
/// (a cause's claims, a story's takings): looked up in the list, with no hashing, until
/// it grows past a few, then through an index.
struct IdTally<Value> {
    private(set) var items: [(id: String, value: Value)] = []
    private var index: [String: Int] = [:]
    private static var listLimit: Int { 8 }

    /// The place of `id` in `items`, added with `initial` when new.
    mutating func position(of id: String, initial: @autoclosure () -> Value) -> Int {
        if items.count <= Self.listLimit {
            if let found = items.firstIndex(where: { $0.id == id }) { return found }
        } else if let found = index[id] {
            return found
        }
        items.append((id, initial()))
        if items.count > Self.listLimit {
            if index.isEmpty { for (position, item) in items.enumerated() { index[item.id] = position } }
            index[id] = items.count - 1
        }
        return items.count - 1
    }

    subscript(position: Int) -> Value {
        get { items[position].value }
        set { items[position].value = newValue }
    }
}
