// Mutated snapshots through the reader: each must read, or be refused with located
// diagnostics; never crash, hang or point outside the file. The JSON seeds are the
// YAML examples written as JSON through the reader's own document tree (internal).
@testable import Ledger
import Diagnostics
import Foundation
import Testing

@Suite struct SnapshotFuzzTests {
    /// The shipped examples (YAML), and each written as JSON.
    static let seeds: [(name: String, text: String)] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../seeds/examples").standardizedFileURL
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return names.flatMap { name -> [(name: String, text: String)] in
            guard let yaml = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8),
                  let document = try? YAMLDocument.parse(SourceFile(name: name, text: yaml))
            else { return [] }
            return [(name, yaml), (name.replacingOccurrences(of: ".yaml", with: ".json"), json(document, document.root))]
        }
    }()

    /// Pieces that break the grammar of one format or the other, or the values a field takes.
    static let fragments = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u12", "\\ud800", "null", "true", "-", "+", "1e99", "0.5", "-0",
        "99999999999999999999", "\n", "  ", "\t", "é", "😀", "#", "- ", ": ", "'", "&a ", "*a", "!!str ", "---\n", "...",
        "id", "amount", "type", "creative", "2026-02-30T00:00:00Z", "2026-11-20T16:14:00", "24:00", "+25:00", "e-1", "cr-1",
    ]

    @Test func seedsReadAsTheyAre() throws {
        for seed in Self.seeds {
            let snapshot = try SnapshotReader.read(text: seed.text, name: seed.name)
            #expect(snapshot.entries.count >= 30, "\(seed.name)")
        }
    }

    @Test func mutatedSnapshotsAreReadOrRefusedWithLocations() throws {
        #expect(Self.seeds.count >= 10, "the examples were not found")
        var state: UInt64 = 20_261_125
        /// SplitMix64, so that every run tries the same inputs.
        func random(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var read = 0, refused = 0
        for round in 0..<1_500 {
            let seed = Self.seeds[round % Self.seeds.count]
            var scalars = Array(seed.text.unicodeScalars)
            for _ in 0..<(1 + random(3)) {
                let position = random(scalars.count)
                switch random(4) {
                case 0: scalars.removeSubrange(position..<min(scalars.count, position + 1 + random(8)))
                case 1: scalars.insert(contentsOf: Self.fragments[random(Self.fragments.count)].unicodeScalars, at: position)
                case 2: scalars.replaceSubrange(position..<position + 1, with: Self.fragments[random(Self.fragments.count)].unicodeScalars)
                default: scalars.removeSubrange(position...)   // a file cut short
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let lineCount = SourceFile(name: seed.name, text: text).lineCount
            do {
                _ = try SnapshotReader.read(text: text, name: seed.name)
                read += 1
            } catch {
                refused += 1
                #expect(!error.diagnostics.isEmpty, "round \(round): refused with no message")
                for diagnostic in error.diagnostics {
                    let location = try #require(diagnostic.location, "round \(round): \(diagnostic.message)")
                    #expect(location.file == seed.name && location.column >= 1 && (1...lineCount + 1).contains(location.line),
                            "round \(round): \(diagnostic)")
                    #expect(!diagnostic.description.isEmpty)
                }
            }
        }
        // Both outcomes are exercised: some mutations keep a valid snapshot, most do not.
        #expect(read > 20 && refused > 700, "read \(read), refused \(refused)")
    }

    /// A node of a document as JSON text: quoted scalars as strings, plain ones as they
    /// are when JSON reads them as a number or a boolean, else as strings.
    static func json(_ document: Document, _ node: DocumentNode) -> String {
        switch document[node].kind {
        case .null:
            return "null"
        case .mapping:
            let pairs = document.pairs(of: node).map { "\(json(document, $0.key)): \(json(document, $0.value))" }
            return "{" + pairs.joined(separator: ", ") + "}"
        case .sequence:
            return "[\n" + document.elements(of: node).map { json(document, $0) }.joined(separator: ",\n") + "\n]"
        case .quoted, .plain:
            let text = document.text(of: node) ?? ""
            if document[node].kind == .plain, text == "true" || text == "false" || Double(text) != nil { return text }
            let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
            return String(decoding: data ?? Data("[\"\"]".utf8), as: UTF8.self).dropFirst().dropLast().description
        }
    }
}
