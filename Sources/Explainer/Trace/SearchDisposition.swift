/// What the search did with each candidate cause, read from the hypotheses it returned: in the
/// first, in another (and why that one ranks lower), left out for a cause of the first that claims
/// the same movement, or left out because no combination with it adds up.
struct SearchDisposition {
    let explanation: Explanation

    init(_ explanation: Explanation) {
        self.explanation = explanation
    }

    func candidates(of rule: String) -> [CandidateDisposition] {
        explanation.candidates.filter { $0.rule == rule }.map { cause in
            CandidateDisposition(amount: cause.amount, claims: cause.claims.map(\.movement), disposition: disposition(cause))
        }
    }

    private func disposition(_ cause: Cause) -> CandidateDisposition.Disposition {
        let hypotheses = explanation.hypotheses
        if let rank = hypotheses.firstIndex(where: { $0.causes.contains { $0.order == cause.order } }) {
            return rank == 0 ? .inFirst : .inOther(rank: rank + 1, reason: Self.lower(hypotheses[rank], than: hypotheses[0]))
        }
        let claimed = Set(cause.claims.map(\.movement))
        for other in hypotheses.first?.causes ?? [] {
            if let shared = other.claims.first(where: { claimed.contains($0.movement) }) {
                return .claimedByOther(rule: other.rule, amount: other.amount, movement: shared.movement)
            }
        }
        return .noCombination
    }

    /// Why one hypothesis ranks below the first, in the order the search ranks them.
    static func lower(_ hypothesis: Hypothesis, than first: Hypothesis) -> String {
        if first.isExact && !hypothesis.isExact {
            return "it leaves \(hypothesis.unexplained > 0 ? "+" : "")\(hypothesis.unexplained) unexplained; the first accounts for all of it"
        }
        if hypothesis.causes.count > first.causes.count {
            return "it needs \(hypothesis.causes.count) causes, the first \(first.causes.count)"
        }
        if hypothesis.links < first.links {
            return "its causes rest on fewer common entries than the first's"
        }
        return "its causes are less common kinds or older than the first's"
    }
}
