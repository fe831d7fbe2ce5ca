import BuiltinRules
import Explainer
import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import Server
import Store
import Testing

/// The console over a directory of the example snapshots, with one agent (`ana`) and
/// one API token, and helpers to sign in and to read answers.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let agent = "ana"
    static let password = "correct horse battery"
    static let token = "test-token-0123456789"
    /// Hashed once: bcrypt takes a quarter of a second on purpose.
    static let passwordHash = Secrets.hashPassword(password)

    static let pack: RulePack = {
        let files = RuleFiles(folder: "Rules", files: Dictionary(uniqueKeysWithValues: BuiltinRules.files.map { ($0.path, $0.text) }))
        return try! RulePack.load(files, fallbackPolicy: BuiltinRules.text(of: "policy.yaml"), examples: .skip)
    }()

    static func example(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("seeds/examples/\(name)"), encoding: .utf8)
    }

    /// The example snapshots, and one client whose name is markup.
    static func snapshots() throws -> [Snapshot] {
        var snapshots: [Snapshot] = []
        for name in ["bluebird-bakery-in-flight.yaml", "copper-kettle-auto-reload.yaml", "lumen-dental-renewal.yaml"] {
            snapshots.append(try SnapshotReader.read(text: try example(name), name: name, policy: pack.policy))
        }
        let hostile = try example("bluebird-bakery-in-flight.yaml")
            .replacingOccurrences(of: "id: bluebird-bakery", with: "id: script-client")
            .replacingOccurrences(of: "name: Bluebird Bakery", with: "name: \"<script>alert(1)</script>\"")
        snapshots.append(try SnapshotReader.read(text: hostile, name: "hostile.yaml", policy: pack.policy))
        return snapshots
    }

    /// Runs `body` with a test client of a fresh console over a fresh SQLite store (in a
    /// temporary folder): the clients read through a read-only connection, as `credits serve` does.
    static func withConsole(limiter: SignInLimiter = SignInLimiter(), _ body: @escaping @Sendable (any TestClientProtocol, Store) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credits-server-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try StoreURL("sqlite:" + folder.appendingPathComponent("store.sqlite").path)
        let snapshots = try snapshots()
        try await Store.withStore(url) { agents in
            try await agents.migrate()
            try await agents.importSnapshots(snapshots, reloadDefault: pack.policy.reloadDefault)
            try await agents.saveAgent(agent, passwordHash: passwordHash)
            _ = try await agents.saveToken(agent: agent, tokenHash: Secrets.digest(token))
            try await Store.withStore(url, readOnly: true) { clients in
                let console = Console(clients: StoreClients(store: clients, policy: pack.policy), agents: agents, pack: pack, limiter: limiter)
                let app = Application(router: console.router())
                try await app.test(.router) { client in try await body(client, agents) }
            }
        }
    }

    static var bearer: HTTPFields { [.authorization: "Bearer \(token)"] }

    static func json(_ headers: HTTPFields = bearer) -> HTTPFields {
        var fields = headers
        fields[.contentType] = "application/json"
        return fields
    }

    static func form() -> HTTPFields { [.contentType: "application/x-www-form-urlencoded"] }

    /// Signs in and gives the cookie header of the session.
    static func signIn(_ client: any TestClientProtocol) async throws -> HTTPFields {
        try await client.execute(uri: "/signin", method: .post, headers: form(),
                                 body: ByteBuffer(string: "name=\(agent)&password=\(password.replacingOccurrences(of: " ", with: "+"))&next=%2Fclients")) { response in
            #expect(response.status == .found)
            let cookie = try #require(response.headers[.setCookie])
            let pair = try #require(cookie.split(separator: ";").first)
            return [.cookie: String(pair)]
        }
    }

    /// The form token of a page, as its forms carry it.
    static func formToken(_ html: String) throws -> String {
        let marker = "name=\"form_token\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    /// The error message of an API error body.
    static func errorMessage(_ body: ByteBuffer) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8)) as? [String: Any]
        let error = try #require(object?["error"] as? [String: Any])
        return try #require(error["message"] as? String)
    }

    static func object(_ body: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8)) as? [String: Any])
    }
}

extension Store {
    /// How many sessions the store keeps.
    func sessionCount() async throws -> Int {
        try await query("SELECT COUNT(*) FROM credits_sessions").first?[0].integer ?? -1
    }

    /// The access log, oldest first.
    func accesses() async throws -> [AccessRecord] {
        try await accessLog(limit: 1000).reversed()
    }
}
