import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Store
import Testing

/// The JSON API of SPEC section 10, every call and every error it answers.
@Suite struct APITests {
    @Test func healthNeedsNoToken() async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                try #expect(Fixture.object(response.body)["status"] as? String == "ok")
            }
        }
    }

    /// Every call but /healthz answers 401 without a valid token, with the error shape.
    @Test(arguments: [
        (HTTPRequest.Method.get, "/api/v1/clients"), (.get, "/api/v1/clients/bluebird-bakery"),
        (.get, "/api/v1/clients/bluebird-bakery/log"), (.post, "/api/v1/clients/bluebird-bakery/explain"),
        (.post, "/api/v1/explain"), (.get, "/api/v1/openapi.json"), (.get, "/api/v1/nothing-here"),
    ])
    func everyCallNeedsAToken(method: HTTPRequest.Method, path: String) async throws {
        try await Fixture.withConsole { client, _ in
            for headers: HTTPFields in [[:], [.authorization: "Bearer wrong"], [.authorization: "Basic YW5hOng="]] {
                try await client.execute(uri: path, method: method, headers: headers, body: ByteBuffer(string: "{\"expected\": 200}")) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                    try #expect(Fixture.errorMessage(response.body).hasPrefix("sign in first"))
                }
            }
        }
    }

    @Test func searchFindsByIdOrName() async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/clients?q=BLUE", method: .get, headers: Fixture.bearer) { response in
                #expect(response.status == .ok)
                let clients = try #require(try Fixture.object(response.body)["clients"] as? [[String: Any]])
                #expect(clients.map { $0["id"] as? String } == ["bluebird-bakery"])
                #expect(clients.first?["balance"] as? Int == 112)
                #expect(clients.first?["account"] as? String == "harbor-pine")
            }
            try await client.execute(uri: "/api/v1/clients?q=copper-kettle", method: .get, headers: Fixture.bearer) { response in
                let clients = try #require(try Fixture.object(response.body)["clients"] as? [[String: Any]])
                #expect(clients.count == 1)
            }
        }
    }

    @Test func clientAtAGlance() async throws {
        try await Fixture.withConsole { client, agents in
            try await client.execute(uri: "/api/v1/clients/bluebird-bakery", method: .get, headers: Fixture.bearer) { response in
                #expect(response.status == .ok)
                let object = try Fixture.object(response.body)
                #expect(object["plan"] as? String == "growth")
                #expect(object["next_renewal"] as? String == "2026-12-15T00:00:00-06:00")
                let buckets = try #require(object["buckets"] as? [String: Any])
                #expect((buckets["plan_tokens"] as? Int ?? 0) + (buckets["rollover_tokens"] as? Int ?? 0) == 112)
                #expect((object["in_flight"] as? [Any])?.count == 1)
            }
            try #expect(await agents.accesses().map(\.action) == ["api:client"])
            try #expect(await agents.accesses().first?.agent == "ana")
        }
    }

    @Test func logIsTheJSONOfCreditsLog() async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/clients/bluebird-bakery/log?page=1", method: .get, headers: Fixture.bearer) { response in
                #expect(response.status == .ok)
                let object = try Fixture.object(response.body)
                #expect(object["version"] as? Int == 1)
                #expect(object["shown_balance"] as? Int == 112)
                #expect((object["rows"] as? [Any])?.count == 25)
            }
        }
    }

    @Test(arguments: [("0", "page '0' is out of range: the log has 2 pages"), ("x", "page 'x' is out of range: the log has 2 pages"),
                      ("99", "page '99' is out of range: the log has 2 pages")])
    func logPageOutOfRange(page: String, message: String) async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/clients/bluebird-bakery/log?page=\(page)", method: .get, headers: Fixture.bearer) { response in
                #expect(response.status == .badRequest)
                try #expect(Fixture.errorMessage(response.body) == message)
            }
        }
    }

    @Test(arguments: ["/api/v1/clients/nobody", "/api/v1/clients/nobody/log"])
    func noSuchClient(path: String) async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: path, method: .get, headers: Fixture.bearer) { response in
                #expect(response.status == .notFound)
                try #expect(Fixture.errorMessage(response.body) == "there is no client 'nobody' in the store")
            }
            try await client.execute(uri: path.hasSuffix("log") ? "/api/v1/clients/nobody/explain" : path + "/explain", method: .post,
                                     headers: Fixture.json(), body: ByteBuffer(string: "{\"expected\": 1}")) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func explainTheBluebirdQuestion() async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/clients/bluebird-bakery/explain", method: .post, headers: Fixture.json(),
                                     body: ByteBuffer(string: "{\"expected\": 200}")) { response in
                #expect(response.status == .ok)
                let object = try Fixture.object(response.body)
                #expect(object["status"] as? String == "explained")
                #expect(object["delta"] as? Int == -88)
                #expect(object["ticket"] is NSNull)
                let causes = (object["hypotheses"] as? [[String: Any]])?.first?["causes"] as? [[String: Any]]
                #expect(causes?.first?["rule"] as? String == "in-flight-submissions")
            }
        }
    }

    /// The largest difference the console takes is answered, not searched for hours.
    @Test func largestDifferenceIsAnswered() async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/clients/bluebird-bakery/explain", method: .post, headers: Fixture.json(),
                                     body: ByteBuffer(string: "{\"expected\": -1000000, \"actual\": 1000000}")) { response in
                #expect(response.status == .ok)
                try #expect(Fixture.object(response.body)["delta"] as? Int == 2_000_000)
            }
        }
    }

    /// Bad input is a 400 that names what is wrong, never a 500.
    @Test(arguments: [
        ("not json", "the body is not valid JSON: send an object such as {\"expected\": 200}"),
        ("[1, 2]", "the body must be a JSON object such as {\"expected\": 200}"),
        ("{}", "'expected' is missing: send the balance the customer expected, a whole number"),
        ("\"200\"", "the body must be a JSON object such as {\"expected\": 200}"),
        ("{\"expected\": null}", "'expected' is missing: send the balance the customer expected, a whole number"),
        ("{\"expected\": 1.5}", "'expected' must be a whole number of tokens"),
        ("{\"expected\": true}", "'expected' must be a whole number of tokens"),
        ("{\"expected\": \"200\"}", "'expected' must be a whole number of tokens"),
        ("{\"expected\": 99999999999999999999}", "'expected' must be a whole number of tokens"),
        ("{\"expected\": 9000000000000000000}", "'expected' must be between -1000000 and 1000000, not 9000000000000000000"),
        ("{\"expected\": 200, \"actual\": -1000001}", "'actual' must be between -1000000 and 1000000, not -1000001"),
        ("{\"expected\": 200, \"since\": 7}", "'since' must be a string"),
        ("{\"expected\": 200, \"since\": \"yesterday\"}", "invalid time 'yesterday' for since: use a date (2026-11-20), a timestamp with offset (2026-11-20T10:14:00-06:00) or a span back from now (7d, 48h)"),
        ("{\"expected\": 200, \"since\": \"2026-11-20\", \"until\": \"2026-11-01\"}", "since 2026-11-20T00:00:00-06:00 is after until 2026-11-01T00:00:00-05:00"),
    ])
    func explainBadInput(body: String, message: String) async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/clients/bluebird-bakery/explain", method: .post, headers: Fixture.json(),
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                try #expect(Fixture.errorMessage(response.body) == message)
            }
        }
    }

    @Test func explainAPastedSnapshot() async throws {
        let text = try Fixture.example("copper-kettle-auto-reload.yaml")
        let body = try JSONSerialization.data(withJSONObject: ["snapshot": text, "expected": 100])
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/explain", method: .post, headers: Fixture.json(), body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
                let object = try Fixture.object(response.body)
                #expect((object["client"] as? [String: Any])?["id"] as? String == "copper-kettle")
            }
        }
    }

    /// A pasted snapshot's error carries line and column.
    @Test(arguments: [
        ("snapshot_version: 1\nclient: [unclosed\n", 3, 1),
        ("snapshot_version: 1\ngenerated_at: 2026-11-24T15:00:00Z\nclient: { id: a, name: A, plan: growth, billing_anchor: 2026-11-15, balance: 1.5 }\nentries: []\n", 3, 78),
    ])
    func pastedSnapshotErrorsHaveLineAndColumn(snapshot: String, line: Int, column: Int) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["snapshot": snapshot, "expected": 1])
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/explain", method: .post, headers: Fixture.json(), body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .badRequest)
                let error = try #require(try Fixture.object(response.body)["error"] as? [String: Any])
                #expect(error["line"] as? Int == line)
                #expect(error["column"] as? Int == column)
                #expect((error["message"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test(arguments: [("{\"expected\": 1}", "'snapshot' is missing: send the snapshot's YAML or JSON text as a string"),
                      ("{\"expected\": 1, \"snapshot\": \"  \"}", "paste a snapshot (YAML or JSON): the text is empty")])
    func pastedSnapshotMissing(body: String, message: String) async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/explain", method: .post, headers: Fixture.json(), body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                try #expect(Fixture.errorMessage(response.body) == message)
            }
        }
    }

    @Test func bodyOverTheLimitIs413() async throws {
        let big = "{\"expected\": 1, \"snapshot\": \"" + String(repeating: "x", count: Console.bodyLimit + 10) + "\"}"
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/explain", method: .post, headers: Fixture.json(), body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
                try #expect(Fixture.errorMessage(response.body) == "the request is larger than the 1024 KiB the console accepts; paste a smaller snapshot (a shorter log)")
            }
        }
    }

    @Test(arguments: [(HTTPRequest.Method.delete, "/api/v1/clients", "GET"), (.get, "/api/v1/explain", "POST"),
                      (.put, "/api/v1/clients/bluebird-bakery/explain", "POST"), (.post, "/healthz", "GET"),
                      (HTTPRequest.Method("QUERY")!, "/api/v1/clients/x/log", "GET")])
    func wrongMethodIs405(method: HTTPRequest.Method, path: String, allowed: String) async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: path, method: method, headers: Fixture.json(), body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == allowed)
                try #expect(Fixture.errorMessage(response.body) == "\(method.rawValue) is not allowed here; use \(allowed)")
            }
        }
    }

    @Test func unknownPathIs404() async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/nothing-here", method: .get, headers: Fixture.bearer) { response in
                #expect(response.status == .notFound)
                try #expect(Fixture.errorMessage(response.body) == "there is no such page")
            }
        }
    }

    /// The document served is the checked-in one, and it is JSON.
    @Test func openAPIDocument() async throws {
        let checkedIn = try String(contentsOf: Fixture.root.appendingPathComponent("Sources/Server/Assets/openapi.json"), encoding: .utf8)
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get, headers: Fixture.bearer) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == checkedIn)
                try #expect(Fixture.object(response.body)["openapi"] as? String == "3.0.3")
            }
        }
    }
}
