import Store
import Explainer
import Foundation
import Hummingbird
import Ledger

extension Console {
    /// The JSON API of SPEC section 10: the same JSON as the command line.
    func addAPIRoutes(_ routes: inout RouteTable) {
        routes.add(.get, "/api/v1/clients") { request, _ in
            let search = FormFields.query(request)["q"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let found = try await clients.clients(matching: search, limit: Self.searchLimit)
            return try JSONBody.response(.object([("clients", .array(found.map { client in
                .object([("id", .string(client.id)), ("name", .string(client.name)),
                         ("account", .string(client.account)), ("balance", .int(client.balance))])
            }))]))
        }
        routes.add(.get, "/api/v1/clients/{id}") { _, context in
            let snapshot = try await loadClient(context, action: "api:client")
            return try JSONBody.response(clientJSON(snapshot))
        }
        routes.add(.get, "/api/v1/clients/{id}/log") { request, context in
            let snapshot = try await loadClient(context, action: "api:log")
            let log = CreditsLog(snapshot: snapshot, policy: policy, timeZone: snapshot.client.timeZone)
            let text = FormFields.query(request)["page"] ?? "1"
            guard let number = Int(text), let page = log.page(number) else {
                throw ConsoleError(.badRequest, "page '\(text.prefix(20))' is out of range: the log has \(log.pageCount) \(log.pageCount == 1 ? "page" : "pages")")
            }
            return try JSONBody.response(log.json(page))
        }
        routes.add(.post, "/api/v1/clients/{id}/explain") { request, context in
            let body = try await ExplainBody.read(request, context: context)
            let question = try body.question()
            let snapshot = try await loadClient(context, action: "api:explain")
            let explanation = try await explainOffThread(snapshot, question)
            return try JSONBody.response(report(explanation, source: ["--client", snapshot.client.id]))
        }
        routes.add(.post, "/api/v1/explain") { request, context in
            let body = try await ExplainBody.read(request, context: context)
            guard let text = body.snapshot else {
                throw ConsoleError(.badRequest, "'snapshot' is missing: send the snapshot's YAML or JSON text as a string")
            }
            let question = try body.question()
            let snapshot = try readPasted(text)
            if let agent = context.agent { try await agents.recordAccess(AccessRecord(at: Date(), agent: agent, client: snapshot.client.id, action: "api:paste")) }
            return try JSONBody.response(report(try await explainOffThread(snapshot, question), source: ["--snapshot", "SNAPSHOT.yaml"]))
        }
        routes.add(.get, "/api/v1/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: ConsoleAssets.openAPI)))
        }
    }

    /// SPEC section 5's JSON, with the ticket when one is due, as `credits explain --format json`.
    func report(_ explanation: Explanation, source: [String]) -> JSONValue {
        let ticket = explanation.needsTicket ? SupportTicket(command: reproduceCommand(explanation, source: source)).text(explanation) : nil
        return JSONReport(ticket: ticket).value(explanation)
    }

    /// The client at a glance: balance by bucket, plan, next renewal, auto reload,
    /// creatives in production, earlier reports.
    func clientJSON(_ snapshot: Snapshot) -> JSONValue {
        let client = snapshot.client
        let replay = Replay.run(snapshot, policy: policy)
        let zone = client.timeZone
        let stamp = { (date: Date) in JSONValue.string(ISOTimestamp.format(date, in: zone)) }
        return .object([
            ("id", .string(client.id)), ("name", .string(client.name)),
            ("account", snapshot.account.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) } ?? .null),
            ("time_zone", .string(zone.identifier)),
            ("balance", .int(client.balance)),
            ("buckets", .object([("plan_tokens", .int(replay.planTokens)), ("rollover_tokens", .int(replay.rolloverTokens)),
                                 ("replayed_balance", .int(replay.replayedBalance))])),
            ("outstanding", .int(client.outstanding)),
            ("plan", .string(client.plan)),
            ("plan_allocation", policy.allocation(plan: client.plan).map(JSONValue.int) ?? .null),
            ("billing_anchor", .string(client.billingAnchor.description)),
            ("next_renewal", stamp(client.billingCycle.next(after: snapshot.generatedAt))),
            ("auto_reload", .object([("enabled", .bool(client.autoReload.enabled)),
                                     ("amount", .int(client.autoReload.amount ?? policy.reloadDefault))])),
            ("in_flight", .array(snapshot.creatives.filter { $0.status == .inFlight }.map { creative in
                .object([("id", .string(creative.id)), ("title", .string(creative.title)),
                         ("submitted_at", creative.submittedAt.map(stamp) ?? .null),
                         ("clips", .array(creative.clips.map(JSONValue.int))),
                         ("charged", .int(policy.submissionCost(clips: creative.clips)))])
            })),
            ("reports", .array(snapshot.reports.map { report in
                .object([("id", .string(report.id)), ("opened_at", stamp(report.openedAt)),
                         ("expected", .int(report.expected)), ("actual", .int(report.actual)), ("note", .string(report.note))])
            })),
            ("generated_at", stamp(snapshot.generatedAt)),
        ])
    }
}

/// The body of an explain call: `{"expected": N, "actual"?, "since"?, "until"?, "now"?}`,
/// and `"snapshot"` for a pasted one. Wrong JSON or a wrong type is a 400 that names the key.
/// Read with `JSONSerialization` rather than `Decodable`: on Linux a fractional number
/// where an integer belongs fails the whole decoding as "not valid JSON", and the
/// message must name the key instead.
struct ExplainBody {
    var expected: Int?
    var actual: Int?
    var since: String?
    var until: String?
    var now: String?
    var snapshot: String?

    static func read(_ request: Request, context: ConsoleContext) async throws -> ExplainBody {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return try parse(Data(buffer: buffer))
    }

    static func parse(_ data: Data) throws(ConsoleError) -> ExplainBody {
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw ConsoleError(.badRequest, "the body is not valid JSON: send an object such as {\"expected\": 200}")
        }
        guard let object = value as? [String: Any] else {
            throw ConsoleError(.badRequest, "the body must be a JSON object such as {\"expected\": 200}")
        }
        return ExplainBody(expected: try integer(object, "expected"), actual: try integer(object, "actual"),
                           since: try string(object, "since"), until: try string(object, "until"),
                           now: try string(object, "now"), snapshot: try string(object, "snapshot"))
    }

    func question() throws(ConsoleError) -> Question {
        guard let expected else { throw ConsoleError(.badRequest, "'expected' is missing: send the balance the customer expected, a whole number") }
        return Question(expected: try Question.checkedAmount(expected, name: "expected"),
                        actual: try actual.map { value throws(ConsoleError) in try Question.checkedAmount(value, name: "actual") },
                        since: since, until: until, now: now)
    }

    /// A whole number, or nil when absent or null; true, 1.5, "200" and numbers past 64 bits are not.
    private static func integer(_ object: [String: Any], _ key: String) throws(ConsoleError) -> Int? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c", let whole = value as? Int else {
            throw ConsoleError(.badRequest, "'\(key)' must be a whole number of tokens")
        }
        return whole
    }

    private static func string(_ object: [String: Any], _ key: String) throws(ConsoleError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw ConsoleError(.badRequest, "'\(key)' must be a string") }
        return text
    }
}
