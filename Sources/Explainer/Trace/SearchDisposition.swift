import Ledger

/// What the search did with each candidate cause, as the search placed it (`Explanation.placements`):
/// in the first hypothesis, in another (and why the one above ranks higher, as the search decided),
/// only in a coincidence; or, left out, whether a cause of the first hypothesis claims the same
/// movement, and whether any combination with it adds up at all.
struct SearchDisposition {
    let explanation: Explanation
    /// Every entry by id, for the order of movements against a moment of the balance.
    private let entries: [String: LedgerEntry]

    init(_ explanation: Explanation) {
        self.explanation = explanation
        entries = Dictionary(explanation.snapshot.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func candidates(of rule: String) -> [CandidateDisposition] {
        explanation.candidates.indices.filter { explanation.candidates[$0].rule == rule }.map { index in
            let cause = explanation.candidates[index]
            return CandidateDisposition(amount: cause.amount, claims: cause.claims.map(\.movement), disposition: disposition(index))
        }
    }

    private func disposition(_ index: Int) -> CandidateDisposition.Disposition {
        guard explanation.delta != 0 else { return .noDifference }
        let cause = explanation.candidates[index]
        switch explanation.placements.indices.contains(index) ? explanation.placements[index] : .unused {
        case .hypothesis(1): return .inFirst
        case .hypothesis(let rank):
            let reason = explanation.hypotheses[rank - 2].reason.map { ReportContent.words($0, explanation) }
            return .inOther(rank: rank, reason: reason.map { "hypothesis \(rank - 1) ranks above it because \($0)" }
                ?? "nothing in the log tells it apart from hypothesis \(rank - 1)")
        case .coincidence(let rank): return .inCoincidence(rank: rank)
        case .unused: break
        }
        let claimed = Set(cause.claims.map(\.movement))
        for other in explanation.hypotheses.first?.causes ?? [] {
            if let shared = other.claims.first(where: { claimed.contains($0.movement) }) {
                return .claimedByOther(rule: other.rule, amount: other.amount, movement: shared.movement)
            }
        }
        if let moment = explanation.balanceWas, explanation.hypotheses.first?.startsAtBalance == true,
           !cause.claims.isEmpty, cause.claims.allSatisfy({ isBefore($0.movement, moment) }) {
            return .beforeBalance(balance: moment.balance, at: moment.at, local: explanation.query.time.dateTime(moment.at), afterEntry: moment.afterEntry)
        }
        return Self.reaches(explanation.delta - cause.amount, with: explanation.candidates, besides: index) ? .belowShown : .noCombination
    }

    /// Whether a movement came at or before a moment of the balance (after its entry, in log order).
    private func isBefore(_ movement: String, _ moment: BalanceHistory.Moment) -> Bool {
        let at = entries[movement]?.at ?? explanation.replay.movements.first { $0.id == movement }?.at
        guard let at, let after = moment.afterEntry.flatMap({ entries[$0] }) else { return false }
        if at != after.at { return at < after.at }
        return (entries[movement]?.logIndex ?? Int.max) <= after.logIndex
    }

    /// Whether some of the other candidates (none claiming a movement the left-out one claims) add up
    /// to `target`. Conflicts among the others are not checked, so "no" is certain and "yes" means
    /// "maybe"; the sums kept are bounded, and past the bound the answer is "maybe".
    static func reaches(_ target: Int, with causes: [Cause], besides index: Int, bound: Int = 200_000) -> Bool {
        if target == 0 { return true }
        let claimed = Set(causes[index].claims.map(\.movement))
        var sums: Set<Int> = [0]
        for (other, cause) in causes.enumerated() where other != index && cause.claims.allSatisfy({ !claimed.contains($0.movement) }) {
            sums.formUnion(sums.map { $0 + cause.amount })
            if sums.contains(target) || sums.count > bound { return true }
        }
        return false
    }
}
