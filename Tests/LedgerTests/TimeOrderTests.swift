// TimeOrder is internal: its cases are checked directly, against the stable sort.
@testable import Ledger
import Testing

/// A list of times of a shape logs come in.
struct TimeOrderCase: CustomTestStringConvertible, Sendable {
    let name: String
    let times: [Double]
    var testDescription: String { name }
}

private func ascending(_ range: Range<Int>) -> [Double] {
    range.map { Double($0) }
}

/// 0, 1, 2, ... with the pair at 4 and 5 of every ten swapped.
private func swappedPairs(_ count: Int) -> [Double] {
    (0..<count).map { (index: Int) -> Double in
        switch index % 10 {
        case 4: Double(index + 1)
        case 5: Double(index - 1)
        default: Double(index)
        }
    }
}

private let timeOrderCases: [TimeOrderCase] = [
    TimeOrderCase(name: "empty", times: []),
    TimeOrderCase(name: "one", times: [5]),
    TimeOrderCase(name: "in order, with ties", times: [1, 2, 2, 3, 3, 3, 4]),
    TimeOrderCase(name: "newest first", times: [9, 7, 5, 3, 1]),
    TimeOrderCase(name: "newest first, with ties", times: [9, 7, 7, 5, 5, 1]),
    TimeOrderCase(name: "a late entry a few rows back", times: [1, 2, 3, 4, 5, 2.5, 6, 7]),
    TimeOrderCase(name: "a late entry tied with the one it slides behind", times: [1, 2, 3, 4, 2, 5]),
    TimeOrderCase(name: "a late entry before the whole run", times: [5, 6, 7, 1, 8]),
    TimeOrderCase(name: "a late entry beyond the reach of insertion", times: ascending(0..<40) + [3] + ascending(40..<50)),
    TimeOrderCase(name: "one swapped pair in every ten", times: swappedPairs(100)),
    TimeOrderCase(name: "scrambled, many ties", times: (0..<300).map { (index: Int) -> Double in Double((index * 7919) % 41) }),
    TimeOrderCase(name: "zigzag runs", times: (0..<200).map { (index: Int) -> Double in Double((index % 17) * 3 + index / 17) }),
]

@Test(arguments: timeOrderCases)
func timeOrderIsTheStableSortByTime(_ example: TimeOrderCase) {
    let times = example.times
    let expected = times.indices.sorted { (times[$0], $0) < (times[$1], $1) }
    #expect(TimeOrder.positions(of: times) == expected)
}
