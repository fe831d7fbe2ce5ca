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

    static let twoCreatives = """
        snapshot_version: 1
        generated_at: 2026-11-24T15:00:00Z
        client: { id: acme, name: Acme Coffee, timezone: America/Chicago, plan: growth,
                  billing_anchor: 2026-10-15, balance: 24 }
        opening: { plan_tokens: 200, rollover_tokens: 0 }
        entries:
          - { id: e-1, at: 2026-11-19T10:00:00-06:00, type: submission, amount: -88, creative: cr-1 }
          - { id: e-2, at: 2026-11-20T10:00:00-06:00, type: submission, amount: -88, creative: cr-2 }
        creatives:
          - { id: cr-1, title: Delivered Promo, status: delivered, delivered_at: 2026-11-20T09:00:00-06:00,
              clips: [8, 8, 8, 8, 8, 8], delivered_seconds: 48 }
          - { id: cr-2, title: Summer Promo, status: in_flight, clips: [8, 8, 8, 8, 8, 8] }
        """

    /// A failing example shows what it expected, what it got, and the rule's trace on it: the false
    /// part and its values, without running anything else.
    @Test func aFailingExampleShowsTheTraceAndExitsOne() throws {
        let root = try Self.folder(["causes/in-flight.yaml": """
            id: in-flight
            kind: cause
            title: In flight
            when: entry.type == "submission" && creative.in_flight
            message: "{{ creative.title }}"
            examples:
              - name: two creatives
                snapshot: |
            \(Self.twoCreatives.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))
                query: { expected: 200 }
                expect: { fires: true, amount: -176, count: 1 }
            """])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try BinaryRunner.run(["rules", "test", root.path])
        let file = root.appendingPathComponent("causes/in-flight.yaml").path
        #expect(output.status == 1)
        #expect(output.stdout == """
            FAIL in-flight: two creatives: expected amount -176, got -88
                Why: rule in-flight (In flight): fired on 1 entry; 1 cause, 1 in the first hypothesis
                  - It looked at 2 entries: `when` held for 1, was false for 1.
                    - entry e-1 (Submission -88, Nov 19, 10:00 AM CST): creative cr-1 'Delivered Promo' is not in production (it was delivered): `creative.in_flight` is false
                    - entry e-2 (Submission -88, Nov 20, 10:00 AM CST): held: -88, claiming e-2
                  - False parts, most common first:
                    - `creative.in_flight` (\(file):4:37): false for 1 entry
                  - What the search did with its 1 cause:
                    - -88 (claiming e-2): in the first hypothesis
            0 passed, 1 failed

            """)
    }

    /// `--coverage` names, per rule file, the parts the examples never make both true and false,
    /// and exits 1 when one is left.
    @Test func coverageNamesWhatTheExamplesMiss() throws {
        let root = try Self.folder(["causes/in-flight.yaml": """
            id: in-flight
            kind: cause
            title: In flight
            when: entry.type == "submission" && creative.in_flight
            message: "{{ creative.deposit == 0 ? 'plain' : creative.title }}"
            """ + "\n" + Self.example])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try BinaryRunner.run(["rules", "test", "--coverage", root.path])
        let file = root.appendingPathComponent("causes/in-flight.yaml").path
        #expect(output.status == 1)
        #expect(output.stdout.hasSuffix("""
            Coverage: the parts of `when` and of the messages' conditions that the examples make both true and false
            \(file): 3 of 4 parts covered
              \(file):5:14: `creative.deposit == 0` (message): never true
            3 of 4 parts covered in 1 rules

            """))
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
