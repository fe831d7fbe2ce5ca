import BuiltinRules
import Foundation
import Ledger
import Store
import Testing

/// The two kinds of store every store test runs against. PostgreSQL is the server
/// `.ci/postgres` starts (its URL in `CREDITS_TEST_POSTGRES`); without one the
/// PostgreSQL cases are left out and `postgresServerIsThere` says so, and with
/// `CREDITS_REQUIRE_POSTGRES=1` (as CI sets) a missing server fails it.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The server's URL, if one was started for the tests.
    static let postgresURL: String? = ProcessInfo.processInfo.environment["CREDITS_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let postgresRequired = ProcessInfo.processInfo.environment["CREDITS_REQUIRE_POSTGRES"] == "1"

    /// The backends this run tests.
    static let available: [Backend] = postgresURL == nil && !postgresRequired ? [.sqlite] : [.sqlite, .postgres]
}

/// A fresh, empty store of one kind for one test: a SQLite file in a temporary
/// folder, or a new database on the test server; removed afterwards.
struct TestStore: Sendable {
    let url: StoreURL
    let text: String
    private let cleanup: @Sendable () async throws -> Void

    /// Makes a store, runs `body` with it, removes it.
    static func with<Result>(_ backend: Backend, _ body: (TestStore) async throws -> Result) async throws -> Result {
        let store = try await make(backend)
        do {
            let result = try await body(store)
            try await store.cleanup()
            return result
        } catch {
            try? await store.cleanup()
            throw error
        }
    }

    private static func make(_ backend: Backend) async throws -> TestStore {
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credits-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let text = "sqlite:" + folder.appendingPathComponent("credits.sqlite").path
            return TestStore(url: try StoreURL(text), text: text) { try? FileManager.default.removeItem(at: folder) }
        case .postgres:
            guard let base = Backend.postgresURL else {
                throw TestStoreError("no PostgreSQL server for the tests: run them with .ci/postgres (CREDITS_TEST_POSTGRES is not set)")
            }
            let name = "credits_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let server = try StoreURL(base)
            try await Store.withStore(server) { try await $0.execute("CREATE DATABASE \(name)") }
            guard case .postgres(var location) = server.location else { throw TestStoreError("not a postgres URL: \(base)") }
            location.database = String(name)
            let text = "postgres://\(location.user)\(location.password.map { ":\($0)" } ?? "")@\(location.host):\(location.port)/\(name)?sslmode=disable"
            return TestStore(url: try StoreURL(text), text: text) {
                try await Store.withStore(server) { try await $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            }
        }
    }

    /// Opens the store.
    func open<Result>(readOnly: Bool = false, _ body: (Store) async throws -> Result) async throws -> Result {
        try await Store.withStore(url, readOnly: readOnly, body)
    }
}

struct TestStoreError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The built-in policy, as `credits` loads it.
let builtinPolicy: Policy = {
    do {
        return try Policy.load(text: BuiltinRules.text(of: "policy.yaml") ?? "", name: "Rules/policy.yaml")
    } catch {
        fatalError("the built-in policy does not load: \(error)")
    }
}()

/// The package root, for the shipped examples and for running the binary there.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The five shipped examples and the balance each customer expected.
let shippedExamples: [(name: String, expected: Int)] = [
    ("bluebird-bakery-in-flight", 200), ("lumen-dental-renewal", 907), ("copper-kettle-auto-reload", 23),
    ("fernweh-travel-rerolls", 180), ("saltbush-wines-upgrade", 64),
]

/// A shipped example, read as `credits` reads it.
func example(_ name: String) throws -> Snapshot {
    try SnapshotReader.read(path: packageRoot.appendingPathComponent("seeds/examples/\(name).yaml").path, policy: builtinPolicy)
}

@Test(.enabled(if: Backend.postgresURL != nil || Backend.postgresRequired,
               "no PostgreSQL for the store tests: run them with .ci/postgres (sets CREDITS_TEST_POSTGRES)"))
func postgresServerIsThere() async throws {
    guard let url = Backend.postgresURL else {
        Issue.record("CREDITS_REQUIRE_POSTGRES=1 but CREDITS_TEST_POSTGRES is not set: no PostgreSQL server for the store tests")
        return
    }
    let rows = try await Store.withStore(try StoreURL(url)) { try await $0.query("SELECT 1") }
    #expect(rows.first?[0] == .integer(1))
}
