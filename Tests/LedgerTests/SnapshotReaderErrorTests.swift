import Diagnostics
import Ledger
import Testing

/// A valid snapshot that each error case breaks in one place.
let validYAML = """
    generated_at: 2026-11-24T15:00:00Z
    client:
      id: acme
      name: Acme Coffee
      timezone: America/Chicago
      plan: growth
      billing_anchor: 2026-11-15
      auto_reload: { enabled: true, amount: 50 }
      balance: 237
    entries:
      - id: e-1
        at: 2026-11-15T00:00:00-06:00
        type: plan_allocation
        amount: 325
      - id: e-2
        at: 2026-11-20T10:14:00-06:00
        type: submission
        amount: -88
        creative: cr-77
    creatives:
      - id: cr-77
        title: Summer Promo
        clips: [8, 8, 8, 8, 8, 8]

    """

/// The same snapshot as JSON.
let validJSON = """
    {
      "generated_at": "2026-11-24T15:00:00Z",
      "client": {"id": "acme", "name": "Acme Coffee", "timezone": "America/Chicago", "plan": "growth",
                 "billing_anchor": "2026-11-15", "auto_reload": {"enabled": true, "amount": 50}, "balance": 237},
      "entries": [
        {"id": "e-1", "at": "2026-11-15T00:00:00-06:00", "type": "plan_allocation", "amount": 325},
        {"id": "e-2", "at": "2026-11-20T10:14:00-06:00", "type": "submission", "amount": -88, "creative": "cr-77"}
      ],
      "creatives": [{"id": "cr-77", "title": "Summer Promo", "clips": [8, 8, 8, 8, 8, 8]}]
    }

    """

/// One bad input: the valid snapshot with `replace` swapped for `with` (which marks
/// where each error is), and the messages expected there, in order.
struct ReaderErrorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let json: Bool
    let replace: String
    let with: String
    let messages: [String]

    init(_ name: String, json: Bool = false, replace: String, with: String, _ messages: String...) {
        self.name = name
        self.json = json
        self.replace = replace
        self.with = with
        self.messages = messages
    }

    var testDescription: String { name }
}

@Test(arguments: [
    // Malformed documents: the parser's own position.
    ReaderErrorCase("malformed YAML", replace: "  name: Acme Coffee", with: "  name: Acme1️⃣: Coffee",
                    "malformed YAML: mapping values are not allowed in this context"),
    ReaderErrorCase("unclosed YAML flow", replace: "clips: [8, 8, 8, 8, 8, 8]\n", with: "clips: [8, 8, 8, 8, 8, 8\n1️⃣",
                    "malformed YAML: did not find expected ',' or ']' while parsing a flow sequence"),
    ReaderErrorCase("two YAML documents", replace: "clips: [8, 8, 8, 8, 8, 8]\n", with: "clips: [8, 8, 8, 8, 8, 8]\n1️⃣---\nmore: 1\n",
                    "malformed YAML: expected a single document in the stream, but found another document"),
    ReaderErrorCase("JSON trailing comma", json: true, replace: "\"amount\": 325}", with: "\"amount\": 325,1️⃣}",
                    "malformed JSON: unexpected '}', expected a key in double quotes"),
    ReaderErrorCase("JSON missing colon", json: true, replace: "\"balance\": 237", with: "\"balance\" 1️⃣237",
                    "malformed JSON: unexpected '2', expected ':' after a key"),
    ReaderErrorCase("JSON missing comma", json: true, replace: "\"type\": \"submission\", \"amount\"",
                    with: "\"type\": \"submission\" 1️⃣\"amount\"",
                    "malformed JSON: unexpected '\"', expected ',' or '}' after an object member"),
    ReaderErrorCase("JSON bad literal", json: true, replace: "\"enabled\": true", with: "\"enabled\": 1️⃣yes",
                    "malformed JSON: unexpected 'y', expected a value"),
    ReaderErrorCase("JSON truncated", json: true, replace: "[8, 8, 8, 8, 8, 8]}]\n}\n", with: "[8, 8, 8, 8, 8, 8]}]\n1️⃣",
                    "malformed JSON: unexpected the end of the document, expected ',' or '}' after an object member"),
    ReaderErrorCase("JSON bad escape", json: true, replace: "\"Summer Promo\"", with: "\"Summer 1️⃣\\q\"",
                    "malformed JSON: unknown escape '\\q' inside a string"),

    // Missing required keys: at the mapping that lacks them.
    ReaderErrorCase("missing client balance", replace: "client:\n  id: acme\n  name: Acme Coffee\n  timezone: America/Chicago\n  plan: growth\n  billing_anchor: 2026-11-15\n  auto_reload: { enabled: true, amount: 50 }\n  balance: 237\n",
                    with: "client:\n  1️⃣id: acme\n  name: Acme Coffee\n  timezone: America/Chicago\n  plan: growth\n  billing_anchor: 2026-11-15\n  auto_reload: { enabled: true, amount: 50 }\n",
                    "missing required key 'balance' in client 'acme'"),
    ReaderErrorCase("missing entry amount", replace: "  - id: e-2\n    at: 2026-11-20T10:14:00-06:00\n    type: submission\n    amount: -88\n",
                    with: "  - 1️⃣id: e-2\n    at: 2026-11-20T10:14:00-06:00\n    type: submission\n",
                    "missing required key 'amount' in entry 'e-2'"),
    ReaderErrorCase("missing generated_at", replace: "generated_at: 2026-11-24T15:00:00Z\nclient:\n",
                    with: "1️⃣client:\n", "missing required key 'generated_at' in the snapshot"),
    ReaderErrorCase("null required value", replace: "  plan: growth", with: "  plan: 1️⃣null",
                    "plan in client 'acme' must have a value, got null"),
    ReaderErrorCase("missing entry amount (JSON)", json: true,
                    replace: "{\"id\": \"e-1\", \"at\": \"2026-11-15T00:00:00-06:00\", \"type\": \"plan_allocation\", \"amount\": 325}",
                    with: "1️⃣{\"id\": \"e-1\", \"at\": \"2026-11-15T00:00:00-06:00\", \"type\": \"plan_allocation\"}",
                    "missing required key 'amount' in entry 'e-1'"),

    // Values.
    ReaderErrorCase("duplicate entry id", replace: "  - id: e-2", with: "  - id: 1️⃣e-1",
                    "duplicate entry id 'e-1' (first at line 11)"),
    ReaderErrorCase("non-whole amount", replace: "amount: -88", with: "amount: 1️⃣12.5",
                    "amount must be a whole number of tokens, got '12.5'"),
    ReaderErrorCase("amount out of range", replace: "amount: -88", with: "amount: 1️⃣9000000000000000000",
                    "amount is out of range, got '9000000000000000000' (at most 1000000000000 either way)"),
    ReaderErrorCase("amount beyond Int", replace: "amount: -88", with: "amount: 1️⃣-99999999999999999999",
                    "amount must be a whole number of tokens, got '-99999999999999999999'"),
    ReaderErrorCase("clip out of range", replace: "clips: [8, 8, 8, 8, 8, 8]", with: "clips: [1️⃣1e300]",
                    "clip seconds is out of range, got '1e300' (at most 1000000000000 either way)"),
    ReaderErrorCase("amount as a string", json: true, replace: "\"amount\": -88", with: "\"amount\": 1️⃣\"-88\"",
                    "amount must be a whole number of tokens, got the string '-88'"),
    ReaderErrorCase("amount as a word", replace: "amount: -88", with: "amount: 1️⃣lots",
                    "amount must be a whole number of tokens, got 'lots'"),
    ReaderErrorCase("timestamp without offset", replace: "at: 2026-11-20T10:14:00-06:00", with: "at: 1️⃣2026-11-20T10:14:00",
                    "timestamp '2026-11-20T10:14:00' has no offset: add Z for UTC or an offset such as -06:00"),
    ReaderErrorCase("not a timestamp", replace: "at: 2026-11-20T10:14:00-06:00", with: "at: 1️⃣yesterday",
                    "at must be an ISO 8601 timestamp with an offset such as 2026-11-20T16:14:00-06:00, got 'yesterday'"),
    ReaderErrorCase("impossible date", replace: "at: 2026-11-20T10:14:00-06:00", with: "at: 1️⃣2026-02-30T10:14:00-06:00",
                    "at must be an ISO 8601 timestamp with an offset such as 2026-11-20T16:14:00-06:00, got '2026-02-30T10:14:00-06:00'"),
    ReaderErrorCase("zero-second clip", replace: "clips: [8, 8, 8, 8, 8, 8]", with: "clips: [8, 1️⃣0, 8]",
                    "clip seconds must be positive, got '0'"),
    ReaderErrorCase("negative clips", replace: "clips: [8, 8, 8, 8, 8, 8]", with: "clips: [1️⃣-4, 8, 2️⃣-1.5]",
                    "clip seconds must be positive, got '-4'", "clip seconds must be positive, got '-1.5'"),
    ReaderErrorCase("undeclared creative", replace: "creative: cr-77", with: "creative: 1️⃣cr-99",
                    "creative 'cr-99' is not declared in creatives"),
    ReaderErrorCase("unknown plan", replace: "plan: growth", with: "plan: 1️⃣grwoth",
                    "unknown plan 'grwoth' (did you mean 'growth'? plans in the policy: growth, scale, starter)"),
    ReaderErrorCase("bad time zone", replace: "timezone: America/Chicago", with: "timezone: 1️⃣America/Chicgo",
                    "unknown time zone 'America/Chicgo' (use an IANA name such as America/Chicago or UTC)"),
    ReaderErrorCase("bad billing anchor", replace: "billing_anchor: 2026-11-15", with: "billing_anchor: 1️⃣the 15th",
                    "billing_anchor must be a date such as 2026-11-15, got 'the 15th'"),
    ReaderErrorCase("bad status", replace: "title: Summer Promo", with: "title: Summer Promo\n    status: 1️⃣done",
                    "status must be in_flight or delivered, got 'done'"),
    ReaderErrorCase("unsupported version", replace: "generated_at:", with: "snapshot_version: 1️⃣2\ngenerated_at:",
                    "unsupported snapshot_version 2 (this tool reads version 1)"),
    ReaderErrorCase("duplicate creative id", replace: "clips: [8, 8, 8, 8, 8, 8]",
                    with: "clips: [8, 8, 8, 8, 8, 8]\n  - id: 1️⃣cr-77", "duplicate creative id 'cr-77' (first at line 21)"),
    ReaderErrorCase("negative delivered seconds", replace: "title: Summer Promo", with: "title: Summer Promo\n    delivered_seconds: 1️⃣-3",
                    "delivered_seconds must not be negative, got -3"),
    ReaderErrorCase("zero reload amount", replace: "amount: 50 }", with: "amount: 1️⃣0 }",
                    "the auto reload amount must be positive, got 0"),
    ReaderErrorCase("empty type", replace: "type: submission", with: "type: 1️⃣\"\"",
                    "type must name an entry type, got an empty string"),

    // Wrong value types.
    ReaderErrorCase("client as a list", replace: "client:\n  id: acme\n  name: Acme Coffee\n  timezone: America/Chicago\n  plan: growth\n  billing_anchor: 2026-11-15\n  auto_reload: { enabled: true, amount: 50 }\n  balance: 237\n", with: "client: 1️⃣[acme, coffee]\n",
                    "client must be a mapping, got a list"),
    ReaderErrorCase("entries as text", json: true, replace: "\"entries\": [", with: "\"entries\": 1️⃣\"none\", 2️⃣\"x\": [",
                    "entries must be a list, got a string", "unknown key 'x' in the snapshot (allowed: account, client, creatives, entries, generated_at, opening, other_clients, plan_changes, reports, snapshot_version)"),
    ReaderErrorCase("enabled as a word", replace: "enabled: true", with: "enabled: 1️⃣maybe",
                    "enabled must be true or false, got 'maybe'"),
    ReaderErrorCase("id as a mapping", replace: "  - id: e-2", with: "  - id: 1️⃣{ a: 1 }",
                    "id must be text, got a mapping"),

    // Unknown and repeated keys.
    ReaderErrorCase("typo in an entry", replace: "  - id: e-2\n    at: 2026-11-20T10:14:00-06:00\n    type: submission\n    amount: -88",
                    with: "  - 1️⃣id: e-2\n    at: 2026-11-20T10:14:00-06:00\n    type: submission\n    2️⃣amout: -88",
                    "missing required key 'amount' in entry 'e-2'",
                    "unknown key 'amout' in entry (did you mean 'amount'? allowed: amount, at, creative, id, note, type)"),
    ReaderErrorCase("typo at the top", replace: "    creative: cr-77\ncreatives:", with: "    creative: 1️⃣cr-77\n2️⃣creatvies:",
                    "creative 'cr-77' is not declared in creatives",
                    "unknown key 'creatvies' in the snapshot (did you mean 'creatives'? allowed: account, client, creatives, entries, generated_at, opening, other_clients, plan_changes, reports, snapshot_version)"),
    ReaderErrorCase("repeated JSON key", json: true, replace: "\"balance\": 237", with: "\"balance\": 237, 1️⃣\"balance\": 12",
                    "duplicate key 'balance' in client (first at line 4)"),
    ReaderErrorCase("repeated YAML key", replace: "  balance: 237", with: "  1️⃣balance: 237\n  balance: 12",
                    "duplicate key 'balance' in one mapping (the first is here)"),
])
func badSnapshotIsRefused(_ c: ReaderErrorCase) throws {
    let base = c.json ? validJSON : validYAML
    let name = c.json ? "acme.json" : "acme.yaml"
    #expect(base.contains(c.replace), "the case does not apply to the valid snapshot")
    let marked = Marked(base.replacingOccurrences(of: c.replace, with: c.with))
    guard case .failure(let error) = readSnapshot(marked.text, name: name) else {
        Issue.record("the snapshot was accepted")
        return
    }
    #expect(marked.locations.count == c.messages.count, "mark where each error is")
    let expected = zip(c.messages, marked.locations.indices).map { marked.diagnostic($0, at: $1, file: name) }
    #expect(error.diagnostics.map(\.description) == expected)
    #expect(error.diagnostics.map(\.message) == c.messages)
}
