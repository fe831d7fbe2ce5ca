import Foundation
import Testing

/// What a new user tries first (issue 13's checklist), each with the exact answer:
/// the exit status and the first line of standard output or standard error.
struct NewcomerCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var environment: [String: String] = [:]
    let status: Int32
    /// The first line of standard output (status 0 or 1) or of standard error (status 2).
    let firstLine: String

    var testDescription: String { name }
}

let bluebird = "seeds/examples/bluebird-bakery-in-flight.yaml"

@Test(arguments: [
    NewcomerCase(name: "--version", arguments: ["--version"], status: 0, firstLine: "0.4.0"),
    NewcomerCase(name: "a negative balance with a space", arguments: ["explain", "--snapshot", bluebird, "--expected", "-200"],
                 status: 1, firstLine: "Your balance is 312 tokens higher than you expected, and the log does not explain it."),
    NewcomerCase(name: "a negative actual with a space", arguments: ["explain", "--snapshot", bluebird, "--expected", "200", "--actual", "-5"],
                 status: 1, firstLine: "Your balance is 205 tokens lower than you expected, and the log does not explain it."),
    NewcomerCase(name: "a thousands separator", arguments: ["explain", "--snapshot", bluebird, "--expected", "1,200"],
                 status: 2, firstLine: "Error: The value '1,200' is invalid for '--expected <tokens>': write it without separators: 1200"),
    NewcomerCase(name: "a fraction", arguments: ["ticket", "--snapshot", bluebird, "--expected", "200.5"],
                 status: 2, firstLine: "Error: The value '200.5' is invalid for '--expected <tokens>': tokens are whole numbers, with no fraction"),
    NewcomerCase(name: "a misspelt subcommand", arguments: ["explian", "--snapshot", bluebird],
                 status: 2, firstLine: "Error: Unexpected argument 'explian' (did you mean 'explain'?)"),
    NewcomerCase(name: "a misspelt rules subcommand", arguments: ["rules", "lnt"],
                 status: 2, firstLine: "Error: Unexpected argument 'lnt' (did you mean 'lint'?)"),
    NewcomerCase(name: "a misspelt option", arguments: ["explain", "--snapshto", bluebird, "--expected", "200"],
                 status: 2, firstLine: "Error: Unknown option '--snapshto' (did you mean '--snapshot'?)"),
    NewcomerCase(name: "a misspelt option with its value", arguments: ["log", "--snapshot", bluebird, "--tz=UTC", "--pgae=2"],
                 status: 2, firstLine: "Error: Unknown option '--pgae' (did you mean '--page'?)"),
    NewcomerCase(name: "an option with nothing near", arguments: ["log", "--snapshot", bluebird, "--colour"],
                 status: 2, firstLine: "Error: Unknown option '--colour'"),
    NewcomerCase(name: "a folder as the snapshot", arguments: ["log", "--snapshot", "seeds"],
                 status: 2, firstLine: "error: cannot read the snapshot 'seeds': it is a folder, not a file"),
    NewcomerCase(name: "a folder with no rules", arguments: ["rules", "lint", "seeds"],
                 status: 1, firstLine: "error: no rules in 'seeds': a rule is a .yaml file in its causes/ or findings/ folder"),
    NewcomerCase(name: "the ticket as JSON", arguments: ["ticket", "--snapshot", bluebird, "--expected", "300", "--format", "json"],
                 status: 0, firstLine: "{"),
])
func aNewcomerGetsAClearAnswer(_ c: NewcomerCase) throws {
    let output = try BinaryRunner.run(c.arguments, environment: c.environment)
    #expect(output.status == c.status)
    let shown = c.status == 2 ? output.stderr : output.stdout
    #expect(shown.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) == c.firstLine)
}

/// Text is wrapped to `COLUMNS` (or the terminal), and at 100 columns when the output is a file.
@Test(arguments: [(nil, 100), ("60", 60), ("200", 200)] as [(String?, Int)])
func textFollowsTheWidth(columns: String?, width: Int) throws {
    let output = try BinaryRunner.run(["explain", "--snapshot", bluebird, "--expected", "200"],
                                      environment: columns.map { ["COLUMNS": $0] } ?? [:])
    let widest = output.stdout.split(separator: "\n").filter { !$0.hasPrefix("      ") }.map(\.count).max() ?? 0
    #expect(widest <= width)
    #expect(widest > width - 20)
}

/// The ticket as JSON holds its parts, not a wrapped text.
@Test func theTicketAsJSONHasItsParts() throws {
    let output = try BinaryRunner.run(["ticket", "--snapshot", bluebird, "--expected", "300", "--format", "json"])
    let value = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    #expect(value?["title"] as? String == "Credit balance question: Bluebird Bakery (bluebird-bakery)")
    let facts = value?["facts"] as? [[String: String]] ?? []
    #expect(facts.first == ["name": "Client", "value": "Bluebird Bakery (bluebird-bakery)"])
    let sections = value?["sections"] as? [[String: Any]] ?? []
    #expect(sections.map { $0["title"] as? String } == ["Entries that look wrong", "What the log already explains",
                                                       "Earlier reports with no correction on the log"])
    #expect((value?["command"] as? String)?.hasPrefix("credits explain --snapshot seeds/examples/bluebird-bakery-in-flight.yaml --expected 300") == true)
}

/// Shell completion offers files for `--snapshot` and folders for `--rules`.
@Test(arguments: [
    ("bash", "'--snapshot')\n        __credits_add_completions -o plusdirs -fX '!*.@(yaml|yml|json)'",
     "'--rules')\n        __credits_add_completions -d"),
    ("zsh", "'--snapshot[The client snapshot, YAML or JSON; - reads standard input.]:file:_files -g ",
     "'--rules[Read policy.yaml and the rules from this folder instead of the built-in ones.]:dir:_files -/'"),
])
func completionOffersFilesAndFolders(shell: String, snapshot: String, rules: String) throws {
    let output = try BinaryRunner.run(["--generate-completion-script", shell])
    #expect(output.status == 0)
    #expect(output.stdout.contains(snapshot))
    #expect(output.stdout.contains(rules))
}
