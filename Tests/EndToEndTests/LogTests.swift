import Foundation
import Testing

/// The shipped examples, by file name without extension.
let examples = ["bluebird-bakery-in-flight", "copper-kettle-auto-reload", "fernweh-travel-rerolls",
                "lumen-dental-renewal", "saltbush-wines-upgrade"]

@Test(arguments: examples)
func logOfEachExampleAsText(example: String) throws {
    let output = try BinaryRunner.run(["log", "--snapshot", "seeds/examples/\(example).yaml"])
    #expect(output.status == 0)
    #expect(output.stderr == "")
    BinaryRunner.expectMatches(output.stdout, expected: "log-\(example).txt")
}

@Test(arguments: examples)
func logOfEachExampleAsJSON(example: String) throws {
    let output = try BinaryRunner.run(["log", "--snapshot", "seeds/examples/\(example).yaml", "--format", "json"])
    #expect(output.status == 0)
    #expect(output.stderr == "")
    BinaryRunner.expectMatches(output.stdout, expected: "log-\(example).json")
    // Every example's shown balance replays exactly.
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    #expect(object?["replayed_balance"] as? Int == object?["shown_balance"] as? Int)
}

/// Other options and inputs: arguments, expected file.
struct LogCase: CustomTestStringConvertible, Sendable {
    let arguments: [String]
    let expected: String
    var testDescription: String { arguments.joined(separator: " ") }
}

@Test(arguments: [
    LogCase(arguments: ["log", "--snapshot", "seeds/examples/lumen-dental-renewal.yaml", "--page", "2"], expected: "log-lumen-page-2.txt"),
    LogCase(arguments: ["log", "--snapshot", "seeds/examples/lumen-dental-renewal.yaml", "--page", "2", "--format", "json"],
            expected: "log-lumen-page-2.json"),
    LogCase(arguments: ["log", "--snapshot", "seeds/examples/copper-kettle-auto-reload.yaml", "--page", "3"],
            expected: "log-copper-kettle-page-3.txt"),
    LogCase(arguments: ["log", "--snapshot", "seeds/examples/bluebird-bakery-in-flight.yaml", "--tz", "UTC"], expected: "log-bluebird-utc.txt"),
    LogCase(arguments: ["log", "--snapshot", "seeds/examples/bluebird-bakery-in-flight.json", "--tz", "Europe/Berlin", "--format", "json"],
            expected: "log-bluebird-berlin.json"),
])
func logWithOptions(_ c: LogCase) throws {
    let output = try BinaryRunner.run(c.arguments)
    #expect(output.status == 0)
    #expect(output.stderr == "")
    BinaryRunner.expectMatches(output.stdout, expected: c.expected)
}

@Test func jsonAndYAMLExamplesPrintTheSameLog() throws {
    let yaml = try BinaryRunner.run(["log", "--snapshot", "seeds/examples/bluebird-bakery-in-flight.yaml"])
    let json = try BinaryRunner.run(["log", "--snapshot", "seeds/examples/bluebird-bakery-in-flight.json"])
    #expect(yaml.stdout == json.stdout)
}

@Test func snapshotFromStandardInput() throws {
    let text = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("seeds/examples/copper-kettle-auto-reload.yaml"),
                          encoding: .utf8)
    let output = try BinaryRunner.run(["log", "--snapshot", "-"], stdin: text)
    #expect(output.status == 0)
    BinaryRunner.expectMatches(output.stdout, expected: "log-copper-kettle-auto-reload.txt")
}

@Test func aMismatchStillPrintsTheLogAndExitsZero() throws {
    let text = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("seeds/examples/copper-kettle-auto-reload.yaml"),
                          encoding: .utf8)
        .replacingOccurrences(of: "  balance: 35\n", with: "  balance: 50\n")
    #expect(text.contains("balance: 50"))
    let output = try BinaryRunner.run(["log", "--snapshot", "-"], stdin: text)
    #expect(output.status == 0)
    #expect(output.stdout.contains("MISMATCH: replaying the log gives 35 (plan 0, rolled over 35), but the balance shown is 50, 15 more"))
}

/// A temporary rules folder whose policy.yaml is the built-in one with one edit;
/// the caller removes it. Returns the folder and the original policy text.
func rulesFolder(replacing old: String, with new: String) throws -> (URL, String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credits-rules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let policy = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Rules/policy.yaml"), encoding: .utf8)
    #expect(policy.contains(old))
    try policy.replacingOccurrences(of: old, with: new)
        .write(to: folder.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
    return (folder, policy)
}

@Test func rulesFolderChangesThePolicy() throws {
    let (folder, _) = try rulesFolder(replacing: "page_size: 25", with: "page_size: 10")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try BinaryRunner.run(["log", "--snapshot", "seeds/examples/lumen-dental-renewal.yaml", "--rules", folder.path])
    #expect(output.status == 0)
    #expect(output.stdout.hasPrefix("Credits log of Lumen Dental Studio (lumen-dental), page 1 of 5\n"))
}

/// A bad invocation or input: arguments, standard input, the exact standard error.
struct LogErrorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let stdin: String?
    let stderr: String
    var testDescription: String { name }
}

/// A valid snapshot to break for the error cases, read from standard input.
let stdinSnapshot = """
    generated_at: 2026-11-24T15:00:00Z
    client: { id: acme, name: Acme Coffee, plan: growth, billing_anchor: 2026-11-15, balance: 0 }
    entries:
      - { id: e-1, at: 2026-11-20T16:14:00-06:00, type: submission, amount: -88, creative: cr-77 }
      - { id: e-1, at: 2026-11-20T16:15:00, type: submission, amount: 12.5 }
    creatives: []

    """

@Test(arguments: [
    LogErrorCase(name: "every problem of a bad snapshot", arguments: ["log", "--snapshot", "-"], stdin: stdinSnapshot, stderr: """
        <stdin>:4:88: error: creative 'cr-77' is not declared in creatives
            - { id: e-1, at: 2026-11-20T16:14:00-06:00, type: submission, amount: -88, creative: cr-77 }
                                                                                                 ^
        <stdin>:5:11: error: duplicate entry id 'e-1' (first at line 4)
            - { id: e-1, at: 2026-11-20T16:15:00, type: submission, amount: 12.5 }
                    ^
        <stdin>:5:20: error: timestamp '2026-11-20T16:15:00' has no offset: add Z for UTC or an offset such as -06:00
            - { id: e-1, at: 2026-11-20T16:15:00, type: submission, amount: 12.5 }
                             ^
        <stdin>:5:67: error: amount must be a whole number of tokens, got '12.5'
            - { id: e-1, at: 2026-11-20T16:15:00, type: submission, amount: 12.5 }
                                                                            ^

        """),
    LogErrorCase(name: "malformed JSON", arguments: ["log", "--snapshot", "-"], stdin: "{\"client\": {\"id\": \"acme\",}}\n", stderr: """
        <stdin>:1:26: error: malformed JSON: unexpected '}', expected a key in double quotes
          {"client": {"id": "acme",}}
                                   ^

        """),
    LogErrorCase(name: "missing file", arguments: ["log", "--snapshot", "seeds/examples/nope.yaml"], stdin: nil, stderr: """
        error: cannot read the snapshot 'seeds/examples/nope.yaml': no such file

        """),
    LogErrorCase(name: "page out of range", arguments: ["log", "--snapshot", "seeds/examples/copper-kettle-auto-reload.yaml", "--page", "4"],
                 stdin: nil, stderr: "error: page 4 is out of range: the log has 3 pages\n"),
    LogErrorCase(name: "page zero", arguments: ["log", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml", "--page", "0"],
                 stdin: nil, stderr: "error: page 0 is out of range: the log has 2 pages\n"),
    LogErrorCase(name: "bad --tz", arguments: ["log", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml", "--tz", "Mars/Olympus"],
                 stdin: nil, stderr: "error: unknown time zone 'Mars/Olympus' for --tz: use an IANA name such as America/Chicago or UTC\n"),
    LogErrorCase(name: "missing rules folder", arguments: ["log", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml", "--rules", "no/such/dir"],
                 stdin: nil, stderr: "error: no rules folder at 'no/such/dir'\n"),
])
func badInvocationsExitTwo(_ c: LogErrorCase) throws {
    let output = try BinaryRunner.run(c.arguments, stdin: c.stdin)
    #expect(output.status == 2)
    #expect(output.stdout == "")
    #expect(output.stderr == c.stderr)
}

@Test func aBadPolicyInTheRulesFolderIsReportedWhereItIs() throws {
    let (folder, policy) = try rulesFolder(replacing: "  growth: 325", with: "  growth: 325.5")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try BinaryRunner.run(["log", "--snapshot", "seeds/examples/lumen-dental-renewal.yaml", "--rules", folder.path])
    #expect(output.status == 2)
    let line = policy.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  growth:") }! + 1
    #expect(output.stderr == """
        \(folder.path)/policy.yaml:\(line):11: error: the allocation of plan 'growth' must be a whole number of tokens, got '325.5'
            growth: 325.5
                    ^

        """)
}
