/// One problem found in an input, worded once, pointing at where it is.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Hashable, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    /// Lower case, naming the thing: `undeclared reference to 'balance'`.
    public var message: String
    /// Where, when the problem has a place.
    public var location: SourceLocation?
    /// The source line at `location`, for the caret; nil when unknown.
    public var sourceLine: String?

    public init(severity: Severity = .error, message: String, location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// The one-line form: `file:line:col: error: message`.
    public var headline: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message)"
    }

    /// The compiler form: headline, then the source line and a caret under the column.
    public var description: String {
        guard let location, let sourceLine else { return headline }
        let shown = sourceLine.replacingTabs()
        let prefix = sourceLine.unicodeScalars.prefix(max(0, location.column - 1))
        let padding = String(String.UnicodeScalarView(prefix)).replacingTabs().unicodeScalars.map { _ in " " }.joined()
        return "\(headline)\n  \(shown)\n  \(padding)^"
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        var result = ""
        for character in self { result.append(character == "\t" ? " " : character) }
        return result
    }
}

/// Every problem found in one input, thrown once at the front door.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// All diagnostics in the compiler form, one after another.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
