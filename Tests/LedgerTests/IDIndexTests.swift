// IDIndex is internal: its lookups are checked directly, against a dictionary.
@testable import Ledger
import Testing

/// A list of ids and the ids to look up in it.
struct IDIndexCase: CustomTestStringConvertible, Sendable {
    let name: String
    let ids: [String]
    let absent: [String]
    var testDescription: String { name }
}

private let idIndexCases: [IDIndexCase] = [
    IDIndexCase(name: "empty", ids: [], absent: ["e-1", ""]),
    IDIndexCase(name: "one", ids: ["e-1"], absent: ["e-2", "e-10", ""]),
    IDIndexCase(name: "repeats: the first wins", ids: ["a", "b", "a", "c", "b", "a"], absent: ["d"]),
    IDIndexCase(name: "long and non-ASCII ids", ids: ["cr-holiday-gift-box-promo-2026", "crème-brûlée", "日本-1", ""],
                absent: ["cr-holiday-gift-box-promo-2025", "creme-brulee"]),
    // More ids than directory slots fill evenly: some slots are empty, some hold several.
    IDIndexCase(name: "a large log", ids: (1...20_000).map { "e-\($0)" }, absent: ["e-0", "e-20001", "e-1 ", "E-1"]),
    IDIndexCase(name: "a power of two", ids: (0..<4_096).map { "cr-\($0)" }, absent: ["cr-4096", "cr--1"]),
]

@Suite struct IDIndexTests {
    @Test(arguments: idIndexCases)
    func findsTheFirstPositionOfEveryID(_ example: IDIndexCase) {
        let index = IDIndex(ids: example.ids)
        var first: [String: Int] = [:]
        for (position, id) in example.ids.enumerated() where first[id] == nil { first[id] = position }
        for id in example.ids {
            #expect(index.position(of: id) { example.ids[$0] } == first[id], "\(id)")
        }
        for id in example.absent {
            #expect(index.position(of: id) { example.ids[$0] } == nil, "\(id)")
        }
    }

    @Test(arguments: idIndexCases)
    func reportsEachRepeatWithItsFirstPosition(_ example: IDIndexCase) {
        let words = example.ids.indices.map { IDIndex.word(example.ids[$0], at: $0) }
        let repeats = IDIndex.build(words) { example.ids[$0] }.repeats
        var first: [String: Int] = [:]
        var expected: [Int: Int] = [:]
        for (position, id) in example.ids.enumerated() {
            if let earlier = first[id] { expected[position] = earlier } else { first[id] = position }
        }
        #expect(Dictionary(uniqueKeysWithValues: repeats.map { ($0.position, $0.first) }) == expected)
    }

    /// Ids whose hashes are equal are told apart by comparing the ids: here the index is
    /// built from words that give every id the same hash (as colliding ids would).
    @Test func equalHashesAreToldApartByTheIDs() {
        let ids = ["x", "y", "x", "z"]
        let words = ids.indices.map { IDIndex.word("same", at: $0) }
        let (index, repeats) = IDIndex.build(words) { ids[$0] }
        #expect(repeats.map(\.position) == [2] && repeats.map(\.first) == [0])
        // Every id is looked up with the shared hash's word, as `position(of:)` would find it.
        let lookups = ids.map { id in index.position(of: "same") { ids[$0] == id ? "same" : "other" } }
        #expect(lookups == [0, 1, 0, 3])
    }
}
