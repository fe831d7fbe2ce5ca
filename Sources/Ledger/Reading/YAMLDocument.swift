import Diagnostics
import Yams

/// Reads YAML text into a `Document`, with Yams's marks as positions.
enum YAMLDocument {
    /// The document, nil for an empty one; a malformed document is one diagnostic
    /// at the parser's position.
    static func parse(_ source: SourceFile) throws(DiagnosticsError) -> Document? {
        // The basic resolver: the readers interpret plain scalars themselves, so
        // Yams's regular expressions for tags would only cost time.
        guard let root = try YAMLSyntax.compose(source, resolver: .basic) else { return nil }
        var document = Document()
        document.setRoot(convert(root, into: &document))
        return document
    }

    private static func convert(_ node: Node, into document: inout Document) -> DocumentNode {
        let line = node.mark?.line ?? 1
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return document.addNull(line: line, column: column)
            }
            return document.addScalar(scalar.style == .plain ? .plain : .quoted, text: scalar.string, line: line, column: column)
        case .mapping(let mapping):
            var members: [Int32] = []
            members.reserveCapacity(mapping.count * 2)
            for (key, value) in mapping {
                members.append(convert(key, into: &document).index)
                members.append(convert(value, into: &document).index)
            }
            return document.addContainer(.mapping, members: members[...], line: line, column: column)
        case .sequence(let sequence):
            let members = sequence.map { convert($0, into: &document).index }
            return document.addContainer(.sequence, members: members[...], line: line, column: column)
        case .alias(let alias):
            return document.addScalar(.plain, text: "*\(alias.anchor.rawValue)", line: line, column: column)
        }
    }
}
