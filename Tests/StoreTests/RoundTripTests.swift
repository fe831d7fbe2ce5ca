import Foundation
import Ledger
import Store
import Testing

/// The JSON of `explain` without the ticket's "Reproduce with" command, which names
/// the file or the client and store it was asked of (and nothing else differs).
private func withoutReproduce(_ json: String) -> String {
    json.replacingOccurrences(of: #"Reproduce with:\\n  .*?\\n"#, with: "Reproduce with: ...", options: .regularExpression)
}

/// The five shipped examples through a store: `db import`, then `explain --client`
/// answers as `explain --snapshot` does (explained, and with a ticket due), and
/// `db export` gives a snapshot that `explain --snapshot` answers identically.
@Test(arguments: Backend.available)
func shippedExamplesRoundTrip(backend: Backend) async throws {
    try await TestStore.with(backend) { store in
        let imported = try CreditsBinary.run(["db", "import"] + shippedExamples.map { "seeds/examples/\($0.name).yaml" }, db: store.text)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix("imported 5 clients (\(try shippedExamples.reduce(0) { $0 + (try example($1.name)).entries.count }) entries)\n"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credits-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, expected) in shippedExamples {
            let id = try example(name).client.id
            for asked in [expected, expected + 1] {
                let question = ["--expected", "\(asked)", "--format", "json"]
                let fromFile = try CreditsBinary.run(["explain", "--snapshot", "seeds/examples/\(name).yaml"] + question)
                let fromStore = try CreditsBinary.run(["explain", "--client", id] + question, db: store.text)
                #expect(fromStore.status == fromFile.status, "\(name) expecting \(asked): \(fromStore.stderr)")
                #expect(withoutReproduce(fromStore.stdout) == withoutReproduce(fromFile.stdout), "\(name) expecting \(asked)")
                // The ticket: the same text, but for the command that reproduces it, which
                // names the client and the store (never a password).
                let ticket = try CreditsBinary.run(["ticket", "--snapshot", "seeds/examples/\(name).yaml", "--expected", "\(asked)"])
                let ticketFromStore = try CreditsBinary.run(["ticket", "--client", id, "--expected", "\(asked)"], db: store.text)
                let db = store.url.description.contains("?") ? "'\(store.url)'" : store.url.description   // quoted for a shell
                let command = "  credits explain --client \(id) --db \(db) --expected \(asked) "
                #expect(ticketFromStore.stdout.contains("Reproduce with:\n" + command), "\(name)")
                #expect(ticketFromStore.stdout.replacingOccurrences(of: command, with: "  credits explain --snapshot seeds/examples/\(name).yaml --expected \(asked) ")
                        == ticket.stdout, "\(name) ticket")
                for format in ["json", "yaml"] {
                    let exported = try CreditsBinary.run(["db", "export", "--client", id, "--format", format], db: store.text)
                    #expect(exported.status == 0, "\(exported.stderr)")
                    let file = folder.appendingPathComponent("\(name).\(format)")
                    try exported.stdout.write(to: file, atomically: true, encoding: .utf8)
                    let again = try CreditsBinary.run(["explain", "--snapshot", file.path] + question)
                    #expect(again.status == fromFile.status, "\(name) exported as \(format): \(again.stderr)")
                    #expect(withoutReproduce(again.stdout) == withoutReproduce(fromFile.stdout), "\(name) exported as \(format)")
                }
            }
            let log = try CreditsBinary.run(["log", "--snapshot", "seeds/examples/\(name).yaml", "--format", "json"])
            let logFromStore = try CreditsBinary.run(["log", "--client", id, "--format", "json"], db: store.text)
            #expect(logFromStore.stdout == log.stdout, "\(name) log")
        }
    }
}

/// Importing a client again replaces its rows: none of the first import's are left.
@Test(arguments: Backend.available)
func reimportReplacesTheClientsRows(backend: Backend) async throws {
    try await TestStore.with(backend) { store in
        let bluebird = try example("bluebird-bakery-in-flight")
        let fewer = Snapshot(generatedAt: bluebird.generatedAt, account: bluebird.account, client: bluebird.client,
                             entries: Array(bluebird.entries.prefix(3)), creatives: bluebird.creatives, source: bluebird.source)
        let counts = try await store.open { store in
            try await store.migrate()
            try await store.importSnapshots([bluebird], reloadDefault: 50)
            try await store.importSnapshots([fewer], reloadDefault: 50)
            return (try await store.query("SELECT COUNT(*) FROM entries")[0][0],
                    try await store.snapshot(client: bluebird.client.id, policy: builtinPolicy)?.entries.map(\.id))
        }
        #expect(counts.0 == .integer(3))
        #expect(counts.1 == bluebird.entries.prefix(3).map(\.id))
    }
}

/// A run with one bad file imports nothing, and says where the problem is as `explain` does.
@Test(arguments: Backend.available)
func aBadFileImportsNothing(backend: Backend) async throws {
    try await TestStore.with(backend) { store in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credits-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yaml")
        let text = try String(contentsOf: packageRoot.appendingPathComponent("seeds/examples/saltbush-wines-upgrade.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "plan: growth", with: "plan: growht").write(to: bad, atomically: true, encoding: .utf8)
        let fromExplain = try CreditsBinary.run(["explain", "--snapshot", bad.path, "--expected", "1"])
        let run = try CreditsBinary.run(["db", "import", "seeds/examples/bluebird-bakery-in-flight.yaml", bad.path], db: store.text)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == fromExplain.stderr + "nothing was imported\n")
        #expect(run.stderr.contains("\(bad.path):"))
        let clients = try await store.open { store in try await store.schemaVersion() == nil ? 0 : try await store.clientCount() }
        #expect(clients == 0)
    }
}
