import Diagnostics

extension RuleExpression {
    /// Where a place inside the expression is in the rule file.
    func place(of inner: SourceLocation) -> SourceLocation {
        positions.map { $0.map.location(of: inner, inPieceAt: $0.start, piece: source) } ?? location
    }
}
