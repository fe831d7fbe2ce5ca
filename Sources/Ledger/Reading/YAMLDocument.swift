import Diagnostics
import Yams

/// Reads YAML text into a `Document`, with Yams's marks as positions.
enum YAMLDocument {
    /// The document, nil for an empty one; a malformed document is one diagnostic
    /// at the parser's position.
    static func parse(_ source: SourceFile) throws(DiagnosticsError) -> Document? {
        let root: Node?
        do {
            // The basic resolver: the readers interpret plain scalars themselves, so
            // Yams's regular expressions for tags would only cost time.
            root = try Yams.compose(yaml: source.text, .basic)
        } catch let error as YamlError {
            throw DiagnosticsError([diagnostic(for: error, in: source)])
        } catch {
            throw DiagnosticsError([Diagnostic(message: "malformed YAML: \(error)", location: SourceLocation(file: source.name, line: 1, column: 1))])
        }
        guard let root else { return nil }
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

    private static func diagnostic(for error: YamlError, in source: SourceFile) -> Diagnostic {
        let start = SourceLocation(file: source.name, line: 1, column: 1)
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's context reads "while parsing a flow sequence" or "expected a single
            // document in the stream"; the problem, "did not find expected ']'" or "but found
            // another document". Put them in the order that reads as a sentence.
            let message: String
            switch context?.text {
            case .none: message = problem
            case .some(let text) where text.hasPrefix("while"): message = "\(problem) \(text)"
            case .some(let text): message = "\(text), \(problem)"
            }
            return source.diagnostic("malformed YAML: \(message)", at: location(mark, in: source))
        case .reader(let problem, let offset, _, _):
            let place = offset.map { source.location(ofUTF8Offset: $0) } ?? start
            return source.diagnostic("malformed YAML: \(problem)", at: place)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return source.diagnostic("duplicate key \(keys) in one mapping (the first is here)", at: location(context.mark, in: source))
        default:
            return Diagnostic(message: "malformed YAML: \(error)", location: start)
        }
    }

    private static func location(_ mark: Mark, in source: SourceFile) -> SourceLocation {
        SourceLocation(file: source.name, line: max(1, mark.line), column: max(1, mark.column))
    }
}
