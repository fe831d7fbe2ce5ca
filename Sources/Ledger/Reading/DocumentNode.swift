/// A YAML or JSON value with the place it was written: the one tree that the
/// snapshot and policy readers walk, whichever parser produced it.
struct DocumentNode: Sendable {
    /// How a scalar was written: the readers decide what it means.
    enum ScalarStyle: Sendable {
        /// Quoted (a JSON string, a quoted YAML scalar): always text.
        case quoted
        /// Unquoted (a JSON number or boolean, a plain YAML scalar).
        case plain
    }

    enum Content: Sendable {
        case scalar(String, ScalarStyle)
        /// JSON `null`; YAML `null`, `~` or nothing.
        case null
        case mapping([(key: DocumentNode, value: DocumentNode)])
        case sequence([DocumentNode])
    }

    let content: Content
    /// 1-based line and column (in Unicode scalars) where the node starts.
    let line: Int32
    let column: Int32

    init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
    }

    /// The scalar text, when the node is a scalar.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// "a mapping", "a list", "a string", "a number", "null": for wrong-type messages.
    var kindDescription: String {
        switch content {
        case .scalar(_, .quoted): "a string"
        case .scalar: "a value"
        case .null: "null"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}
