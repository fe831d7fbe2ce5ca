import Explainer
import Foundation

/// Synthetic candidate causes for the search alone, each claiming its own movement: many
/// equal amounts, a difference far beyond any sum, no exact answer.
enum SearchCases {
    struct Candidates {
        let causes: [Cause]
        let movements: [String: Int]
    }

    static func candidates(_ amounts: [Int], rule: String = "bench", story: StoryRole = .alone) -> Candidates {
        var movements: [String: Int] = [:]
        let causes = amounts.enumerated().map { index, amount in
            movements["m-\(index)"] = amount
            return Cause(rule: rule, title: "Bench cause", amount: amount, claims: [Claim(movement: "m-\(index)", amount: amount)],
                         entries: [], text: "", weight: story == .alone ? Double(index % 10) / 10 : 0.7,
                         latest: Date(timeIntervalSince1970: Double(index * 6_000)), order: index, story: story)
        }
        return Candidates(causes: causes, movements: movements)
    }

    static func all() -> [(String, Candidates, Int)] {
        var random = LargeSnapshot.Random(state: 7)
        // Even amounts and an odd difference: nothing adds up exactly.
        let even = (0..<300).map { _ in (random.next(2) == 0 ? -1 : 1) * 2 * (1 + random.next(100)) }
        // Multiples of 7 far from the difference: the best part needs many causes.
        let sevens = (0..<300).map { _ in -7 * (1 + random.next(30)) }
        // Every plain submission costs the same: 500 charges of -88, three of them forgotten.
        let equal = [Int](repeating: -88, count: 500)
        return [
            ("500 equal amounts (-88, creatives in production), difference 3 of them", candidates(equal, rule: "in-flight-submissions", story: .together), -264),
            ("500 equal amounts (-88, unrelated), difference 3 of them", candidates(equal), -264),
            ("300 candidates, difference of 10^12", candidates(even), -1_000_000_000_000),
            ("300 candidates, even amounts, odd difference (no exact answer)", candidates(even), -1001),
            ("300 candidates, multiples of 7, difference -20000 (no exact answer; needs many causes)", candidates(sevens), -20_000),
        ]
    }
}
