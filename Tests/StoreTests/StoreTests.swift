import Audit
import BuiltinRules
import Explainer
import Foundation
import Ledger
import Store
import Testing

/// `db init` is idempotent and recorded in `credits_schema`; a part of the tool adds
/// tables of its own as a migration of a later version.
@Test(arguments: Backend.available)
func migrationsApplyOnceAndInOrder(backend: Backend) async throws {
    try await TestStore.with(backend) { store in
        let extra = Migration(version: 99, summary: "a table of the console's") { _ in
            ["CREATE TABLE credits_example (id TEXT PRIMARY KEY, note TEXT)"]
        }
        let result = try await store.open { store in
            (try await store.schemaVersion(), try await store.migrate(), try await store.migrate(),
             try await store.migrate(Migration.all + [extra]), try await store.schemaVersion())
        }
        #expect(result.0 == nil)
        #expect(result.1 == [1, 2])
        #expect(result.2 == [])
        #expect(result.3 == [99])
        #expect(result.4 == 99)
        let run = try CreditsBinary.run(["db", "init"], db: store.text)
        #expect(run.status == 0)
        #expect(run.stdout == "\(store.url): schema version 99 (already up to date)\n")
    }
}

/// Clients by id or name, case left aside, in id order; `%` and `_` are plain characters.
@Test(arguments: Backend.available)
func clientsAreFoundByIdOrName(backend: Backend) async throws {
    try await TestStore.with(backend) { store in
        let found = try await store.open { store in
            try await store.migrate()
            try await store.importSnapshots(try shippedExamples.map { try example($0.name) }, reloadDefault: 50)
            return (try await store.clients(matching: "BAKERY").map(\.id), try await store.clients(matching: "e").count,
                    try await store.clients(matching: "%").count, try await store.clients(limit: 2).map(\.id),
                    try await store.clientCount())
        }
        #expect(found.0 == ["bluebird-bakery"])
        #expect(found.1 == 5)
        #expect(found.2 == 0)
        #expect(found.3.count == 2)
        #expect(found.4 == 5)
    }
}

/// A store opened read-only refuses to write.
@Test(arguments: Backend.available)
func aReadOnlyStoreRefusesWrites(backend: Backend) async throws {
    try await TestStore.with(backend) { store in
        _ = try await store.open { try await $0.migrate() }
        await #expect(throws: StoreError.self) {
            try await store.open(readOnly: true) { try await $0.execute("DELETE FROM clients") }
        }
    }
}

/// One transaction: when the body throws, nothing it wrote is kept.
@Test(arguments: Backend.available)
func aFailedTransactionWritesNothing(backend: Backend) async throws {
    try await TestStore.with(backend) { store in
        let count = try await store.open { store in
            try await store.migrate()
            await #expect(throws: TestStoreError.self) {
                try await store.transaction { transaction in
                    try await transaction.execute("INSERT INTO accounts (id, name) VALUES (?, ?)", [.text("a"), .text("A")])
                    throw TestStoreError("stop")
                }
            }
            return try await store.query("SELECT COUNT(*) FROM accounts")[0][0]
        }
        #expect(count == .integer(0))
    }
}

/// No client, no store file: exit 2 with a message saying which.
@Test(arguments: Backend.available)
func aMissingClientIsAnInputError(backend: Backend) async throws {
    try await TestStore.with(backend) { store in
        _ = try await store.open { try await $0.migrate() }
        let run = try CreditsBinary.run(["explain", "--client", "nobody", "--expected", "1"], db: store.text)
        #expect(run.status == 2)
        #expect(run.stderr == "error: no client 'nobody' in the store \(store.url)\n")
    }
}

@Test func aMissingStoreFileIsAnError() throws {
    let run = try CreditsBinary.run(["log", "--client", "acme"], db: "sqlite:/nonexistent/folder/credits.sqlite")
    #expect(run.status == 2)
    #expect(run.stderr == "error: the store sqlite:/nonexistent/folder/credits.sqlite: no such store file '/nonexistent/folder/credits.sqlite'\n")
}

/// Store URLs: the forms SPEC section 9 names, and a password never shown.
@Test(arguments: [
    ("sqlite:credits.sqlite", "sqlite:credits.sqlite"),
    ("data/x.db", "sqlite:data/x.db"),
    ("postgres://support:s3cret@db.internal:5433/credits?sslmode=require", "postgres://support@db.internal:5433/credits?sslmode=require"),
    ("postgresql://me@localhost/ledger", "postgres://me@localhost:5432/ledger"),
])
func storeURLs(text: String, shown: String) throws {
    #expect(try StoreURL(text).description == shown)
}

@Test(arguments: [
    ("mysql://root@localhost/x", "unknown kind of store 'mysql://root@localhost/x' (use sqlite:PATH or postgres://user:password@host:port/database)"),
    ("postgres://u:pw@h/db?sslmode=sometimes", "sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full, got 'sometimes'"),
    ("postgres://u:pw@h/db?timeout=3", "unknown parameter 'timeout' in the store URL (only sslmode is read)"),
    ("sqlite:", "the store URL 'sqlite:' names no file (use sqlite:PATH)"),
])
func badStoreURLs(text: String, message: String) {
    #expect(throws: StoreError.self) { try StoreURL(text) }
    do { _ = try StoreURL(text) } catch { #expect(error.message == message) }
}

/// The audit: every client, a client with bad rows as a `bad-data` row of its own, the
/// same answer whatever the number of jobs and the page size; exit 1 on a warning.
@Test(arguments: Backend.available)
func theAuditCoversEveryClient(backend: Backend) async throws {
    try await TestStore.with(backend) { store in
        let pack = try RulePack.load(RuleFiles(folder: "Rules", files: Dictionary(uniqueKeysWithValues: BuiltinRules.files.map { ($0.path, $0.text) })),
                                     fallbackPolicy: nil, examples: .skip)
        let reports = try await store.open { store in
            try await store.migrate()
            try await store.importSnapshots(try shippedExamples.map { try example($0.name) }, reloadDefault: 50)
            try await store.execute("UPDATE entries SET creative_id = 'cr-404' WHERE client_id = 'saltbush-wines' AND seq = 0")
            return [try await ClientAudit(pack: pack, jobs: 1, pageSize: 2).run(store),
                    try await ClientAudit(pack: pack, jobs: 2, pageSize: 256).run(store)]
        }
        let bad = reports[0].rows.filter { $0.rule == AuditRow.badDataRule }
        #expect(reports[0].clients == 5)
        #expect(bad.map(\.client) == ["saltbush-wines"])
        #expect(bad.first?.text.hasPrefix("clients/saltbush-wines entries/") == true)
        #expect(bad.first?.severity == .warning)
        #expect(reports[0].json(reports[0].rows) == reports[1].json(reports[1].rows))
        #expect(reports[0].rows.first?.severity == .warning)
        let json = try CreditsBinary.run(["audit", "--format", "json", "--jobs", "2"], db: store.text)
        #expect(json.status == 1)
        #expect(json.stdout == reports[0].json(reports[0].rows))
        let csv = try CreditsBinary.run(["audit", "--format", "csv", "--severity", "warning"], db: store.text)
        #expect(csv.stdout.hasPrefix("client,rule,severity,entries,text\r\n"))
        #expect(!csv.stdout.contains(",info,"))
        #expect(csv.stderr == "")
    }
}
