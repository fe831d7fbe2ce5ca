import Foundation
import Testing

/// `credits explain` and `credits ticket`, run as a person would: exit codes, the JSON
/// contract, usage errors, and the ticket's command reproducing the analysis.
struct ExplainTests {
    static let bluebird = "seeds/examples/bluebird-bakery-in-flight.yaml"

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func anExplainedDifferenceExitsZero() throws {
        let output = try BinaryRunner.run(["explain", "--snapshot", Self.bluebird, "--expected", "200", "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let object = try Self.json(output.stdout)
        #expect(object["status"] as? String == "explained")
        #expect(object["delta"] as? Int == -88)
        #expect(object["explained"] as? Int == -88)
        #expect(object["unexplained"] as? Int == 0)
        #expect(object["ticket"] is NSNull)
        let hypotheses = try #require(object["hypotheses"] as? [[String: Any]])
        let causes = try #require(hypotheses.first?["causes"] as? [[String: Any]])
        #expect(causes.map { $0["rule"] as? String } == ["in-flight-submissions"])
        #expect(causes.first?["amount"] as? Int == -88)
        #expect((causes.first?["entries"] as? [String])?.count == 1)
    }

    @Test func theVerdictComesFirstInText() throws {
        let output = try BinaryRunner.run(["explain", "--snapshot", Self.bluebird, "--expected", "200"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Your balance is 88 tokens lower than you expected; the log explains all of it.\n"))
        #expect(output.stdout.contains(" AM CST  Submission  -88  e-40403\n"))
    }

    @Test func noDifferenceExitsZero() throws {
        let output = try BinaryRunner.run(["explain", "--snapshot", Self.bluebird, "--expected", "112", "--format", "json"])
        #expect(output.status == 0)
        #expect(try Self.json(output.stdout)["status"] as? String == "no_discrepancy")
    }

    @Test func aPartlyExplainedDifferenceExitsOneWithATicket() throws {
        let output = try BinaryRunner.run(["explain", "--snapshot", Self.bluebird, "--expected", "5000", "--format", "json"])
        #expect(output.status == 1)
        let object = try Self.json(output.stdout)
        #expect(["partial", "unexplained", "suspicious"].contains(object["status"] as? String ?? ""))
        #expect((object["ticket"] as? String)?.contains("Reproduce with:") == true)
    }

    @Test func theSameQuestionGivesTheSameAnswer() throws {
        let arguments = ["explain", "--snapshot", "seeds/examples/lumen-dental-renewal.yaml", "--expected", "274", "--format", "json"]
        let first = try BinaryRunner.run(arguments)
        let second = try BinaryRunner.run(arguments)
        #expect(first.stdout == second.stdout)
    }

    @Test func theTicketsCommandReproducesTheAnalysis() throws {
        let arguments = ["--snapshot", Self.bluebird, "--expected", "5000", "--since", "14d"]
        let ticket = try BinaryRunner.run(["ticket"] + arguments)
        #expect(ticket.status == 1)
        let lines = ticket.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex(of: "Reproduce with:"))
        let command = lines[index + 1].trimmingCharacters(in: .whitespaces)
        #expect(command.hasPrefix("credits explain --snapshot seeds/examples/bluebird-bakery-in-flight.yaml --expected 5000 --actual 112 --since 2026-11-"))
        #expect(command.hasSuffix("-06:00 --tz America/Chicago"))
        let words = command.split(separator: " ").dropFirst().map(String.init)
        let again = try BinaryRunner.run(words + ["--format", "json"])
        let original = try BinaryRunner.run(["explain"] + arguments + ["--format", "json"])
        #expect(again.stdout == original.stdout)
    }

    @Test func theTicketInMarkdown() throws {
        let output = try BinaryRunner.run(["ticket", "--snapshot", Self.bluebird, "--expected", "200", "--format", "markdown"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("### Credit balance question: Bluebird Bakery (bluebird-bakery)\n"))
        #expect(output.stdout.contains("#### Reproduce with\n\n```\ncredits explain --snapshot seeds/examples/bluebird-bakery-in-flight.yaml"))
    }

    @Test func aSnapshotOnStandardInput() throws {
        let text = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent(Self.bluebird), encoding: .utf8)
        let output = try BinaryRunner.run(["explain", "--snapshot", "-", "--expected", "200", "--format", "json"], stdin: text)
        #expect(output.status == 0)
        #expect(try Self.json(output.stdout)["status"] as? String == "explained")
    }

    @Test(arguments: [
        (["--since", "yesterday"],
         "error: invalid time 'yesterday' for --since: use a date (2026-11-20), a timestamp with offset (2026-11-20T10:14:00-06:00) or a span back from now (7d, 48h)\n"),
        (["--until", "2026-11-20T10:00:00"],
         "error: timestamp '2026-11-20T10:00:00' for --until has no offset: write it as 2026-11-20T10:14:00-06:00 or with Z\n"),
        (["--since", "2026-11-20", "--until", "2026-11-01"],
         "error: --since 2026-11-20T00:00:00-06:00 is after --until 2026-11-01T00:00:00-05:00\n"),
        (["--top", "0"], "error: --top must be at least 1, not 0\n"),
    ])
    func usageErrorsExitTwo(_ extra: [String], _ message: String) throws {
        let output = try BinaryRunner.run(["explain", "--snapshot", Self.bluebird, "--expected", "200"] + extra)
        #expect(output.status == 2)
        #expect(output.stdout == "")
        #expect(output.stderr == message)
    }
}
