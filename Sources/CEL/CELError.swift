import Diagnostics

/// An evaluation error: a message in CEL's words and, when known, where in the
/// expression text the failing sub-expression stands.
public struct CELError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Lower case, naming the value: `division by zero`, `no such key: 'plan'`.
    public var message: String
    /// The failing sub-expression's place in the expression text.
    public var location: SourceLocation?

    public init(_ message: String, location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        location.map { "\($0): \(message)" } ?? message
    }
}
