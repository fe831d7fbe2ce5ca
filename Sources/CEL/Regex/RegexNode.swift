/// A parsed RE2 pattern. Captures are kept as plain groups: `matches` only asks whether
/// some substring matches, so neither capture positions nor greediness change the answer.
indirect enum RegexNode: Sendable {
    case empty
    case scalar(UInt32)
    case charClass(RegexCharClass)
    case assertion(RegexAssertion)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    /// `max` nil: unbounded. `*` is (0, nil), `+` (1, nil), `?` (0, 1).
    case repetition(RegexNode, min: Int, max: Int?)

    /// Whether every match must start at the beginning of the text (`^` without `(?m)`, `\A`),
    /// which lets the matcher stop trying once the first position has failed.
    var isAnchoredAtStart: Bool {
        switch self {
        case .assertion(.beginText): true
        case .concatenation(let items): items.first?.isAnchoredAtStart ?? false
        case .alternation(let branches): !branches.isEmpty && branches.allSatisfy(\.isAnchoredAtStart)
        default: false
        }
    }
}
