/// Positions by id (entry ids of a snapshot), for checking that ids are unique while
/// reading and for finding an entry by id afterwards.
///
/// Not a `[String: Int]`, nor any hash table filled while reading: with 100,000
/// entries, each insert into a table of megabytes is a cache miss at a random place,
/// and those misses (with the seeded SipHash of each id) were a quarter of reading a
/// snapshot. Here reading only appends one word per id (its hash above its position),
/// and the words are sorted once, by a radix sort that walks them in order: equal
/// ids are then neighbours, and a lookup is a binary search. FNV-1a is not seeded:
/// ids crafted to collide make reading slower, never wrong.
struct IDIndex: Sendable {
    /// Per id: the high 32 bits of its hash above its position, sorted by hash and, for
    /// equal hashes, by position.
    private let words: [UInt64]

    /// The word to collect for the id at a position (positions below 2^32).
    static func word(_ id: String, at position: Int) -> UInt64 {
        hash(id) << 32 | UInt64(UInt32(truncatingIfNeeded: position))
    }

    /// The index of the collected words, `id(at:)` giving the id at a position; and, for
    /// each id written again, its position and the position it was first written at.
    static func build(_ words: [UInt64], id idAt: (Int) -> String) -> (index: IDIndex, repeats: [(position: Int, first: Int)]) {
        let sorted = sortedByHash(words)
        var repeats: [(position: Int, first: Int)] = []
        var groupStart = 0
        while groupStart < sorted.count {
            var groupEnd = groupStart + 1
            while groupEnd < sorted.count, sorted[groupEnd] >> 32 == sorted[groupStart] >> 32 { groupEnd += 1 }
            // Almost always one id; else compare the ids (equal hashes may be different ids).
            for later in groupStart + 1 ..< max(groupStart + 1, groupEnd) {
                let position = Int(sorted[later] & 0xFFFF_FFFF)
                let id = idAt(position)
                if let first = (groupStart..<later).lazy.map({ Int(sorted[$0] & 0xFFFF_FFFF) }).first(where: { idAt($0) == id }) {
                    repeats.append((position, first))
                }
            }
            groupStart = groupEnd
        }
        return (IDIndex(words: sorted), repeats)
    }

    /// An index of no ids.
    init() {
        words = []
    }

    private init(words: [UInt64]) {
        self.words = words
    }

    /// The first position of `id`, if it was indexed.
    func position(of id: String, id idAt: (Int) -> String) -> Int? {
        let high = IDIndex.hash(id)
        // The first word whose hash is not below `high`.
        var low = 0, upper = words.count
        while low < upper {
            let middle = (low + upper) / 2
            if words[middle] >> 32 < high { low = middle + 1 } else { upper = middle }
        }
        while low < words.count, words[low] >> 32 == high {
            let position = Int(words[low] & 0xFFFF_FFFF)
            if idAt(position) == id { return position }
            low += 1
        }
        return nil
    }

    /// For each id of a list of queries (collected as `word(_:at:)` with positions in
    /// that list, `query(at:)` giving the one at a position), whether it is indexed. All
    /// at once: the queries are sorted like the index and the two walked together, in
    /// order, where looking each up on its own jumps across the index (27,000 creative
    /// references cost as much as reading the entries' keys).
    func contains(_ queries: [UInt64], query queryAt: (Int) -> String, id idAt: (Int) -> String) -> [Bool] {
        var found = [Bool](repeating: false, count: queries.count)
        var next = 0   // the first word whose hash is not below the query's
        for query in IDIndex.sortedByHash(queries) {
            let high = query >> 32, position = Int(query & 0xFFFF_FFFF)
            while next < words.count, words[next] >> 32 < high { next += 1 }
            var candidate = next
            while candidate < words.count, words[candidate] >> 32 == high {
                if idAt(Int(words[candidate] & 0xFFFF_FFFF)) == queryAt(position) {
                    found[position] = true
                    break
                }
                candidate += 1
            }
        }
        return found
    }

    /// The words sorted by their high 32 bits, keeping the order of equal ones: a least
    /// significant digit radix sort, four passes of one byte, each reading in order.
    private static func sortedByHash(_ words: [UInt64]) -> [UInt64] {
        var source = words
        var target = [UInt64](repeating: 0, count: words.count)
        // Through buffers: array subscripts checked uniqueness and bounds on every write.
        var starts = [Int](repeating: 0, count: 257)
        starts.withUnsafeMutableBufferPointer { starts in
            for shift in stride(from: UInt64(32), to: 64, by: 8) {
                source.withUnsafeBufferPointer { source in
                    target.withUnsafeMutableBufferPointer { target in
                        // starts[d]: where the words whose byte is d go.
                        starts.update(repeating: 0)
                        for word in source { starts[Int(truncatingIfNeeded: (word >> shift) & 0xFF) + 1] += 1 }
                        for digit in 1...256 { starts[digit] += starts[digit - 1] }
                        for word in source {
                            let digit = Int(truncatingIfNeeded: (word >> shift) & 0xFF)
                            target[starts[digit]] = word
                            starts[digit] += 1
                        }
                    }
                }
                swap(&source, &target)
            }
        }
        return source
    }

    /// 32 bits of FNV-1a over the UTF-8 bytes (through `withUTF8`: iterating `utf8`
    /// cost 250 instructions for a six-byte id).
    private static func hash(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            return hash >> 32
        }
    }
}
