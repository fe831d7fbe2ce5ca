/// Positions by id (entry ids of a snapshot), for checking that ids are unique while
/// reading and for finding an entry by id afterwards.
///
/// Not a `[String: Int]`: with 100,000 entries, hashing each id with the standard
/// library's seeded SipHash and probing its table was a fifth of reading a snapshot.
/// This table keeps one 64-bit word per slot (the id's FNV-1a hash and the position),
/// so that a probe reads one word and compares a string only when the hashes match;
/// the ids themselves stay where they are (the caller says how to get the id at a
/// position). FNV-1a is not seeded: input crafted to collide makes reading slower,
/// never wrong, and a snapshot is a file its user chose to read.
struct IDIndex: Sendable {
    /// Per slot: the hash's high 32 bits and position + 1 in the low 32 bits; 0 when empty.
    private var slots: [UInt64]
    private var count = 0

    /// An index with room for `capacity` ids before it grows.
    init(capacity: Int = 0) {
        slots = Array(repeating: 0, count: IDIndex.size(for: capacity))
    }

    /// Records `position` for `id`, unless `id` is already there: then returns the
    /// position it was first recorded at (and records nothing).
    mutating func insert(_ id: String, at position: Int, id idAt: (Int) -> String) -> Int? {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = IDIndex.hash(id)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let word = slots[slot]
            if word >> 32 == hash >> 32, idAt(Int(word & 0xFFFF_FFFF) - 1) == id { return Int(word & 0xFFFF_FFFF) - 1 }
            slot = (slot + 1) & mask
        }
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(position + 1)
        count += 1
        return nil
    }

    /// The position recorded for `id`, if any.
    func position(of id: String, id idAt: (Int) -> String) -> Int? {
        let hash = IDIndex.hash(id)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let word = slots[slot]
            if word >> 32 == hash >> 32, idAt(Int(word & 0xFFFF_FFFF) - 1) == id { return Int(word & 0xFFFF_FFFF) - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Doubles the table; the words keep their hashes, so no id is needed to move them.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for word in old where word != 0 {
            // The slot comes from the low bits of the full hash, which the word no longer
            // has; its high half, mixed, spreads the words as well.
            var slot = IDIndex.slot(ofHigh: word >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = word
        }
    }

    /// A power of two at least twice `capacity` (half full at most keeps probes short).
    private static func size(for capacity: Int) -> Int {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        return size
    }

    /// FNV-1a over the UTF-8 bytes, with the slot bits taken from the high half so that
    /// a grown table can place a word from the word alone.
    private static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return (hash & 0xFFFF_FFFF_0000_0000) | UInt64(truncatingIfNeeded: slot(ofHigh: hash >> 32))
    }

    /// A slot number (32 bits) from the hash's high 32 bits: a multiplicative mix, whose
    /// top half depends on every bit.
    private static func slot(ofHigh high: UInt64) -> Int {
        Int(truncatingIfNeeded: (high &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
