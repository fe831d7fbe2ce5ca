import Foundation
import Testing

/// Input written by an attacker or a careless script (issue 13): each used to hang,
/// crash, run out of memory or fail silently; each now answers with a located error or
/// a bounded answer. `scripts/hostile` runs the same inputs against a release build
/// and measures time and memory.
struct HostileInputTests {
    static let bluebird = "seeds/examples/bluebird-bakery-in-flight.yaml"

    /// A folder of its own for one test, removed afterwards by the caller.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credits-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Nine levels of nine aliases: 1 KB of YAML standing for 387 million nodes.
    static let aliasBomb: String = {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let aliasMessage = "error: the alias '*a4' makes the document's aliases stand for more than 100000 nodes; "
        + "write the values out instead of repeating anchors inside anchors"

    @Test func anAliasBombIsRefusedAtTheAlias() throws {
        let output = try BinaryRunner.run(["log", "--snapshot", "-"], stdin: Self.aliasBomb)
        #expect(output.status == 2)
        #expect(output.stderr == """
            <stdin>:6:10: \(Self.aliasMessage)
              a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
                       ^

            """)
    }

    /// The same bomb in a rule file: `rules lint` used to hang.
    @Test func anAliasBombInARuleIsRefused() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("causes"), withIntermediateDirectories: true)
        try ("id: bomb\n" + Self.aliasBomb).write(to: folder.appendingPathComponent("causes/bomb.yaml"), atomically: true, encoding: .utf8)
        let output = try BinaryRunner.run(["rules", "lint", folder.path])
        #expect(output.status == 1)
        #expect(output.stdout.hasPrefix("\(folder.path)/causes/bomb.yaml:7:10: \(Self.aliasMessage)\n"))
    }

    /// More than the input limit, from a file or from standard input: refused at the byte
    /// where reading stopped, instead of reading until memory runs out.
    @Test(arguments: [
        (["--max-input-size", "1K"], [:], "error: the snapshot is larger than the input limit of 1 KiB (1024 bytes); raise it with --max-input-size or CREDITS_MAX_INPUT_SIZE"),
        ([], ["CREDITS_MAX_INPUT_SIZE": "1024"], "error: the snapshot is larger than the input limit of 1 KiB (1024 bytes); raise it with --max-input-size or CREDITS_MAX_INPUT_SIZE"),
        (["--max-input-size", "1000"], [:], "error: the snapshot is larger than the input limit of 1000 bytes; raise it with --max-input-size or CREDITS_MAX_INPUT_SIZE"),
    ] as [([String], [String: String], String)])
    func inputPastTheLimitIsRefused(options: [String], environment: [String: String], message: String) throws {
        let zeros = String(repeating: "\0", count: 2048)
        let output = try BinaryRunner.run(["log", "--snapshot", "-"] + options, stdin: zeros, environment: environment)
        #expect(output.status == 2)
        let byte = options.contains("1000") ? 1001 : 1025
        #expect(output.stderr == "<stdin>:1:\(byte): \(message)\n")
    }

    @Test func aLargeFileIsRefusedAtItsLine() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.yaml")
        try String(repeating: "# a comment line\n", count: 200).write(to: file, atomically: true, encoding: .utf8)
        let output = try BinaryRunner.run(["log", "--snapshot", file.path, "--max-input-size", "1K"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("\(file.path):61:5: error: the snapshot is larger than the input limit of 1 KiB"))
    }

    /// A rule file may hold a sixteenth of the input limit: each character of a rule's
    /// scalars keeps its place in the file (about 78 bytes), so an 8 MB scalar took 627 MB.
    @Test func aLargeRuleFileIsRefused() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("causes"), withIntermediateDirectories: true)
        let rule = "id: big\nkind: cause\ntitle: \"" + String(repeating: "x", count: 2_000) + "\"\n"
        try rule.write(to: folder.appendingPathComponent("causes/big.yaml"), atomically: true, encoding: .utf8)
        let output = try BinaryRunner.run(["rules", "lint", folder.path, "--max-input-size", "16K"])
        #expect(output.status == 2)
        #expect(output.stderr == "\(folder.path)/causes/big.yaml:3:1005: error: the rule file is larger than the input limit of "
            + "1 KiB (1024 bytes, a sixteenth of the input limit for a rule file); raise it with --max-input-size or CREDITS_MAX_INPUT_SIZE\n")
    }

    @Test(arguments: [
        (["--max-input-size", "lots"], "error: --max-input-size must be a size such as 64M, 512K or 1000000 (at most 1024G), not 'lots'\n"),
        (["--max-input-size", "0"], "error: --max-input-size must be a size such as 64M, 512K or 1000000 (at most 1024G), not '0'\n"),
    ])
    func aLimitThatDoesNotParseIsAUsageError(options: [String], stderr: String) throws {
        let output = try BinaryRunner.run(["log", "--snapshot", Self.bluebird] + options)
        #expect(output.status == 2)
        #expect(output.stderr == stderr)
    }

    /// Balances from outside used to trap in `ExplainQuery.delta` (explain, ticket, expr).
    @Test(arguments: [
        (["explain", "--expected=-9223372036854775807"],
         "Error: The value '-9223372036854775807' is invalid for '--expected <tokens>': out of range: a balance is at most 1000000000000 tokens either way"),
        (["ticket", "--expected=-1", "--actual", "9223372036854775807"],
         "Error: The value '9223372036854775807' is invalid for '--actual <tokens>': out of range: a balance is at most 1000000000000 tokens either way"),
        (["expr", "query.delta", "--expected", "-9223372036854775808"],
         "Error: The value '-9223372036854775808' is invalid for '--expected <tokens>': out of range: a balance is at most 1000000000000 tokens either way"),
        (["explain", "--expected", "1000000000001"],
         "Error: The value '1000000000001' is invalid for '--expected <tokens>': out of range: a balance is at most 1000000000000 tokens either way"),
        (["explain", "--expected", "1,200"],
         "Error: The value '1,200' is invalid for '--expected <tokens>': write it without separators: 1200"),
        (["explain", "--expected", "200.5"],
         "Error: The value '200.5' is invalid for '--expected <tokens>': tokens are whole numbers, with no fraction"),
    ])
    func balancesFromTheCommandLineAreChecked(arguments: [String], firstLine: String) throws {
        let output = try BinaryRunner.run(arguments + ["--snapshot", Self.bluebird])
        #expect(output.status == 2)
        #expect(output.stdout == "")
        #expect(output.stderr.split(separator: "\n").first.map(String.init) == firstLine)
    }

    /// Output that cannot be written is an error, not a silent exit 0.
    @Test func aFullDiskIsAnError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["explain", "--snapshot", Self.bluebird, "--expected", "200"]
        process.currentDirectoryURL = BinaryRunner.packageRoot
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 2)
        #expect(stderr == "error: cannot write the output: No space left on device\n")
    }

    /// A rules folder: the built-in rules and policy, plus `extra` files by path.
    static func rulesFolder(_ extra: [String: String]) throws -> URL {
        let folder = try scratch()
        let rules = BinaryRunner.packageRoot.appendingPathComponent("Rules")
        for path in try FileManager.default.subpathsOfDirectory(atPath: rules.path) where path.hasSuffix(".yaml") {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: rules.appendingPathComponent(path), to: target)
        }
        for (path, text) in extra {
            try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A condition that spends its whole cost limit on every entry (a string doubled twenty
    /// times): the estimate cannot see it, so `rules lint` accepts it; the question's budget
    /// stops it after a few entries, and the answer says where, with a ticket.
    static let costlyRule = """
        id: costly
        kind: finding
        title: Costly
        severity: info
        when: size(cel.bind(s, entry.id, \(String(repeating: "cel.bind(s, s + s, ", count: 22))s\(String(repeating: ")", count: 22)))) < 0
        message: never
        examples: [unread]

        """

    @Test func aQuestionStopsWhenItsBudgetRunsOutAndSaysWhere() throws {
        let folder = try Self.rulesFolder(["causes/costly.yaml": Self.costlyRule])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try BinaryRunner.run(["explain", "--snapshot", Self.bluebird, "--expected", "200", "--rules", folder.path, "--format", "json"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("\"rules_stopped\": {\n    \"rule\": \"costly\",\n    \"item\": \"e-"))
        #expect(output.stdout.contains("\"ticket\": \"Credit balance question"))
        #expect(output.stdout.contains("Rules stopped early: rule 'costly' used up the question's evaluation budget (100000000 steps) on e-"))
        let text = try BinaryRunner.run(["explain", "--snapshot", Self.bluebird, "--expected", "200", "--rules", folder.path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("The rules stopped early: rule 'costly' used up this question's evaluation budget"))
    }

    /// A message that reads its items once per item: refused by `rules lint` at the
    /// comprehension, with what it may cost.
    @Test func aQuadraticMessageIsRefusedByLint() throws {
        let rule = """
            id: quadratic
            kind: finding
            title: Quadratic
            severity: info
            when: "!entry.known"
            group: all
            message: "{{ items.filter(i, items.exists(j, j.label == i.label)).size() }}"
            examples:
              - name: a referral bonus
                snapshot: |
                  snapshot_version: 1
                  generated_at: 2026-11-24T15:00:00Z
                  client: { id: marigold-tea, name: Marigold Tea House, timezone: Asia/Kathmandu, plan: starter,
                            billing_anchor: 2026-10-08, balance: 175 }
                  opening: { plan_tokens: 0, rollover_tokens: 0 }
                  entries:
                    - { id: e-1301, at: 2026-11-08T06:00:00+05:45, type: plan_allocation, amount: 150 }
                    - { id: e-1303, at: 2026-11-22T10:05:00+05:45, type: referral_bonus, amount: 25 }
                query: { expected: 150 }
                expect: { fires: true }

            """
        let folder = try Self.rulesFolder(["findings/quadratic.yaml": rule])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try BinaryRunner.run(["rules", "lint", folder.path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("\(folder.path)/findings/quadratic.yaml:7:14: error: 'message' may cost about "))
        #expect(output.stdout.contains("evaluation steps over a log of 100000 entries, more than the 100000000 a question may spend on all its rules"))
    }

    /// 3,500 entries of an unknown type used to make the finding's (quadratic) message run
    /// out of its cost limit, and the finding disappeared with a warning on stderr.
    @Test func manyUnknownEntriesKeepTheirFinding() throws {
        var entries = ""
        for index in 0..<3_500 {
            entries += "  - { id: u-\(index), at: 2026-11-20T10:00:00Z, type: storage_fee_\(index % 7), amount: -1 }\n"
        }
        let snapshot = """
            snapshot_version: 1
            generated_at: 2026-11-24T15:00:00Z
            client: { id: acme, name: Acme, timezone: UTC, plan: starter, billing_anchor: 2026-11-11, balance: -3500 }
            opening: { plan_tokens: 0, rollover_tokens: 0 }
            entries:
            \(entries)
            """
        let output = try BinaryRunner.run(["explain", "--snapshot", "-", "--expected", "0", "--format", "json"], stdin: snapshot)
        #expect(output.stderr == "")
        #expect(output.stdout.contains("\"rule\": \"unknown-entry-type\""))
        #expect(output.stdout.contains("The log has 3500 entries of types this tool does not know ('storage_fee_0', 'storage_fee_1'"))
        #expect(output.stdout.contains("\"rules_stopped\": null"))
    }
}
