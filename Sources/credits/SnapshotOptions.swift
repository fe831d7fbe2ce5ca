import ArgumentParser
import BuiltinRules
import Diagnostics
import Foundation
import Ledger

/// The options every command that reads a snapshot shares (`log`, `explain`,
/// `ticket`, `expr`): `--snapshot FILE|-` or `--client ID [--db URL]` (a client of
/// the store, SPEC section 9), `--tz ZONE`, `--rules DIR`. Use it as
/// `@OptionGroup var input: SnapshotOptions`, then `let loaded = try input.load()`
/// in `run()`: it reads the policy and the snapshot, and on bad input prints every
/// problem to standard error (`file:line:column: error: ...` with a caret) and
/// exits 2, as SPEC section 4 asks.
struct SnapshotOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The client snapshot, YAML or JSON; - reads standard input.", valueName: "file"))
    var snapshot: String?

    @Option(name: .long, help: ArgumentHelp("A client of the store (instead of --snapshot).", valueName: "id"))
    var client: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        switch (snapshot, client) {
        case (nil, nil): throw ValidationError("Missing expected argument '--snapshot <file>' or '--client <id>'")
        case (.some, .some): throw ValidationError("give --snapshot or --client, not both")
        default: break
        }
    }

    /// The options that name the input again, for the command that reproduces an
    /// analysis: the file, or the client and the store (never a password).
    func sourceWords() throws -> [String] {
        if let client { return ["--client", client, "--db", try store.url().description] }
        return ["--snapshot", snapshot ?? "-"]
    }

    @Option(name: .long, help: ArgumentHelp("Show times in this IANA zone (default: the client's zone, else UTC).", valueName: "zone"))
    var tz: String?

    @Option(name: .long, help: ArgumentHelp("Read policy.yaml and the rules from this folder instead of the built-in ones.", valueName: "dir"))
    var rules: String?

    /// What `load()` gives: the checked snapshot, the policy it was checked against,
    /// and the zone to show times in.
    struct Loaded {
        let snapshot: Snapshot
        let policy: Policy
        let displayZone: TimeZone
    }

    /// One file of the rule pack: its path below the rules folder and its text.
    struct RuleFile {
        let path: String
        let text: String
    }

    /// Reads the policy, then the snapshot (plans checked against the policy), and
    /// picks the display zone: `--tz`, else the client's, else UTC. Bad input is
    /// reported on standard error, then `ExitCode(2)` is thrown.
    func load() throws -> Loaded {
        let policy = try SnapshotOptions.reportingDiagnostics { () throws(DiagnosticsError) in try loadPolicy() }
        let snapshot = try client.map { try loadClient($0, policy: policy) } ?? SnapshotOptions.reportingDiagnostics { () throws(DiagnosticsError) in
            try SnapshotReader.read(path: self.snapshot ?? "-", policy: policy)
        }
        return Loaded(snapshot: snapshot, policy: policy, displayZone: try displayZone(for: snapshot.client))
    }

    /// A client of the store, checked as a snapshot file is; no such client is an input error (exit 2).
    private func loadClient(_ id: String, policy: Policy) throws -> Snapshot {
        let url = try store.url()
        let snapshot = try store.withStore(readOnly: true) { store in try await store.snapshot(client: id, policy: policy) }
        guard let snapshot else { throw SnapshotOptions.usageError("no client '\(id)' in the store \(url)") }
        return snapshot
    }

    /// The zone to show times in: `--tz`, else the client's (which is UTC when the
    /// snapshot names none). An unknown `--tz` is a usage error (exit 2).
    func displayZone(for client: Client) throws -> TimeZone {
        guard let tz else { return client.timeZone }
        guard let zone = TimeZone(identifier: tz) else {
            throw SnapshotOptions.usageError("unknown time zone '\(tz)' given to --tz (use an IANA name such as America/Chicago or UTC)")
        }
        return zone
    }

    /// The policy: `--rules DIR/policy.yaml` when `--rules` is given, else the built-in one.
    func loadPolicy() throws(DiagnosticsError) -> Policy {
        try SnapshotOptions.loadPolicy(rules: rules)
    }

    /// The policy of the rule folder `rules` (nil: the built-in one).
    static func loadPolicy(rules: String?) throws(DiagnosticsError) -> Policy {
        let file = try policyFile(rules: rules)
        return try Policy.load(text: file.text, name: file.path)
    }

    /// Every file of the rule pack, sorted by path: the files under `--rules DIR`
    /// (hidden ones left out), else the built-in pack. Paths are below the folder.
    func ruleFiles() throws(DiagnosticsError) -> [RuleFile] {
        guard let rules else { return BuiltinRules.files.map { RuleFile(path: $0.path, text: $0.text) } }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: rules, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticsError([Diagnostic(message: "the rules folder '\(rules)' does not exist")])
        }
        var files: [RuleFile] = []
        for path in (manager.subpaths(atPath: rules) ?? []).sorted() where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let full = (rules as NSString).appendingPathComponent(path)
            guard manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files.append(RuleFile(path: path, text: try SnapshotOptions.readText(full)))
        }
        return files
    }

    /// The policy file's shown path and text.
    private static func policyFile(rules: String?) throws(DiagnosticsError) -> (path: String, text: String) {
        guard let rules else {
            guard let text = BuiltinRules.text(of: "policy.yaml") else {
                throw DiagnosticsError([Diagnostic(message: "the built-in rule pack has no policy.yaml")])
            }
            return ("Rules/policy.yaml", text)
        }
        let path = (rules as NSString).appendingPathComponent("policy.yaml")
        return (path, try SnapshotOptions.readText(path))
    }

    private static func readText(_ path: String) throws(DiagnosticsError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticsError([Diagnostic(message: "cannot read '\(path)': no such file or it cannot be read")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(message: "'\(path)' is not UTF-8 text")])
        }
        return text
    }

    /// Runs `body`; its diagnostics go to standard error, one after another, and
    /// become `ExitCode(2)`.
    static func reportingDiagnostics<T>(_ body: () throws(DiagnosticsError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    /// Prints `error: message` to standard error and returns the exit code for a
    /// usage error (2), to throw: `throw SnapshotOptions.usageError("...")`.
    static func usageError(_ message: String) -> ExitCode {
        printError("error: \(message)")
        return ExitCode(2)
    }

    /// Writes a line to standard error.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
