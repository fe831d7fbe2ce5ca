import BuiltinRules
import Diagnostics
import Explainer
import Ledger

/// What each fuzz target does with an input. Every outcome but a crash, a hang or
/// memory running out is fine: a located diagnostic is the expected answer to most.
enum FuzzTargets {
    /// The built-in rule pack, loaded once.
    static let pack = try! RulePack.load(builtinFiles, examples: .skip)

    static let builtinFiles = RuleFiles(folder: "Rules", files: Dictionary(uniqueKeysWithValues: BuiltinRules.files.map { ($0.path, $0.text) }))

    /// The text of the input when it is UTF-8, as the readers would get it from a file.
    static func text(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// The snapshot reader, YAML and JSON (the first byte picks which name the input
    /// gets, so that JSON text is also read as YAML), then the replay and the log's pages.
    static func snapshot(_ bytes: [UInt8]) {
        guard let text = text(bytes) else { return }
        let name = bytes.first.map { $0 & 1 == 0 } ?? true ? "fuzz.yaml" : "fuzz.json"
        guard let snapshot = try? SnapshotReader.read(text: text, name: name, policy: pack.policy) else { return }
        let replay = Replay.run(snapshot, policy: pack.policy)
        _ = replay.replayedBalance
        let log = CreditsLog(snapshot: snapshot, policy: pack.policy, timeZone: snapshot.client.timeZone)
        _ = log.page(1).map { log.text($0) }
    }

    /// A CEL expression compiled over the facts of a small snapshot, then evaluated.
    static func cel(_ bytes: [UInt8]) {
        guard let text = text(bytes), let query = celQuery else { return }
        _ = try? pack.evaluate(text, snapshot: celSnapshot, query: query)
    }

    static let celSnapshot = try! SnapshotReader.read(text: FuzzSeeds.snapshot, name: "seed.yaml", policy: pack.policy)
    static let celQuery = try? ExplainQuery.resolve(snapshot: celSnapshot, expected: 200)

    /// A rule file, as `causes/fuzz.yaml` beside the built-in policy and an example snapshot.
    static func rules(_ bytes: [UInt8]) {
        guard let text = text(bytes) else { return }
        var files = ["policy.yaml": BuiltinRules.text(of: "policy.yaml") ?? "", "examples/tiny.yaml": FuzzSeeds.snapshot]
        files[bytes.first.map { $0 & 1 == 0 } ?? true ? "causes/fuzz.yaml" : "findings/fuzz.yaml"] = text
        guard let pack = try? RulePack.load(RuleFiles(folder: "Rules", files: files)) else { return }
        _ = ExampleRunner(pack: pack).runAll()
    }

    /// A snapshot explained with the built-in rules, the answer rendered four ways:
    /// text, markdown, JSON and the support ticket.
    static func explain(_ bytes: [UInt8]) {
        guard let text = text(bytes),
              let snapshot = try? SnapshotReader.read(text: text, name: "fuzz.yaml", policy: pack.policy) else { return }
        // The expected balance: near the shown one, by an amount the input decides.
        let offset = bytes.reduce(0) { ($0 &* 31 &+ Int($1)) % 1_000 } - 500
        guard let query = try? ExplainQuery.resolve(snapshot: snapshot, expected: snapshot.client.balance + offset) else { return }
        let explanation = Explainer(pack: pack).explain(snapshot, query)
        let ticket = SupportTicket(command: "credits explain --snapshot fuzz.yaml --expected \(query.expected)")
        _ = TextReport().render(explanation)
        _ = MarkdownReport().render(explanation)
        _ = JSONReport(ticket: ticket.text(explanation)).render(explanation)
        _ = ticket.markdown(explanation)
    }
}
