/// The empty-width assertions RE2 supports.
enum RegexAssertion: Sendable {
    /// `\A`, or `^` without `(?m)`.
    case beginText
    /// `\z`, or `$` without `(?m)` (RE2's `$` does not match before a final newline).
    case endText
    /// `^` under `(?m)`: at the start or just after a `\n`.
    case beginLine
    /// `$` under `(?m)`: at the end or just before a `\n`.
    case endLine
    /// `\b`: between an ASCII word character and a non-word one (or an end).
    case wordBoundary
    /// `\B`.
    case notWordBoundary

    /// Whether the assertion holds between `previous` and `next` (nil at the ends of the text).
    func holds(previous: UInt32?, next: UInt32?) -> Bool {
        switch self {
        case .beginText: previous == nil
        case .endText: next == nil
        case .beginLine: previous == nil || previous == 0x0A
        case .endLine: next == nil || next == 0x0A
        case .wordBoundary: Self.isWord(previous) != Self.isWord(next)
        case .notWordBoundary: Self.isWord(previous) == Self.isWord(next)
        }
    }

    private static func isWord(_ scalar: UInt32?) -> Bool {
        guard let scalar else { return false }
        return (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar)
            || (0x61...0x7A).contains(scalar) || scalar == 0x5F
    }
}
