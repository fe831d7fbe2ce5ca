/// A place in a named source: 1-based line and column (column in Unicode scalars).
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A place in a source without lines, such as a store row and column
    /// (`clients/acme entries/e-9 creative_id`): line and column 0.
    public init(place: String) {
        self.init(file: place, line: 0, column: 0)
    }

    /// `file:line:column`, the form editors and terminals link; a place without lines alone.
    public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }

    /// The location `other` (1-based, relative to a text that starts here) has in this file:
    /// for text embedded in another file, such as an expression inside a YAML string.
    public func advanced(by other: SourceLocation) -> SourceLocation {
        other.line == 1
            ? SourceLocation(file: file, line: line, column: column + other.column - 1)
            : SourceLocation(file: file, line: line + other.line - 1, column: other.column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
