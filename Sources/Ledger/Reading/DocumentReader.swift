import Diagnostics
import Foundation

/// Walks a `Document` and turns its values into typed ones, collecting every
/// problem instead of stopping at the first (the snapshot and the policy readers
/// share it, so that both word their errors the same way).
struct DocumentReader {
    let source: SourceFile
    let document: Document
    /// For a document built from a client's rows: the row and column each node's line
    /// and column stand for. Nil for a file, whose positions are lines and columns.
    let places: RowPlaces?
    private(set) var diagnostics: [Diagnostic] = []

    /// The largest whole number an input may hold (a trillion): far beyond any real
    /// balance, and small enough that sums of 100,000 of them cannot overflow.
    static let largestWholeNumber: UInt = 1_000_000_000_000

    init(source: SourceFile, document: Document, places: RowPlaces? = nil) {
        self.source = source
        self.document = document
        self.places = places
    }

    /// The location of a node in the source: `file:line:column`, or for rows the place
    /// alone (`clients/acme entries/e-9 creative_id`, with no line).
    func location(of node: DocumentNode) -> SourceLocation {
        let item = document[node]
        if let places { return SourceLocation(place: places.place(line: Int(item.line), column: Int(item.column))) }
        return SourceLocation(file: source.name, line: Int(item.line), column: Int(item.column))
    }

    /// ` (first at line 12)`, for a repeated key or id: where the first one is. Empty for
    /// rows, whose place already names the row.
    func firstAt(_ node: DocumentNode) -> String {
        places == nil ? " (first at line \(line(of: node)))" : ""
    }

    /// The line a node starts on.
    func line(of node: DocumentNode) -> Int {
        Int(document[node].line)
    }

    /// The column a node starts at.
    func column(of node: DocumentNode) -> Int {
        Int(document[node].column)
    }

    /// Records a problem at a node, with its source line for the caret.
    mutating func error(_ message: String, at node: DocumentNode) {
        diagnostics.append(places == nil ? source.diagnostic(message, at: location(of: node))
                                         : Diagnostic(message: message, location: location(of: node)))
    }

    /// The fields of a mapping node, checking its keys against `allowed` (a typo is an
    /// error naming the key and the allowed ones) and that each is written once.
    /// Nil, with an error, when the node is not a mapping.
    mutating func mapping(_ node: DocumentNode, _ name: String, allowed: KeySet) -> Fields? {
        var fields = Fields(node: node, name: name, keys: allowed)
        return read(&fields) ? fields : nil
    }

    /// `mapping` into fields made by the caller (`Fields(node:name:keys:)`); false, with
    /// an error, when the node is not a mapping. For the lists of a large snapshot: the
    /// fields returned by `mapping` are copied with wide loads right after their slots
    /// were written one by one, a store-forwarding stall that cost a quarter of reading
    /// an entry (perf annotate); read in place, they are not copied. The fast path is
    /// inlined into the caller (a millisecond of 100,000 entries), the rest is not.
    @inline(__always)
    mutating func read(_ fields: inout Fields) -> Bool {
        let node = fields.node, allowed = fields.keys
        let item = document[node]
        guard item.kind == .mapping else {
            reportNotMapping(fields)
            return false
        }
        // One pass over the pairs that notes where each allowed key's value is, so that
        // the lookups after it cost nothing: a large log has 100,000 of these mappings.
        var nextSlot = 0
        // The fast path, over the document's buffers: keys that are slices of the text
        // (JSON), allowed and not repeated, as in every valid snapshot. It stops at the
        // first other pair, which the general loop below takes with its messages.
        var fastPairs = 0
        document.withBuffers { nodes, children, bytes in
            while fastPairs < Int(item.count) {
                let position = Int(item.start) + 2 * fastPairs
                let key = nodes[Int(children[position])]
                guard key.kind == .quoted || key.kind == .plain, key.start >= 0, key.count >= 0,
                      let slot = allowed.slot(ofUTF8: UnsafeBufferPointer(rebasing: bytes[Int(key.start)..<Int(key.start + key.count)]),
                                              prefix: KeySet.prefix(at: Int(key.start), count: Int(key.count), in: bytes),
                                              from: nextSlot),
                      fields.valueIndex[slot] < 0
                else { return }
                let value = children[position + 1]
                fields.valueIndex[slot] = value
                if nodes[Int(value)].kind == .null { fields.nullMask |= 1 << slot }
                nextSlot = slot + 1
                fastPairs += 1
            }
        }
        if fastPairs < Int(item.count) {
            readPairs(from: fastPairs, nextSlot: nextSlot, into: &fields)
        }
        return true
    }

    @inline(never)
    private mutating func reportNotMapping(_ fields: Fields) {
        error("\(fields.name) must be a mapping, got \(document.kindDescription(of: fields.node))", at: fields.node)
    }

    /// `read` from the pair at `start` on, with a message for each key that is not a
    /// name, not allowed, or repeated.
    @inline(never)
    private mutating func readPairs(from start: Int, nextSlot: Int, into fields: inout Fields) {
        let node = fields.node, name = fields.name, allowed = fields.keys
        var nextSlot = nextSlot
        for pairIndex in start..<Int(document[node].count) {
            let (key, value) = document.pair(pairIndex, of: node)
            guard document[key].kind == .quoted || document[key].kind == .plain else {
                error("a key in \(name) must be a name, got \(document.kindDescription(of: key))", at: key)
                continue
            }
            guard let slot = allowed.slot(of: key, in: document, from: nextSlot) else {
                let text = document.text(of: key) ?? ""
                error(KeyProblem.unknown(text, in: name, allowed: allowed.names), at: key)
                continue
            }
            if fields.valueIndex[slot] >= 0 {
                // The first key with this name is the first earlier pair in this slot.
                let document = self.document
                let first = (0..<pairIndex).map { document.pair($0, of: node).key }
                    .first { allowed.slot(of: $0, in: document) == slot }!
                error(KeyProblem.duplicate(allowed.names[slot], in: name, firstLine: line(of: first)), at: key)
                continue
            }
            nextSlot = slot + 1
            fields.valueIndex[slot] = value.index
            if document[value].kind == .null { fields.nullMask |= 1 << slot }
        }
    }

    /// The elements of a list node; nil, with an error, when it is not a list.
    mutating func sequence(_ node: DocumentNode, _ name: String) -> Document.Elements? {
        guard document[node].kind == .sequence else {
            error("\(name) must be a list, got \(document.kindDescription(of: node))", at: node)
            return nil
        }
        return document.elements(of: node)
    }

    /// A mapping's pairs, for mappings whose keys are data (plan names); nil, with an error, otherwise.
    mutating func pairs(_ node: DocumentNode, _ description: String) -> [(key: DocumentNode, value: DocumentNode)]? {
        guard document[node].kind == .mapping else {
            error("\(description), got \(document.kindDescription(of: node))", at: node)
            return nil
        }
        return document.pairs(of: node)
    }

    /// Text: any scalar (`id: 123` is the text `123`); not null, a list or a mapping.
    mutating func string(_ node: DocumentNode, _ name: String) -> String? {
        guard let text = document.text(of: node) else {
            error("\(name) must be text, got \(document.kindDescription(of: node))", at: node)
            return nil
        }
        return text
    }

    /// A whole number written as one (`12`, not `12.5`, `12.0` or `"12"`), within `largestWholeNumber`.
    mutating func integer(_ node: DocumentNode, _ name: String, unit: String = "") -> Int? {
        if let value = document.wholeNumber(node) { return value }   // 32 bits: within range
        if document[node].kind == .plain, let parsed = document.withScalarBytes(node, DocumentReader.wholeNumber), let value = parsed {
            guard value.magnitude <= DocumentReader.largestWholeNumber else {
                error("\(name) is out of range, got \(shown(node)) (at most \(DocumentReader.largestWholeNumber) either way)", at: node)
                return nil
            }
            return value
        }
        let what = unit.isEmpty ? "a whole number" : "a whole number of \(unit)"
        error("\(name) must be \(what), got \(shown(node))", at: node)
        return nil
    }

    /// A number that may have a fraction (`7.5`), for clip seconds.
    mutating func decimal(_ node: DocumentNode, _ name: String) -> Double? {
        // Most are whole (`12`): read from the bytes, they need no string and no strtod;
        // converting the integer rounds as strtod would.
        if let whole = document.wholeNumber(node) { return Double(whole) }
        if document[node].kind == .plain, let parsed = document.withScalarBytes(node, DocumentReader.wholeNumber),
           let whole = parsed, whole.magnitude <= DocumentReader.largestWholeNumber {
            return Double(whole)
        }
        if document[node].kind == .plain, let text = document.text(of: node), let value = Double(text), value.isFinite {
            guard value.magnitude <= Double(DocumentReader.largestWholeNumber) else {
                error("\(name) is out of range, got \(shown(node)) (at most \(DocumentReader.largestWholeNumber) either way)", at: node)
                return nil
            }
            return value
        }
        error("\(name) must be a number, got \(shown(node))", at: node)
        return nil
    }

    /// `true` or `false`.
    mutating func boolean(_ node: DocumentNode, _ name: String) -> Bool? {
        if document[node].kind == .plain, let text = document.text(of: node) {
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        error("\(name) must be true or false, got \(shown(node))", at: node)
        return nil
    }

    /// An ISO 8601 timestamp that carries its UTC offset; keeps the offset written.
    mutating func timestamp(_ node: DocumentNode, _ name: String) -> ISOTimestamp.Parsed? {
        guard let parsed = document.withScalarBytes(node, ISOTimestamp.parse(bytes:)) ?? nil else {
            error("\(name) must be an ISO 8601 timestamp with an offset such as 2026-11-20T16:14:00-06:00, got \(shown(node))", at: node)
            return nil
        }
        guard parsed.offsetSeconds != nil else {
            error("timestamp '\(document.text(of: node) ?? "")' has no offset: add Z for UTC or an offset such as -06:00", at: node)
            return nil
        }
        return parsed
    }

    /// A calendar date `YYYY-MM-DD`.
    mutating func day(_ node: DocumentNode, _ name: String) -> BillingDay? {
        guard let text = document.text(of: node), let day = ISOTimestamp.parseDay(text) else {
            error("\(name) must be a date such as 2026-11-15, got \(shown(node))", at: node)
            return nil
        }
        return day
    }

    /// An IANA time zone name.
    mutating func timeZone(_ node: DocumentNode, _ name: String) -> TimeZone? {
        guard let text = string(node, name) else { return nil }
        guard let zone = TimeZone(identifier: text) else {
            error("unknown time zone '\(text)' (use an IANA name such as America/Chicago or UTC)", at: node)
            return nil
        }
        return zone
    }

    /// A node as a message quotes it: `'12.5'`, `the string '12'`, or its kind when it is not a scalar.
    func shown(_ node: DocumentNode) -> String {
        guard let text = document.text(of: node) else { return document.kindDescription(of: node) }
        return document[node].kind == .quoted ? "the string '\(text)'" : "'\(text)'"
    }

    /// `12`, `-88`, `+5` as an `Int`; nil for anything else, or one too large for `Int`.
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var position = 0
        var negative = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        guard position < bytes.count else { return nil }
        var value = 0
        while position < bytes.count {
            let byte = bytes[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            position += 1
        }
        return negative ? -value : value
    }

    /// The keys a mapping may have, with their UTF-8 ready for comparing with the input's.
    struct KeySet: Sendable, ExpressibleByArrayLiteral {
        /// The tables, shared: every mapping read keeps its set, and copying one reference
        /// costs one retain where four arrays cost four.
        private final class Storage: Sendable {
            let names: [String]
            let utf8: [[UInt8]]
            /// Each name's length and first eight bytes (little-endian, zero-padded): two
            /// integer comparisons tell nearly every pair of keys apart, where comparing the
            /// bytes costs a call per candidate, and a large log has 600,000 keys.
            let lengths: [Int]
            let prefixes: [UInt64]

            init(names: [String]) {
                self.names = names
                self.utf8 = names.map { Array($0.utf8) }
                self.lengths = utf8.map(\.count)
                self.prefixes = utf8.map { $0.withUnsafeBufferPointer(KeySet.prefix) }
            }
        }

        private let storage: Storage
        var names: [String] { storage.names }

        init(_ names: [String]) {
            precondition(names.count <= 16, "a mapping allows at most 16 keys")
            self.storage = Storage(names: names)
        }

        init(arrayLiteral names: String...) {
            self.init(names)
        }

        /// The position of the key a node spells, if it is one of these. Looks from
        /// `start` on (wrapping around): keys are usually written in the set's order,
        /// so the one after the previous key's is the likely one.
        func slot(of key: DocumentNode, in document: Document, from start: Int = 0) -> Int? {
            document.withScalarBytes(key) { slot(ofUTF8: $0, from: start) } ?? nil
        }

        /// The position of the key spelled by `bytes`, looking from `start` on.
        func slot(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            slot(ofUTF8: bytes, prefix: KeySet.prefix(bytes), from: start)
        }

        /// `slot(ofUTF8:from:)` with the key's `prefix` already known.
        @inline(__always)
        func slot(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, prefix: UInt64, from start: Int) -> Int? {
            let storage = self.storage
            let count = storage.lengths.count
            var slot = start < count ? start : 0
            for _ in 0..<count {
                if storage.prefixes[slot] == prefix, storage.lengths[slot] == bytes.count,
                   bytes.count <= 8 || storage.utf8[slot].withUnsafeBytes({ $0.hasSameBytes(as: UnsafeRawBufferPointer(bytes)) }) {
                    return slot
                }
                slot = slot + 1 == count ? 0 : slot + 1
            }
            return nil
        }

        /// The prefix of the `count` bytes at `offset` of `text`: one unaligned load when
        /// eight bytes are there to read (keys are followed by at least `": 0}`).
        @inline(__always)
        static func prefix(at offset: Int, count: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
            guard offset + 8 <= text.count else { return prefix(UnsafeBufferPointer(rebasing: text[offset..<offset + count])) }
            let word = UInt64(littleEndian: UnsafeRawPointer(text.baseAddress! + offset).loadUnaligned(as: UInt64.self))
            return count >= 8 ? word : word & ((1 << (8 * UInt64(count))) - 1)
        }

        /// The first eight bytes of `bytes` as an integer, zero-padded.
        private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var value: UInt64 = 0
            for index in 0..<min(8, bytes.count) {
                value |= UInt64(bytes[index]) << (8 * index)
            }
            return value
        }

        /// A key of this set, resolved once: for hot paths, where looking a name up
        /// for every one of 100,000 entries would cost more than reading the value.
        func key(_ name: String) -> Key {
            Key(name: name, slot: slot(of: name))
        }

        /// The position of a key name.
        func slot(of name: String) -> Int {
            // Lengths first: comparing two different short strings costs a call, their lengths nothing.
            guard let slot = names.firstIndex(where: { $0.utf8.count == name.utf8.count && $0 == name }) else {
                preconditionFailure("'\(name)' is not an allowed key")
            }
            return slot
        }
    }

    /// A key name and its position in its `KeySet`.
    struct Key: Sendable {
        let name: String
        let slot: Int
    }

    /// The checked keys of one mapping node.
    struct Fields {
        /// The mapping node, where a missing key is reported.
        let node: DocumentNode
        /// What the mapping is, as messages name it: `client`, `entry`.
        let name: String
        /// Its id once known, so that messages say `entry 'e-7'`.
        var label: String?
        let keys: KeySet
        /// For each allowed key (by slot): where its value was written (-1: not written),
        /// and a bit set when the value is null. Fixed-size, so no allocation; an inline
        /// array rather than a SIMD vector, whose lanes written one at a time cost a
        /// store-forwarding stall each (half of `mapping`'s time, measured).
        fileprivate(set) var valueIndex = InlineArray<16, Int32>(repeating: -1)
        fileprivate(set) var nullMask: UInt32 = 0   // 32 bits: a 16-bit store read back as 32 bits stalls the CPU

        init(node: DocumentNode, name: String, keys: KeySet) {
            self.node = node
            self.name = name
            self.keys = keys
        }

        /// The value of a key, if written (null included).
        subscript(key: String) -> DocumentNode? {
            value(at: keys.slot(of: key))
        }

        private func value(at slot: Int) -> DocumentNode? {
            valueIndex[slot] >= 0 ? DocumentNode(index: valueIndex[slot]) : nil
        }

        /// The value of a key that must be written and not null; an error at the mapping when it is missing.
        func required(_ key: String, _ reader: inout DocumentReader) -> DocumentNode? {
            required(keys.key(key), &reader)
        }

        /// `required` for a key resolved beforehand. Inlined, with the messages out of
        /// line: it is called 400,000 times reading a large log, and always finds the key.
        @inline(__always)
        func required(_ key: Key, _ reader: inout DocumentReader) -> DocumentNode? {
            let index = valueIndex[key.slot]
            guard index >= 0, nullMask & (1 << key.slot) == 0 else {
                reportMissing(key, &reader)
                return nil
            }
            return DocumentNode(index: index)
        }

        /// Why `required` found no value: the key is missing, or null.
        @inline(never)
        private func reportMissing(_ key: Key, _ reader: inout DocumentReader) {
            guard let value = value(at: key.slot) else {
                reader.error("missing required key '\(key.name)' in \(described)", at: node)
                return
            }
            reader.error("\(key.name) in \(described) must have a value, got null", at: value)
        }

        /// The value of an optional key; null counts as not written.
        func optional(_ key: String) -> DocumentNode? {
            optional(keys.key(key))
        }

        /// `optional` for a key resolved beforehand.
        @inline(__always)
        func optional(_ key: Key) -> DocumentNode? {
            nullMask & (1 << key.slot) != 0 ? nil : value(at: key.slot)
        }

        /// `entry 'e-7'`, or `entry` before its id is known.
        var described: String {
            label.map { "\(name) '\($0)'" } ?? name
        }

    }
}
