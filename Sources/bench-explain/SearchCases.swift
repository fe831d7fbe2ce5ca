import Explainer
import Foundation

/// Synthetic candidate causes for the search alone: 300 of them, each claiming its own
/// movement, with no exact answer.
enum SearchCases {
    struct Candidates {
        let causes: [Cause]
        let movements: [String: Int]
    }

    static func candidates(_ amounts: [Int]) -> Candidates {
        var movements: [String: Int] = [:]
        let causes = amounts.enumerated().map { index, amount in
            movements["m-\(index)"] = amount
            return Cause(rule: "bench", title: "Bench cause", amount: amount, claims: [Claim(movement: "m-\(index)", amount: amount)],
                         entries: [], text: "", weight: Double(index % 10) / 10,
                         latest: Date(timeIntervalSince1970: Double(index * 10_000)), order: index)
        }
        return Candidates(causes: causes, movements: movements)
    }

    static func all() -> [(String, Candidates, Int)] {
        var random = LargeSnapshot.Random(state: 7)
        // Even amounts and an odd difference: nothing adds up exactly.
        let even = (0..<300).map { _ in (random.next(2) == 0 ? -1 : 1) * 2 * (1 + random.next(100)) }
        // Multiples of 7 far from the difference: the best part needs many causes.
        let sevens = (0..<300).map { _ in -7 * (1 + random.next(30)) }
        return [
            ("300 candidates, even amounts, odd difference (no exact answer)", candidates(even), -1001),
            ("300 candidates, multiples of 7, difference -20000 (no exact answer; needs many causes)", candidates(sevens), -20_000),
        ]
    }
}
