import Foundation
import Testing

/// One shipped example with the question its story asks (seeds/examples/README.md):
/// the balance the customer expected, and the answer the tool must give.
struct GoldenExample: CustomTestStringConvertible, Sendable {
    /// The snapshot's file name under seeds/examples, without `.yaml`.
    let name: String
    /// The balance the customer expected.
    let expected: Int
    /// The status the analysis must reach (SPEC section 5).
    let status: String
    /// The exit status that goes with it (SPEC section 4): 0 explained or no discrepancy, 1 a ticket is due.
    var exitStatus: Int32 { ["explained", "no_discrepancy"].contains(status) ? 0 : 1 }
    var testDescription: String { "\(name) expecting \(expected)" }
}

/// One of the five outputs checked for each example: the command, its format and the expected file's extension.
enum GoldenOutput: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case explainText, explainMarkdown, explainJSON, ticketText, ticketMarkdown

    var command: String { rawValue.hasPrefix("ticket") ? "ticket" : "explain" }
    var format: String {
        switch self {
        case .explainText, .ticketText: "text"
        case .explainMarkdown, .ticketMarkdown: "markdown"
        case .explainJSON: "json"
        }
    }
    var fileExtension: String {
        switch format {
        case "markdown": "md"
        case "json": "json"
        default: "txt"
        }
    }
    var testDescription: String { "\(command) --format \(format)" }
}

/// The questions of seeds/examples/README.md. Each snapshot's `generated_at` is its "now",
/// so no `--now` is needed for the outputs to stay the same from day to day.
let goldenExamples = [
    GoldenExample(name: "bluebird-bakery-in-flight", expected: 200, status: "explained"),
    GoldenExample(name: "lumen-dental-renewal", expected: 907, status: "explained"),
    GoldenExample(name: "copper-kettle-auto-reload", expected: 23, status: "explained"),
    GoldenExample(name: "fernweh-travel-rerolls", expected: 180, status: "explained"),
    GoldenExample(name: "saltbush-wines-upgrade", expected: 64, status: "explained"),
]

/// Every output a customer or a support agent reads for each example, compared with
/// `Expected/explain-<example>.{txt,md,json}` and `Expected/ticket-<example>.{txt,md}`.
/// After a wording change, run with `UPDATE_EXPECTED=1` and read the diff as a customer would.
@Test(arguments: goldenExamples, GoldenOutput.allCases)
func goldenOutput(_ example: GoldenExample, _ output: GoldenOutput) throws {
    let result = try BinaryRunner.run([output.command, "--snapshot", "seeds/examples/\(example.name).yaml",
                                       "--expected", String(example.expected), "--format", output.format])
    #expect(result.status == example.exitStatus)
    #expect(result.stderr == "")
    BinaryRunner.expectMatches(result.stdout, expected: "\(output.command)-\(example.name).\(output.fileExtension)")
}

/// The JSON answer agrees with the story: its status, and an exact best answer when explained.
@Test(arguments: goldenExamples)
func goldenAnswer(_ example: GoldenExample) throws {
    let result = try BinaryRunner.run(["explain", "--snapshot", "seeds/examples/\(example.name).yaml",
                                       "--expected", String(example.expected), "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["status"] as? String == example.status)
    if example.status == "explained" {
        #expect(object["unexplained"] as? Int == 0)
        #expect(object["explained"] as? Int == object["delta"] as? Int)
    }
}
