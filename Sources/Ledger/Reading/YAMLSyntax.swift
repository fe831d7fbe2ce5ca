import Diagnostics
import Yams

/// The one front door to YAML for every reader (snapshots, policy, rule files):
/// aliases bounded first (`YAMLAliasLimit`), then Yams composes the tree, and its
/// errors are worded here, once.
public enum YAMLSyntax {
    /// The composed tree of `source`, nil for an empty document; a malformed
    /// document (or one whose aliases stand for too much) is one diagnostic at its place.
    public static func compose(_ source: SourceFile, resolver: Resolver = .default) throws(DiagnosticsError) -> Node? {
        try YAMLAliasLimit.check(source)
        do {
            return try Yams.compose(yaml: source.text, resolver)
        } catch let error as YamlError {
            throw DiagnosticsError([diagnostic(for: error, in: source)])
        } catch {
            throw DiagnosticsError([Diagnostic(message: "malformed YAML: \(error)", location: SourceLocation(file: source.name, line: 1, column: 1))])
        }
    }

    /// What a Yams error means, at its place.
    static func diagnostic(for error: YamlError, in source: SourceFile) -> Diagnostic {
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
            let message = KeyProblem.duplicate(duplicates.joined(separator: "', '"), in: "one mapping", firstLine: nil)
            return source.diagnostic(message + " (the first is here)", at: location(context.mark, in: source))
        default:
            return Diagnostic(message: "malformed YAML: \(error)", location: start)
        }
    }

    private static func location(_ mark: Mark, in source: SourceFile) -> SourceLocation {
        SourceLocation(file: source.name, line: max(1, mark.line), column: max(1, mark.column))
    }
}
