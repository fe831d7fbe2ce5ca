import ArgumentParser
import BuiltinRules
import Diagnostics
import Explainer
import Foundation
import Ledger

/// The options every command that reads a snapshot shares (`log`, `explain`,
/// `ticket`, `expr`): `--snapshot FILE|-`, `--tz ZONE`, `--rules DIR`. Use it as
/// `@OptionGroup var input: SnapshotOptions`, then `let loaded = try input.load()`
/// in `run()`: it reads the policy and the snapshot, and on bad input prints every
/// problem to standard error (`file:line:column: error: ...` with a caret) and
/// exits 2, as SPEC section 4 asks.
struct SnapshotOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The client snapshot, YAML or JSON; - reads standard input.", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml", "json"]))
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

    @Option(name: .long, help: ArgumentHelp("Read policy.yaml and the rules from this folder instead of the built-in ones.", valueName: "dir"),
            completion: .directory)
    var rules: String?

    @OptionGroup var inputLimit: InputLimitOptions

    /// What `load()` gives: the checked snapshot, the policy it was checked against,
    /// and the zone to show times in.
    struct Loaded {
        let snapshot: Snapshot
        let policy: Policy
        /// The rule pack's files (`--rules DIR`, else the built-in pack), read once.
        let ruleFiles: RuleFiles
        let displayZone: TimeZone
    }

    /// Reads the policy, then the snapshot (plans checked against the policy), and
    /// picks the display zone: `--tz`, else the client's, else UTC. Bad input is
    /// reported on standard error, then `ExitCode(2)` is thrown.
    func load() throws -> Loaded {
        let limit = try inputLimit.limit()
        let files = try RulePackLoading.files(rules: rules, limit: limit)
        let policy = try SnapshotOptions.policy(of: files)
        let snapshot = try client.map { try loadClient($0, policy: policy) } ?? SnapshotOptions.reportingDiagnostics { () throws(DiagnosticsError) in
            try SnapshotReader.read(path: self.snapshot ?? "-", policy: policy, limit: limit)
        }
        return Loaded(snapshot: snapshot, policy: policy, ruleFiles: files, displayZone: try displayZone(for: snapshot.client))
    }

    /// The policy of a rule pack's files (`policy.yaml`, else the built-in one); problems exit 2.
    static func policy(of files: RuleFiles) throws -> Policy {
        try SnapshotOptions.reportingDiagnostics { () throws(DiagnosticsError) in
            let file = try files.policy(fallback: BuiltinRules.text(of: "policy.yaml"))
            return try Policy.load(text: file.text, name: file.name)
        }
    }

    /// The policy of the rule folder `rules` (nil: the built-in one); problems exit 2.
    static func loadPolicy(rules: String?, limit: InputLimit = .standard) throws -> Policy {
        try policy(of: RulePackLoading.files(rules: rules, limit: limit))
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
        do throws(QueryError) {
            return try ExplainQuery.zone(named: tz)
        } catch {
            throw SnapshotOptions.usageError(error.message(naming: { "--\($0.rawValue)" }))
        }
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
