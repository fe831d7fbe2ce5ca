import Foundation
import Testing
import Yams

/// The scenario files of `Tests/EndToEndTests/Scenarios/`, by file name, sorted.
let scenarioFiles: [String] = {
    let folder = BinaryRunner.packageRoot.appendingPathComponent("Tests/EndToEndTests/Scenarios")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
}()

/// Every scenario through `credits explain --format json`, compared as `Scenarios/README.md` says,
/// and SPEC section 5's invariants checked on what the binary printed.
@Test(arguments: scenarioFiles)
func scenario(file: String) throws {
    let scenario = try Scenario.load(file)
    let (output, exitStatus) = try scenario.run()
    let problems = scenario.expect.differences(from: output) + ExplainOutput.invariantProblems(output, exitStatus: exitStatus)
    #expect(problems.isEmpty, "scenario \(scenario.name) (\(file)):\n  \(problems.joined(separator: "\n  "))")
}

/// An empty folder would make the table above pass without running anything.
@Test func scenariosAreFound() {
    #expect(scenarioFiles.count >= 30, "found only \(scenarioFiles.count) scenario files")
}

// MARK: - The comparison itself, on hand-made outputs

/// A scenario's expectation, an output, and the exact problems the comparison must report.
struct ComparisonCase: CustomTestStringConvertible, Sendable {
    let name: String
    let expect: ScenarioExpectation
    let output: ExplainOutput
    let problems: [String]
    var testDescription: String { name }
}

private let reloadCause = ExplainOutput.Cause(rule: "auto-reload", amount: 100, entries: ["e-1", "e-2", "e-3"])
private let chargeCause = ExplainOutput.Cause(rule: "in-flight-submissions", amount: -88, entries: ["e-3"])
private let twelve = ScenarioExpectation(
    status: "explained", delta: 12, explained: nil,
    firstHypothesis: [.init(rule: "in-flight-submissions", amount: -88, entries: ["e-3"]),
                      .init(rule: "auto-reload", amount: 100, entries: ["e-1", "e-3"])],
    findings: [], notFindings: ["wrong-client"])

private func output(status: String = "explained", delta: Int = 12, explained: Int = 12, causes: [ExplainOutput.Cause] = [reloadCause, chargeCause],
                    findings: [String] = []) -> ExplainOutput {
    let sum = causes.reduce(0) { $0 + $1.amount }
    return ExplainOutput(delta: delta, status: status, explained: explained, unexplained: delta - explained,
                         hypotheses: [.init(rank: 1, explained: sum, unexplained: delta - sum, causes: causes)],
                         findings: findings.map { .init(rule: $0, severity: "warning") }, hasTicket: status == "suspicious")
}

@Test(arguments: [
    ComparisonCase(name: "a match in another order", expect: twelve, output: output(), problems: []),
    ComparisonCase(name: "another status and delta", expect: twelve, output: output(status: "partial", delta: 20),
                   problems: ["status: expected explained, got partial", "delta: expected 12, got 20"]),
    ComparisonCase(name: "a cause missing", expect: twelve, output: output(causes: [reloadCause]),
                   problems: ["first hypothesis: expected (auto-reload, 100), (in-flight-submissions, -88); got (auto-reload, 100)"]),
    ComparisonCase(name: "a cause that does not cite an entry",
                   expect: twelve, output: output(causes: [reloadCause, .init(rule: "in-flight-submissions", amount: -88, entries: ["e-4"])]),
                   problems: ["first hypothesis: (in-flight-submissions, -88) does not cite e-3 (it cites e-4)"]),
    ComparisonCase(name: "a finding too many, and a banned one", expect: twelve, output: output(findings: ["wrong-client"]),
                   problems: ["findings: expected none, got wrong-client", "findings that must not appear: wrong-client"]),
])
func comparison(_ c: ComparisonCase) {
    #expect(c.expect.differences(from: c.output) == c.problems)
}

@Test(arguments: [
    ComparisonCase(name: "a consistent output", expect: twelve, output: output(), problems: []),
    ComparisonCase(name: "causes that do not add up", expect: twelve,
                   output: ExplainOutput(delta: 12, status: "explained", explained: 12, unexplained: 0,
                                         hypotheses: [.init(rank: 1, explained: 12, unexplained: 0, causes: [reloadCause])],
                                         findings: [], hasTicket: false),
                   problems: ["hypothesis 1: its causes add up to 100, not its explained 12"]),
    ComparisonCase(name: "an inexact answer ranked above an exact one", expect: twelve,
                   output: ExplainOutput(delta: 12, status: "partial", explained: 100, unexplained: -88,
                                         hypotheses: [.init(rank: 1, explained: 100, unexplained: -88, causes: [reloadCause]),
                                                      .init(rank: 2, explained: 12, unexplained: 0, causes: [reloadCause, chargeCause])],
                                         findings: [], hasTicket: true),
                   problems: ["hypothesis 1 is not exact, but hypothesis 2 is"]),
    ComparisonCase(name: "top level numbers that are not the first hypothesis's", expect: twelve,
                   output: ExplainOutput(delta: 12, status: "explained", explained: 10, unexplained: 2,
                                         hypotheses: [.init(rank: 1, explained: 12, unexplained: 0, causes: [reloadCause, chargeCause])],
                                         findings: [], hasTicket: false),
                   problems: ["top level: explained 10 and unexplained 2 are not the first hypothesis's (12, 0)"]),
    ComparisonCase(name: "a warning without a ticket", expect: twelve, output: {
        var o = output(status: "suspicious", findings: ["duplicate-charge"])
        o.hasTicket = false
        return o
    }(), problems: ["ticket: none, but status suspicious needs one"]),
])
func invariants(_ c: ComparisonCase) {
    let exitStatus: Int32 = ["explained", "no_discrepancy"].contains(c.output.status) ? 0 : 1
    #expect(ExplainOutput.invariantProblems(c.output, exitStatus: exitStatus) == c.problems)
}

// MARK: - Scenario files

/// One scenario file (format: `Scenarios/README.md`).
struct Scenario {
    let name: String
    let file: String
    /// The inline snapshot, as YAML text; nil when the scenario names a `snapshot_file`.
    let snapshotText: String?
    let snapshotFile: String?
    let query: [String: String]
    let expect: ScenarioExpectation

    static func load(_ file: String) throws -> Scenario {
        let url = BinaryRunner.packageRoot.appendingPathComponent("Tests/EndToEndTests/Scenarios").appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let root = try Yams.compose(yaml: text) else { throw ScenarioError("\(file): empty file") }
        func required(_ key: String, in node: Node) throws -> Node {
            guard let value = node[key] else { throw ScenarioError("\(file): no '\(key)'") }
            return value
        }
        let snapshotText = try root["snapshot"].map { try Yams.serialize(node: $0) }
        let snapshotFile = root["snapshot_file"]?.string
        guard (snapshotText == nil) != (snapshotFile == nil) else {
            throw ScenarioError("\(file): needs exactly one of 'snapshot' and 'snapshot_file'")
        }
        var query: [String: String] = [:]
        for (key, value) in try required("query", in: root).mapping ?? [:] {
            guard let key = key.string, let value = value.string else { throw ScenarioError("\(file): a query key is not text") }
            query[key] = value
        }
        let expect = try required("expect", in: root)
        func int(_ key: String) throws -> Int? {
            guard let node = expect[key] else { return nil }
            guard let value = node.int else { throw ScenarioError("\(file): expect.\(key) is not a whole number") }
            return value
        }
        func strings(_ node: Node?) -> [String] { node?.sequence?.compactMap(\.string) ?? [] }
        let causes = try expect["first_hypothesis"]?.sequence.map { list in
            try list.map { cause in
                guard let rule = cause["rule"]?.string, let amount = cause["amount"]?.int else {
                    throw ScenarioError("\(file): a first_hypothesis cause needs a rule and an amount")
                }
                return ScenarioExpectation.Cause(rule: rule, amount: amount, entries: strings(cause["entries"]))
            }
        }
        guard let status = expect["status"]?.string, let delta = try int("delta") else {
            throw ScenarioError("\(file): expect needs a status and a delta")
        }
        return Scenario(
            name: root["name"]?.string ?? file, file: file, snapshotText: snapshotText, snapshotFile: snapshotFile, query: query,
            expect: ScenarioExpectation(status: status, delta: delta, explained: try int("explained"), firstHypothesis: causes,
                                        findings: strings(expect["findings"]), notFindings: strings(expect["not_findings"])))
    }

    /// Runs `credits explain --format json` on the scenario; returns the parsed output and the exit status.
    func run() throws -> (ExplainOutput, Int32) {
        var arguments = ["explain", "--format", "json"]
        for key in ["expected", "actual", "since", "until", "now"] {
            if let value = query[key] { arguments += ["--\(key)", value] }
        }
        var temporary: URL?
        if let snapshotText {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)-\(file)")
            try snapshotText.write(to: url, atomically: true, encoding: .utf8)
            temporary = url
            arguments += ["--snapshot", url.path]
        } else if let snapshotFile {
            arguments += ["--snapshot", snapshotFile]
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let result = try BinaryRunner.run(arguments)
        guard let output = ExplainOutput(json: result.stdout) else {
            throw ScenarioError("scenario \(name): exit \(result.status), no JSON report; stderr: \(result.stderr)")
        }
        return (output, result.status)
    }
}

/// A scenario that cannot be read or run.
struct ScenarioError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What a scenario expects of `credits explain`.
struct ScenarioExpectation: Sendable {
    struct Cause: Sendable {
        let rule: String
        let amount: Int
        let entries: [String]
    }

    let status: String
    let delta: Int
    let explained: Int?
    let firstHypothesis: [Cause]?
    let findings: [String]
    let notFindings: [String]

    /// Every way the output differs from the expectation, one line each, in the README's order.
    func differences(from output: ExplainOutput) -> [String] {
        var problems: [String] = []
        if output.status != status { problems.append("status: expected \(status), got \(output.status)") }
        if output.delta != delta { problems.append("delta: expected \(delta), got \(output.delta)") }
        if let explained, output.explained != explained { problems.append("explained: expected \(explained), got \(output.explained)") }
        if let firstHypothesis { problems += differences(firstHypothesis, output.hypotheses.first?.causes ?? []) }
        let found = Set(output.findings.map(\.rule))
        if found != Set(findings) {
            problems.append("findings: expected \(Self.list(findings.sorted())), got \(Self.list(found.sorted()))")
        }
        let banned = found.intersection(notFindings)
        if !banned.isEmpty { problems.append("findings that must not appear: \(Self.list(banned.sorted()))") }
        return problems
    }

    /// The causes as a multiset of (rule, amount); then each expected cause's entries among those an
    /// output cause of the same rule and amount cites (each output cause matched once).
    private func differences(_ expected: [Cause], _ causes: [ExplainOutput.Cause]) -> [String] {
        func pairs<T>(_ list: [T], _ key: (T) -> (String, Int)) -> [String] { list.map { "(\(key($0).0), \(key($0).1))" }.sorted() }
        let want = pairs(expected) { ($0.rule, $0.amount) }, got = pairs(causes) { ($0.rule, $0.amount) }
        guard want == got else {
            return ["first hypothesis: expected \(want.joined(separator: ", ")); got \(got.isEmpty ? "none" : got.joined(separator: ", "))"]
        }
        var unmatched = causes
        var problems: [String] = []
        for cause in expected {
            let candidates = unmatched.indices.filter { unmatched[$0].rule == cause.rule && unmatched[$0].amount == cause.amount }
            if let index = candidates.first(where: { Set(cause.entries).isSubset(of: unmatched[$0].entries) }) {
                unmatched.remove(at: index)
            } else {
                let cited = candidates.map { unmatched[$0].entries.joined(separator: ", ") }.joined(separator: "; ")
                problems.append("first hypothesis: (\(cause.rule), \(cause.amount)) does not cite \(cause.entries.joined(separator: ", ")) (it cites \(cited))")
            }
        }
        return problems
    }

    private static func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
}

/// The parts of `credits explain --format json` (SPEC section 5) the scenarios look at.
struct ExplainOutput: Sendable {
    struct Cause: Sendable {
        let rule: String
        let amount: Int
        let entries: [String]
    }

    struct Hypothesis: Sendable {
        let rank: Int
        let explained: Int
        let unexplained: Int
        let causes: [Cause]
    }

    struct Finding: Sendable {
        let rule: String
        let severity: String
    }

    var delta: Int
    var status: String
    var explained: Int
    var unexplained: Int
    var hypotheses: [Hypothesis]
    var findings: [Finding]
    var hasTicket: Bool

    init(delta: Int, status: String, explained: Int, unexplained: Int, hypotheses: [Hypothesis], findings: [Finding], hasTicket: Bool) {
        self.delta = delta
        self.status = status
        self.explained = explained
        self.unexplained = unexplained
        self.hypotheses = hypotheses
        self.findings = findings
        self.hasTicket = hasTicket
    }

    /// Reads the report; nil when the text is not one.
    init?(json: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let delta = object["delta"] as? Int, let status = object["status"] as? String,
              let explained = object["explained"] as? Int, let unexplained = object["unexplained"] as? Int,
              let hypotheses = object["hypotheses"] as? [[String: Any]], let findings = object["findings"] as? [[String: Any]]
        else { return nil }
        func cause(_ value: [String: Any]) -> Cause {
            Cause(rule: value["rule"] as? String ?? "", amount: value["amount"] as? Int ?? 0, entries: value["entries"] as? [String] ?? [])
        }
        self.init(
            delta: delta, status: status, explained: explained, unexplained: unexplained,
            hypotheses: hypotheses.map { h in
                Hypothesis(rank: h["rank"] as? Int ?? 0, explained: h["explained"] as? Int ?? 0, unexplained: h["unexplained"] as? Int ?? 0,
                           causes: (h["causes"] as? [[String: Any]] ?? []).map(cause))
            },
            findings: findings.map { Finding(rule: $0["rule"] as? String ?? "", severity: $0["severity"] as? String ?? "") },
            hasTicket: object["ticket"] is String)
    }

    /// SPEC section 5: causes add up to `explained` and `explained + unexplained = delta` in every
    /// hypothesis; ranks run 1, 2, ...; an exact hypothesis, when one exists, comes first; the top
    /// level is the first hypothesis's; the status is the first that applies; a ticket exactly when
    /// one is due; exit status 0 for explained and no_discrepancy, else 1.
    static func invariantProblems(_ output: ExplainOutput, exitStatus: Int32) -> [String] {
        var problems: [String] = []
        for (position, hypothesis) in output.hypotheses.enumerated() {
            let name = "hypothesis \(position + 1)"
            if hypothesis.rank != position + 1 { problems.append("\(name): rank \(hypothesis.rank)") }
            let sum = hypothesis.causes.reduce(0) { $0 + $1.amount }
            if sum != hypothesis.explained { problems.append("\(name): its causes add up to \(sum), not its explained \(hypothesis.explained)") }
            if hypothesis.explained + hypothesis.unexplained != output.delta {
                problems.append("\(name): explained \(hypothesis.explained) + unexplained \(hypothesis.unexplained) is not the delta \(output.delta)")
            }
        }
        if let first = output.hypotheses.first {
            if first.unexplained != 0, let exact = output.hypotheses.firstIndex(where: { $0.unexplained == 0 }) {
                problems.append("hypothesis 1 is not exact, but hypothesis \(exact + 1) is")
            }
            if (output.explained, output.unexplained) != (first.explained, first.unexplained) {
                problems.append("top level: explained \(output.explained) and unexplained \(output.unexplained) are not the first hypothesis's (\(first.explained), \(first.unexplained))")
            }
        } else if output.explained != 0 || output.unexplained != output.delta {
            problems.append("top level: no hypothesis, but explained \(output.explained) and unexplained \(output.unexplained)")
        }
        let best = output.hypotheses.first
        let status = output.findings.contains { $0.severity == "warning" } ? "suspicious"
            : output.delta == 0 ? "no_discrepancy"
            : best?.unexplained == 0 ? "explained"
            : (best?.explained ?? 0) != 0 ? "partial" : "unexplained"
        if output.status != status { problems.append("status: \(output.status), but SPEC section 5 gives \(status)") }
        let ticketDue = ["suspicious", "partial", "unexplained"].contains(output.status)
        if output.hasTicket != ticketDue {
            problems.append(ticketDue ? "ticket: none, but status \(output.status) needs one" : "ticket: written, but status \(output.status) needs none")
        }
        let exit: Int32 = ticketDue ? 1 : 0
        if exitStatus != exit { problems.append("exit status: \(exitStatus), but status \(output.status) gives \(exit)") }
        return problems
    }
}
