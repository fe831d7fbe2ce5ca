import Foundation

/// Numbers of tokens that come from outside (a command line, a rule example, a
/// request, a stored row): read and range-checked here, so that no sum or difference
/// of them can overflow.
public enum TokenCount {
    /// The most tokens a balance may hold either way: the limit the snapshot reader puts
    /// on every whole number (a trillion), far beyond any real balance, and small enough
    /// that sums of the entries of the largest input read cannot overflow.
    public static let largest = Int(DocumentReader.largestWholeNumber)

    /// Whether `value` is within `largest` either way.
    public static func isInRange(_ value: Int) -> Bool {
        value.magnitude <= largest.magnitude
    }

    /// A whole number of tokens as a person types it: `200`, `-200`, `+5`. Anything else
    /// is an error saying what is wrong with it: `1,200` (a separator), `200.5` (a
    /// fraction), a number out of range.
    public static func parse(_ text: String) throws(TokenCountError) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("-") || trimmed.hasPrefix("+") ? trimmed.dropFirst() : Substring(trimmed)
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let value = Int(trimmed), isInRange(value) else {
                throw TokenCountError(text: text, reason: "out of range: a balance is at most \(largest) tokens either way")
            }
            return value
        }
        let separators: Set<Character> = [",", "_", " ", "'"]
        if digits.contains(where: separators.contains), digits.allSatisfy({ ($0.isASCII && $0.isNumber) || separators.contains($0) }) {
            throw TokenCountError(text: text, reason: "write it without separators: \(trimmed.filter { !separators.contains($0) })")
        }
        if let number = Double(trimmed), number.isFinite {
            throw TokenCountError(text: text, reason: "tokens are whole numbers, with no fraction")
        }
        throw TokenCountError(text: text, reason: "not a whole number of tokens, such as 200 or -200")
    }
}

/// A token count that cannot be read (a usage error).
public struct TokenCountError: Error, Sendable, CustomStringConvertible {
    /// What was written.
    public var text: String
    /// What is wrong with it: `tokens are whole numbers, with no fraction`.
    public var reason: String

    public var description: String { "'\(text)': \(reason)" }
}
