import Foundation

/// A stand-in for the RE2-syntax regex of the time-and-regex library until it is merged:
/// Foundation's ICU regex, which agrees with RE2 on the common syntax.
struct CELRegex: Sendable {
    private let expression: NSRegularExpression

    init(pattern: String) throws(CELError) {
        do {
            expression = try NSRegularExpression(pattern: pattern.isEmpty ? "(?:)" : pattern)
        } catch {
            throw CELError("invalid regular expression '\(pattern)'")
        }
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
