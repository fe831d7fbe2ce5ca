/// A parsed YAML or JSON document with the place each value was written. Every
/// node lives in one array and refers to its children and its text by position,
/// so that reading a 100,000-entry snapshot allocates a handful of arrays rather
/// than one per mapping and one per string, and frees them as quickly.
struct Document: Sendable {
    /// What a node is.
    enum Kind: UInt8, Sendable {
        /// A quoted scalar (a JSON string, a quoted YAML scalar): always text.
        case quoted
        /// An unquoted scalar (a JSON number or boolean, a plain YAML scalar).
        case plain
        /// JSON `null`; YAML `null`, `~` or nothing.
        case null
        case mapping
        case sequence
    }

    /// One node.
    struct Node: Sendable {
        let kind: Kind
        /// 1-based line and column (in Unicode scalars) where the node starts.
        let line: Int32
        let column: Int32
        /// A scalar's text: a byte offset into `bytes` (0 or more), or -1 - its
        /// position in `strings`; a whole number kept as one (`count` is
        /// `wholeNumberCount`): its value. A mapping or sequence: where its children start in `children`.
        let start: Int32
        /// A scalar's length in bytes (when in `bytes`); a mapping's pairs; a sequence's elements.
        let count: Int32
    }

    private(set) var nodes: [Node] = []
    /// Children of mappings (key, value, key, value, ...) and sequences, each container's together.
    private(set) var children: [Int32] = []
    /// Scalars that are not a slice of `bytes` (JSON strings with escapes, every YAML scalar).
    private(set) var strings: [String] = []
    /// The UTF-8 text scalars point into: the source's (JSON), or the text a
    /// builder appends (`addScalar(_:appending:line:column:)`, the store's rows).
    private(set) var bytes: [UInt8]
    /// The top node; set when the parser closes the document.
    private(set) var root = DocumentNode(index: -1)

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    // MARK: Building

    /// Makes room for this many nodes and children.
    mutating func reserveCapacity(nodes nodeCount: Int, children childCount: Int) {
        nodes.reserveCapacity(nodeCount)
        children.reserveCapacity(childCount)
    }

    /// Adds a scalar that is a slice of `bytes`.
    mutating func addScalar(_ kind: Kind, byteOffset: Int, length: Int, line: Int, column: Int) -> DocumentNode {
        add(Node(kind: kind, line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column),
                 start: Int32(truncatingIfNeeded: byteOffset), count: Int32(truncatingIfNeeded: length)))
    }

    /// Adds a scalar whose text is appended to `bytes`: for a document built from
    /// values rather than parsed (the store's rows), so that it reads as fast as JSON.
    mutating func addScalar(_ kind: Kind, appending text: String, line: Int, column: Int) -> DocumentNode {
        let offset = bytes.count
        bytes.append(contentsOf: text.utf8)
        return addScalar(kind, byteOffset: offset, length: bytes.count - offset, line: line, column: column)
    }

    /// Appends the text of every value of a list of rows (`RowList`) at once, for scalars
    /// that are slices of it (`addScalar(_:byteOffset:length:line:column:)` at the returned
    /// offset plus the value's `RowList.textRange`): one copy rather than one per value.
    mutating func appendBytes(of list: RowList) -> Int {
        let offset = bytes.count
        list.withAllText { bytes.append(contentsOf: $0) }
        return offset
    }

    /// Adds a scalar whose UTF-8 is appended to `bytes` (a store row's text, from its buffer).
    mutating func addScalar(_ kind: Kind, appendingUTF8 text: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> DocumentNode {
        let offset = bytes.count
        bytes.append(contentsOf: text)
        return addScalar(kind, byteOffset: offset, length: text.count, line: line, column: column)
    }

    /// Adds a plain scalar: a whole number (a store row's), kept as its value when it fits
    /// in 32 bits, so that it is neither written in digits nor read back from them (three
    /// million of a store's cells); its text is made only when asked for. Else as its digits.
    mutating func addScalar(wholeNumber number: Int, line: Int, column: Int) -> DocumentNode {
        guard let value = Int32(exactly: number) else { return addScalar(appendingDigitsOf: number, line: line, column: column) }
        return add(Node(kind: .plain, line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column),
                        start: value, count: Document.wholeNumberCount))
    }

    /// The `count` of a whole number kept as its value (no other node's is negative).
    private static let wholeNumberCount: Int32 = -1

    /// Adds a plain scalar: a whole number in decimal digits, appended to `bytes` without a string.
    private mutating func addScalar(appendingDigitsOf number: Int, line: Int, column: Int) -> DocumentNode {
        let offset = bytes.count
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        let first = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[first...].reverse()
        return addScalar(.plain, byteOffset: offset, length: bytes.count - offset, line: line, column: column)
    }

    /// Adds a scalar with text of its own.
    mutating func addScalar(_ kind: Kind, text: String, line: Int, column: Int) -> DocumentNode {
        strings.append(text)
        return add(Node(kind: kind, line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column),
                        start: Int32(truncatingIfNeeded: -strings.count), count: 0))
    }

    /// Adds a null.
    mutating func addNull(line: Int, column: Int) -> DocumentNode {
        add(Node(kind: .null, line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column), start: 0, count: 0))
    }

    /// Adds a mapping (`members` are key, value, key, value, ... by node index) or a sequence.
    mutating func addContainer(_ kind: Kind, members: ArraySlice<Int32>, line: Int, column: Int) -> DocumentNode {
        let start = children.count
        children.append(contentsOf: members)
        let count = kind == .mapping ? members.count / 2 : members.count
        return add(Node(kind: kind, line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column),
                        start: Int32(truncatingIfNeeded: start), count: Int32(truncatingIfNeeded: count)))
    }

    /// Marks the top node.
    mutating func setRoot(_ node: DocumentNode) {
        root = node
    }

    private mutating func add(_ node: Node) -> DocumentNode {
        nodes.append(node)
        return DocumentNode(index: Int32(truncatingIfNeeded: nodes.count - 1))
    }

    // MARK: Reading

    subscript(node: DocumentNode) -> Node {
        nodes[Int(node.index)]
    }

    /// The scalar text of a node; nil for null, mappings and sequences.
    func text(of node: DocumentNode) -> String? {
        let item = self[node]
        guard item.kind == .quoted || item.kind == .plain else { return nil }
        if item.count == Document.wholeNumberCount { return String(item.start) }
        if item.start < 0 { return strings[Int(-1 - item.start)] }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(item.start)..<Int(item.start + item.count)]), as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 bytes of a scalar's text, without making a string
    /// when the text is a slice of the source; nil for other nodes.
    func withScalarBytes<Result>(_ node: DocumentNode, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let item = self[node]
        guard item.kind == .quoted || item.kind == .plain else { return nil }
        if item.start < 0 || item.count == Document.wholeNumberCount {
            var string = text(of: node)!
            return string.withUTF8(body)
        }
        return bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(item.start)..<Int(item.start + item.count)]))
        }
    }

    /// Calls `body` with the nodes, the children and the text, for a hot loop that reads
    /// many nodes (`DocumentReader.mapping`): one bounds check per access, no call per node.
    func withBuffers<Result>(_ body: (UnsafeBufferPointer<Node>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        nodes.withUnsafeBufferPointer { nodes in
            children.withUnsafeBufferPointer { children in
                bytes.withUnsafeBufferPointer { bytes in body(nodes, children, bytes) }
            }
        }
    }

    /// The value of a whole number kept as one (`addScalar(wholeNumber:line:column:)`); nil for other nodes.
    func wholeNumber(_ node: DocumentNode) -> Int? {
        let item = self[node]
        return item.count == Document.wholeNumberCount ? Int(item.start) : nil
    }

    /// Whether a node is a scalar whose text is exactly `utf8`.
    func scalar(_ node: DocumentNode, equals utf8: [UInt8]) -> Bool {
        withScalarBytes(node) { $0.elementsEqual(utf8) } ?? false
    }

    /// A mapping's pairs; empty for other nodes.
    func pairs(of node: DocumentNode) -> [(key: DocumentNode, value: DocumentNode)] {
        let item = self[node]
        guard item.kind == .mapping else { return [] }
        return (0..<Int(item.count)).map { pairIndex in
            let position = Int(item.start) + 2 * pairIndex
            return (DocumentNode(index: children[position]), DocumentNode(index: children[position + 1]))
        }
    }

    /// The key and value of one pair of a mapping.
    func pair(_ pairIndex: Int, of node: DocumentNode) -> (key: DocumentNode, value: DocumentNode) {
        let position = Int(self[node].start) + 2 * pairIndex
        return (DocumentNode(index: children[position]), DocumentNode(index: children[position + 1]))
    }

    /// A sequence's elements; empty for other nodes. A view of the children, not a copy:
    /// the entries of a large log are 100,000 of them, and each creative has its clips.
    func elements(of node: DocumentNode) -> Elements {
        let item = self[node]
        guard item.kind == .sequence else { return Elements(children: children[0..<0]) }
        return Elements(children: children[Int(item.start)..<Int(item.start + item.count)])
    }

    /// The elements of a sequence node, in order.
    struct Elements: RandomAccessCollection {
        fileprivate let children: ArraySlice<Int32>
        var startIndex: Int { 0 }
        var endIndex: Int { children.count }
        subscript(position: Int) -> DocumentNode {
            DocumentNode(index: children[children.startIndex + position])
        }
    }

    /// "a mapping", "a list", "a string", "a value", "null": for wrong-type messages.
    func kindDescription(of node: DocumentNode) -> String {
        switch self[node].kind {
        case .quoted: "a string"
        case .plain: "a value"
        case .null: "null"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

/// A node of a `Document`, by position: four bytes, free to copy.
struct DocumentNode: Hashable, Sendable {
    let index: Int32
}
