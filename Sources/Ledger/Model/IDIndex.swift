/// Positions by id (entry ids of a snapshot), for checking that ids are unique while
/// reading and for finding an entry by id afterwards.
///
/// Not a `[String: Int]`, nor any hash table filled while reading: with 100,000
/// entries, each insert into a table of megabytes is a cache miss at a random place,
/// and those misses (with the seeded SipHash of each id) were a quarter of reading a
/// snapshot. Here reading only appends one word per id (its hash above its position),
/// and the words are sorted once, by a radix sort that walks them in order: equal
/// ids are then neighbours. A lookup goes through a directory of where each value of
/// the hash's top bits starts, straight to the one or two words that can match, where
/// a binary search jumped across the words (a fifth of reading the entries, when each
/// entry's creative was looked up). FNV-1a is not seeded: ids crafted to collide make
/// reading slower, never wrong.
struct IDIndex: Sendable {
    /// Per id: the high 32 bits of its hash above its position, sorted by hash and, for
    /// equal hashes, by position.
    private let words: [UInt64]
    /// For each value of a hash's top bits (`hash >> directoryShift`), the first word
    /// with that value or a higher one; one more element holds `words.count`.
    private let directory: [Int32]
    private let directoryShift: UInt64

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
        self.init(words: [])
    }

    /// The index of sorted words, with a directory of about one slot per word.
    private init(words: [UInt64]) {
        let bits = min(24, max(1, Int.bitWidth - max(1, words.count).leadingZeroBitCount))
        let shift = UInt64(32 - bits)
        var directory = [Int32](repeating: 0, count: (1 << bits) + 1)
        var next = 0
        for slot in 0..<(1 << bits) {
            while next < words.count, Int(truncatingIfNeeded: (words[next] >> 32) >> shift) < slot { next += 1 }
            directory[slot] = Int32(truncatingIfNeeded: next)
        }
        directory[1 << bits] = Int32(truncatingIfNeeded: words.count)
        self.words = words
        self.directory = directory
        self.directoryShift = shift
    }

    /// The first position of `id`, if it was indexed.
    func position(of id: String, id idAt: (Int) -> String) -> Int? {
        let high = IDIndex.hash(id)
        let slot = Int(truncatingIfNeeded: high >> directoryShift)
        var low = Int(directory[slot])
        let end = Int(directory[slot + 1])
        while low < end, words[low] >> 32 < high { low += 1 }
        while low < end, words[low] >> 32 == high {
            let position = Int(words[low] & 0xFFFF_FFFF)
            if idAt(position) == id { return position }
            low += 1
        }
        return nil
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
