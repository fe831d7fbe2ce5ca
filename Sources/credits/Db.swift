import ArgumentParser
import Diagnostics
import Foundation
import Ledger
import Store

extension Credits {
    /// `credits db` (SPEC section 9): the client store's schema, snapshots in, a client out.
    struct Db: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "Set up the client store, import snapshots into it, export a client from it.",
            subcommands: [Init.self, Import.self, Export.self]
        )
    }
}

extension Credits.Db {
    /// `credits db init`: the schema, created or brought up to date (idempotent).
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the store's tables, or bring them up to date (running it again changes nothing).",
            discussion: "Exits 0 when the schema is in place, 2 when the store cannot be opened or written.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let url = try store.url()
            let (applied, version) = try store.withStore(readOnly: false) { store in
                (try await store.migrate(), try await store.schemaVersion() ?? 0)
            }
            let what = applied.isEmpty ? "already up to date" : "applied \(applied.map(String.init).joined(separator: ", "))"
            print("\(url): schema version \(version) (\(what))")
        }
    }

    /// `credits db import FILE|-...`: snapshots in, all in one transaction.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import client snapshots (YAML or JSON) into the store, replacing a client already there.",
            discussion: """
                All files go in one transaction: when any file has a problem, nothing is imported and every \
                problem is shown (file:line:column). Exits 0 when imported, 2 on bad input or a store error.
                """)

        @Argument(help: ArgumentHelp("Snapshot files; - reads standard input.", valueName: "file"))
        var files: [String]

        @Option(name: .long, help: ArgumentHelp("Check plan names against DIR/policy.yaml instead of the built-in policy.", valueName: "dir"))
        var rules: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("Missing expected argument '<file> ...'") }
        }

        func run() throws {
            let url = try store.url()
            let policy = try SnapshotOptions.loadPolicy(rules: rules)
            // Every file is checked first, and only its client's id kept (ten thousand
            // snapshots are a gigabyte); the transaction reads each again to write it.
            // Standard input cannot be read twice: its snapshot is kept.
            var kept: [Int: Snapshot] = [:]
            var problems: [Diagnostic] = []
            var fileOfClient: [String: String] = [:]
            var entries = 0
            for (index, file) in files.enumerated() {
                do throws(DiagnosticsError) {
                    let snapshot = try SnapshotReader.read(path: file, policy: policy)
                    if let first = fileOfClient[snapshot.client.id] {
                        problems.append(Diagnostic(message: "client '\(snapshot.client.id)' is in two files: \(first) and \(file)"))
                    }
                    fileOfClient[snapshot.client.id] = file
                    entries += snapshot.entries.count
                    if file == "-" { kept[index] = snapshot }
                } catch {
                    problems += error.diagnostics
                }
            }
            guard problems.isEmpty else {
                SnapshotOptions.printError(DiagnosticsError(problems).description)
                SnapshotOptions.printError("nothing was imported")
                throw ExitCode(2)
            }
            let (files, stdin) = (self.files, kept)
            try store.withStore(readOnly: false) { store in
                try await store.migrate()
                try await store.importSnapshots(count: files.count, reloadDefault: policy.reloadDefault) { index in
                    if let snapshot = stdin[index] { return snapshot }
                    // A file changed since it was checked is refused like any bad file (exit 2, nothing written).
                    return try SnapshotReader.read(path: files[index], policy: policy)
                }
            }
            print("\(url): imported \(files.count) client\(files.count == 1 ? "" : "s") (\(entries) entries)")
        }
    }

    /// `credits db export --client ID`: a client as a snapshot.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a client of the store as a snapshot (YAML or JSON) that explain --snapshot reads.",
            discussion: "Exits 0 when printed, 2 when there is no such client, its rows are bad, or the store cannot be read.")

        /// The two forms of a snapshot.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case yaml, json
        }

        @Option(help: ArgumentHelp("The client to export.", valueName: "id"))
        var client: String

        @Option(help: "yaml or json.")
        var format: Format = .yaml

        @Option(name: .long, help: ArgumentHelp("Check plan names against DIR/policy.yaml instead of the built-in policy.", valueName: "dir"))
        var rules: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            let url = try store.url()
            let policy = try SnapshotOptions.loadPolicy(rules: rules)
            let id = client
            guard let snapshot = try store.withStore(readOnly: true, { store in try await store.snapshot(client: id, policy: policy) }) else {
                throw SnapshotOptions.usageError("no client '\(id)' in the store \(url)")
            }
            let document = SnapshotWriter.json(snapshot)
            switch format {
            case .yaml: print(document.yaml(), terminator: "")
            case .json: print(document.rendered())
            }
        }
    }
}
