import Foundation
import Testing

/// `credits rules lint`, `credits rules test` and `credits expr`, run as a rule author would.
struct ExplainRulesTests {
    /// A rules folder in a fresh temporary directory, from files by path, with the bakery
    /// example snapshot at `examples/bakery.yaml`.
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("credits-rules-\(UUID().uuidString)")
        let bakery = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent(ExplainTests.bluebird), encoding: .utf8)
        for (path, text) in files.merging(["examples/bakery.yaml": bakery], uniquingKeysWith: { a, _ in a }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    static let example = """
        examples:
          - name: the bakery
            snapshot: ../examples/bakery.yaml
            query: { expected: 200 }
            expect: { fires: true, amount: -88 }
        """

    @Test func theBuiltInPackIsClean() throws {
        let output = try BinaryRunner.run(["rules", "lint"])
        #expect(output.status == 0)
        #expect(output.stdout.hasSuffix("examples: no problems found\n"))
    }

    @Test func lintPointsIntoTheRuleFileForEveryScalarStyle() throws {
        let root = try Self.folder(["causes/typos.yaml": """
            id: typos
            kind: cause
            title: Typos
            when: entry.type == "submission" && creative.in_flite
            amount: 'entry.amout'
            claims: "[entry.idd]"
            message: |
              Paid {{ -entry.amount }}
              on {{ entry.dya }}
            """ + "\n" + Self.example])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try BinaryRunner.run(["rules", "lint", root.path])
        let file = root.appendingPathComponent("causes/typos.yaml").path
        #expect(output.status == 1)
        let headlines = output.stdout.split(separator: "\n").filter { $0.hasPrefix(file) }
        #expect(headlines == [
            "\(file):4:45: error: no such field 'in_flite' on type 'Creative'",
            "\(file):5:15: error: no such field 'amout' on type 'Entry' (did you mean 'amount'?)",
            "\(file):6:16: error: no such field 'idd' on type 'Entry' (did you mean 'id'?)",
            "\(file):9:14: error: no such field 'dya' on type 'Entry'",
        ])
        #expect(output.stdout.hasSuffix("4 problems\n"))
    }

    @Test func theBuiltInExamplesPass() throws {
        let output = try BinaryRunner.run(["rules", "test"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.last?.hasSuffix(" passed, 0 failed") == true)
        #expect(lines.contains("PASS showcase-deposit: six clips of eight seconds"))
    }

    @Test func aFailingExampleIsNamedAndExitsOne() throws {
        let root = try Self.folder(["causes/in-flight.yaml": """
            id: in-flight
            kind: cause
            title: In flight
            when: entry.type == "submission" && creative.in_flight
            message: "{{ creative.title }}"
            examples:
              - name: the bakery
                snapshot: ../examples/bakery.yaml
                query: { expected: 200 }
                expect: { fires: true, amount: -40, count: 1 }
            """])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try BinaryRunner.run(["rules", "test", root.path])
        #expect(output.status == 1)
        #expect(output.stdout == "FAIL in-flight: the bakery: expected amount -40, got -88\n0 passed, 1 failed\n")
    }

    @Test func exprPrintsAValue() throws {
        let output = try BinaryRunner.run(["expr", "creatives.filter(c, c.in_flight).map(c, [c.title, c.clips_text])",
                                           "--snapshot", ExplainTests.bluebird])
        #expect(output.status == 0)
        #expect(output.stdout == "[[\"Holiday Gift Box Promo\", \"6 clips x 8 s\"]]\n")
    }

    @Test func exprShowsTimesInTheDisplayZone() throws {
        let output = try BinaryRunner.run(["expr", "query.now", "--snapshot", ExplainTests.bluebird, "--tz", "UTC"])
        #expect(output.stdout == "timestamp(\"2026-11-24T18:30:00Z\")\n")
    }

    @Test func exprReportsAMisspeltField() throws {
        let output = try BinaryRunner.run(["expr", "client.nmae", "--snapshot", ExplainTests.bluebird])
        #expect(output.status == 2)
        #expect(output.stderr == "<expression>:1:7: error: no such field 'nmae' on type 'Client'\n  client.nmae\n        ^\n")
    }
}
