import Foundation
import Ledger
import Testing

/// A snapshot as store rows and back, without a database: the rows read back to the
/// same snapshot (as `SnapshotWriter` writes it), and so does the export, as JSON and
/// as YAML. The store tests do the same through SQLite and PostgreSQL.
@Suite struct SnapshotRowsTests {
    static let examples: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds/examples").standardizedFileURL
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }()

    /// Through rows once, a snapshot keeps every entry as written (offsets included);
    /// what the rows do not keep (an auto reload amount left to the policy, the offsets of
    /// other times) comes back as the policy's amount and in UTC, and from there on the
    /// rows, the JSON and the YAML all read back to the same snapshot.
    @Test(arguments: examples)
    func rowsReadBackToTheSameSnapshot(path: String) throws {
        func throughRows(_ snapshot: Snapshot) throws -> Snapshot {
            try SnapshotReader.read(rows: ClientRows(snapshot: snapshot, reloadDefault: builtinPolicy.reloadDefault),
                                    policy: builtinPolicy, now: Date())
        }
        func entries(_ snapshot: Snapshot) -> [String] {
            snapshot.entries.map { "\($0.id) \($0.at) \($0.offsetSeconds) \($0.type) \($0.amount) \($0.creative ?? "-") \($0.note ?? "-") \($0.logIndex)" }
        }
        let snapshot = try SnapshotReader.read(path: path, policy: builtinPolicy)
        let again = try throughRows(snapshot)
        #expect(entries(again) == entries(snapshot))
        #expect(again.client.autoReload.amount == snapshot.client.autoReload.amount ?? builtinPolicy.reloadDefault)
        let written = SnapshotWriter.json(again)
        #expect(SnapshotWriter.json(try throughRows(again)).rendered() == written.rendered())
        for (text, name) in [(written.rendered(), "export.json"), (written.yaml(), "export.yaml")] {
            #expect(SnapshotWriter.json(try SnapshotReader.read(text: text, name: name, policy: builtinPolicy)).rendered() == written.rendered(), "\(name)")
        }
    }

    /// Row problems are named by place, in the order of the tables, and all of them at once.
    @Test func everyBadRowIsNamed() throws {
        var rows = ClientRows(client: [.text("acme"), .null, .text("Acme"), .text("UTC"), .text("gold"), .text("2026-11-15"),
                                       .integer(0), .integer(50), .real(10.5), .integer(0), .integer(5), .null, .null])
        rows.entries.append([.text("e-1"), .integer(1), .text("2026-11-20T16:14:00"), .text("submission"), .integer(-88), .text("cr-1"), .null])
        rows.clips.append([.text("cr-1"), .integer(1), .integer(8)])
        let problems: [String]
        do {
            _ = try SnapshotReader.read(rows: rows, policy: builtinPolicy, now: Date())
            problems = []
        } catch {
            problems = error.diagnostics.map(\.description)
        }
        // The checker's problems, then those only rows can have.
        #expect(problems == [
            "clients/acme plan: error: unknown plan 'gold' (plans in the policy: growth, scale, starter)",
            "clients/acme balance: error: balance must be a whole number of tokens, got '10.5'",
            "clients/acme opening_rollover_tokens: error: rollover_tokens in opening must have a value, got null",
            "clients/acme entries/e-1 at: error: timestamp '2026-11-20T16:14:00' has no offset: add Z for UTC or an offset such as -06:00",
            "clients/acme entries/e-1 creative_id: error: creative 'cr-1' is not declared in creatives",
            "clients/acme clips/cr-1/1 creative_id: error: clip of creative 'cr-1', which is not in creatives",
        ])
    }
}

/// Clips reach their creative whatever order the store gives them in: runs in byte
/// order (the store's), out of order, split, or with ids kept as numbers.
@Suite struct ClipGroupingTests {
    static let cases: [(name: String, creatives: [RowValue], clips: [(RowValue, Int, Int)], expected: [[Int]])] = [
        ("in the store's order", [.text("cr-1"), .text("cr-2")],
         [(.text("cr-1"), 1, 8), (.text("cr-1"), 2, 9), (.text("cr-2"), 1, 4)], [[8, 9], [4]]),
        ("creatives out of order", [.text("cr-2"), .text("cr-1")],
         [(.text("cr-1"), 1, 8), (.text("cr-2"), 1, 4)], [[4], [8]]),
        ("clips out of order", [.text("cr-1"), .text("cr-2")],
         [(.text("cr-2"), 1, 4), (.text("cr-1"), 1, 8)], [[8], [4]]),
        ("a creative's clips split", [.text("cr-1"), .text("cr-2")],
         [(.text("cr-1"), 1, 8), (.text("cr-2"), 1, 4), (.text("cr-1"), 2, 9)], [[8, 9], [4]]),
        ("a creative without clips", [.text("cr-1"), .text("cr-15"), .text("cr-2")],
         [(.text("cr-1"), 1, 8), (.text("cr-2"), 1, 4)], [[8], [], [4]]),
        ("ids kept as numbers", [.integer(7), .text("9")],
         [(.text("7"), 1, 8), (.integer(9), 1, 4)], [[8], [4]]),
    ]

    @Test(arguments: cases.indices)
    func clipsReachTheirCreative(index: Int) throws {
        let (_, creatives, clips, expected) = Self.cases[index]
        var rows = ClientRows(client: [.text("acme"), .null, .text("Acme"), .text("UTC"), .text("growth"), .text("2026-11-15"),
                                       .integer(0), .integer(50), .integer(10), .integer(0), .null, .null, .text("2026-11-24T15:00:00Z")])
        for id in creatives { rows.creatives.append([id, .null, .null, .null, .null, .null]) }
        for (creative, position, seconds) in clips { rows.clips.append([creative, .integer(position), .integer(seconds)]) }
        let snapshot = try SnapshotReader.read(rows: rows, policy: builtinPolicy, now: Date())
        #expect(snapshot.creatives.map(\.clips) == expected, "\(Self.cases[index].name)")
    }
}
