import BuiltinRules
import Explainer
import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import Server
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
    static func clients() throws -> MemoryClients {
        var snapshots: [Snapshot] = []
        for name in ["bluebird-bakery-in-flight.yaml", "copper-kettle-auto-reload.yaml", "lumen-dental-renewal.yaml"] {
            snapshots.append(try SnapshotReader.read(text: try example(name), name: name, policy: pack.policy))
        }
        let hostile = try example("bluebird-bakery-in-flight.yaml")
            .replacingOccurrences(of: "id: bluebird-bakery", with: "id: script-client")
            .replacingOccurrences(of: "name: Bluebird Bakery", with: "name: \"<script>alert(1)</script>\"")
        snapshots.append(try SnapshotReader.read(text: hostile, name: "hostile.yaml", policy: pack.policy))
        return MemoryClients(snapshots: snapshots)
    }

    /// Runs `body` with a test client of a fresh console.
    static func withConsole(limiter: SignInLimiter = SignInLimiter(), _ body: @escaping @Sendable (any TestClientProtocol, MemoryAgents) async throws -> Void) async throws {
        let agents = MemoryAgents()
        await agents.add(agent, hash: passwordHash, token: token)
        let console = Console(clients: try clients(), agents: agents, pack: pack, limiter: limiter)
        let app = Application(router: console.router())
        try await app.test(.router) { client in try await body(client, agents) }
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

/// Clients held in memory, for route tests.
struct MemoryClients: ClientDirectory {
    let snapshots: [Snapshot]

    func clients(matching text: String, limit: Int) async throws -> [ClientSummary] {
        let needle = text.lowercased()
        return snapshots.filter { needle.isEmpty || $0.client.id.lowercased().contains(needle) || $0.client.name.lowercased().contains(needle) }
            .sorted { $0.client.name < $1.client.name }.prefix(limit)
            .map { ClientSummary(id: $0.client.id, name: $0.client.name, account: $0.account?.name, balance: $0.client.balance) }
    }

    func snapshot(of id: String) async throws -> Snapshot? {
        snapshots.first { $0.client.id == id }
    }
}

/// Agents held in memory, for route tests.
actor MemoryAgents: AgentDirectory {
    private var hashes: [String: String] = [:]
    private var tokens: [String: String] = [:]
    private var sessions: [String: AgentSession] = [:]
    private(set) var accesses: [AccessRecord] = []

    func add(_ agent: String, hash: String, token: String) {
        hashes[agent] = hash
        tokens[Secrets.digest(token)] = agent
    }

    func passwordHash(of agent: String) -> String? { hashes[agent] }
    func agent(withTokenHash hash: String) -> String? { tokens[hash] }
    func saveSession(_ session: AgentSession, idHash: String) { sessions[idHash] = session }
    func session(idHash: String) -> AgentSession? { sessions[idHash] }
    func deleteSession(idHash: String) { sessions[idHash] = nil }
    func recordAccess(_ record: AccessRecord) { accesses.append(record) }
    var sessionCount: Int { sessions.count }
}
