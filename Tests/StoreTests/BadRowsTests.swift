import Diagnostics
import Foundation
import Ledger
import Store
import Testing

/// A small, valid client to break one row at a time.
private let acme = """
    generated_at: 2026-11-24T15:00:00Z
    account: { id: northwind, name: Northwind Media }
    client: { id: acme, name: Acme Coffee, timezone: America/Chicago, plan: growth, billing_anchor: 2026-11-15, balance: 237 }
    entries:
      - { id: e-1, at: 2026-11-15T06:00:00-06:00, type: plan_allocation, amount: 325 }
      - { id: e-2, at: 2026-11-20T16:14:00-06:00, type: submission, amount: -88, creative: cr-1 }
    creatives:
      - { id: cr-1, title: Summer Promo, submitted_at: 2026-11-20T22:14:00Z, status: in_flight, clips: [8, 8, 8, 8, 8, 8] }
    plan_changes:
      - { at: 2026-11-18T10:00:00Z, from: starter, to: growth }
    reports:
      - { id: t-9, opened_at: 2026-11-10T09:00:00Z, expected: 130, actual: 100 }
    """

/// One bad input of SPEC section 3, written as rows: the statements that break the
/// client (on each store; nil where the column's type cannot hold the bad value at
/// all), and the message `credits` must give.
struct BadRows: Sendable, CustomTestStringConvertible {
    let name: String
    let sqlite: [String]
    let postgres: [String]?
    let message: String

    init(_ name: String, _ statements: [String], postgres: [String]? = nil, samePostgres: Bool = true, _ message: String) {
        self.name = name
        self.sqlite = statements
        self.postgres = postgres ?? (samePostgres ? statements : nil)
        self.message = message
    }

    var testDescription: String { name }

    /// A copy of a table without its keys and NOT NULL constraints, as a platform's
    /// view may be: how a duplicate id or a NULL reaches the reader.
    static func loosen(_ table: String) -> [String] {
        ["CREATE TABLE loose AS SELECT * FROM \(table)", "DROP TABLE \(table)", "ALTER TABLE loose RENAME TO \(table)"]
    }

    static let cases: [BadRows] = [
        BadRows("unknown creative", ["UPDATE entries SET creative_id = 'cr-404' WHERE id = 'e-2'"],
                "clients/acme entries/e-2 creative_id: error: creative 'cr-404' is not declared in creatives"),
        BadRows("fractional amount", ["UPDATE entries SET amount = 12.5 WHERE id = 'e-2'"],
                postgres: ["ALTER TABLE entries ALTER COLUMN amount TYPE NUMERIC", "UPDATE entries SET amount = 12.5 WHERE id = 'e-2'"],
                "clients/acme entries/e-2 amount: error: amount must be a whole number of tokens, got '12.5'"),
        BadRows("amount as text", ["UPDATE entries SET amount = 'lots' WHERE id = 'e-2'"], samePostgres: false,
                "clients/acme entries/e-2 amount: error: amount must be a whole number of tokens, got the string 'lots'"),
        BadRows("duplicate entry id", loosen("entries") + ["INSERT INTO entries SELECT client_id, id, 3, at, type, amount, creative_id, note FROM entries WHERE id = 'e-1'"],
                "clients/acme entries/e-1 id: error: duplicate entry id 'e-1'"),
        BadRows("duplicate creative id", loosen("creatives") + ["INSERT INTO creatives SELECT * FROM creatives"],
                "clients/acme creatives/cr-1 id: error: duplicate creative id 'cr-1'"),
        BadRows("timestamp without an offset", ["UPDATE entries SET at = '2026-11-20T16:14:00' WHERE id = 'e-2'"],
                postgres: ["ALTER TABLE entries ALTER COLUMN at TYPE TEXT", "UPDATE entries SET at = '2026-11-20T16:14:00' WHERE id = 'e-2'"],
                "clients/acme entries/e-2 at: error: timestamp '2026-11-20T16:14:00' has no offset: add Z for UTC or an offset such as -06:00"),
        BadRows("timestamp that is not one", ["UPDATE entries SET at = 'last tuesday' WHERE id = 'e-2'"],
                postgres: ["ALTER TABLE entries ALTER COLUMN at TYPE TEXT", "UPDATE entries SET at = 'last tuesday' WHERE id = 'e-2'"],
                "clients/acme entries/e-2 at: error: at must be an ISO 8601 timestamp with an offset such as 2026-11-20T16:14:00-06:00, got the string 'last tuesday'"),
        BadRows("unknown plan", ["UPDATE clients SET plan = 'growht'"],
                "clients/acme plan: error: unknown plan 'growht' (did you mean 'growth'? plans in the policy: growth, scale, starter)"),
        BadRows("unknown plan in a plan change", ["UPDATE plan_changes SET from_plan = 'startr'"],
                "clients/acme plan_changes/1 from_plan: error: unknown plan 'startr' (did you mean 'starter'? plans in the policy: growth, scale, starter)"),
        BadRows("clip of zero seconds", ["UPDATE clips SET seconds = 0 WHERE position = 2"],
                "clients/acme clips/cr-1/2 seconds: error: clip seconds must be positive, got '0'"),
        BadRows("clip of negative seconds", ["UPDATE clips SET seconds = -4 WHERE position = 3"],
                "clients/acme clips/cr-1/3 seconds: error: clip seconds must be positive, got '-4'"),
        BadRows("clip of no creative", ["UPDATE clips SET creative_id = 'cr-9' WHERE position = 6"],
                "clients/acme clips/cr-9/6 creative_id: error: clip of creative 'cr-9', which is not in creatives"),
        BadRows("a NULL in a required column", loosen("entries") + ["UPDATE entries SET type = NULL WHERE id = 'e-1'"],
                "clients/acme entries/e-1 type: error: type in entry 'e-1' must have a value, got null"),
        BadRows("a NULL id", loosen("reports") + ["UPDATE reports SET id = NULL"],
                "clients/acme reports/NULL id: error: id in report must have a value, got null"),
        BadRows("unknown time zone", ["UPDATE clients SET timezone = 'Mars/Olympus'"],
                "clients/acme timezone: error: unknown time zone 'Mars/Olympus' (use an IANA name such as America/Chicago or UTC)"),
        BadRows("billing anchor that is not a date", ["UPDATE clients SET billing_anchor = '2026-02-30'"], samePostgres: false,
                "clients/acme billing_anchor: error: billing_anchor must be a date such as 2026-11-15, got the string '2026-02-30'"),
        BadRows("auto reload flag that is not one", ["UPDATE clients SET auto_reload_enabled = 2"], samePostgres: false,
                "clients/acme auto_reload_enabled: error: enabled must be true or false, got '2'"),
        BadRows("negative outstanding balance", ["UPDATE clients SET outstanding = -5"],
                "clients/acme outstanding: error: outstanding must not be negative, got -5"),
        BadRows("amount out of range", ["UPDATE entries SET amount = 5000000000000 WHERE id = 'e-1'"],
                "clients/acme entries/e-1 amount: error: amount is out of range, got '5000000000000' (at most 1000000000000 either way)"),
        BadRows("unknown creative status", ["UPDATE creatives SET status = 'lost'"],
                "clients/acme creatives/cr-1 status: error: status must be in_flight or delivered, got 'lost'"),
        BadRows("account that is not in accounts", ["UPDATE clients SET account_id = 'ghost'"],
                postgres: ["ALTER TABLE clients DROP CONSTRAINT clients_account_id_fkey", "UPDATE clients SET account_id = 'ghost'"],
                "clients/acme account_id: error: account 'ghost' is not in accounts"),
    ]

    /// The cases a store can hold, with the statements for it.
    static func cases(for backend: Backend) -> [(Backend, BadRows)] {
        cases.filter { backend == .sqlite || $0.postgres != nil }.map { (backend, $0) }
    }
}

/// Every bad input of SPEC section 3 written as rows is an input error named by table,
/// client, row and column: from the library, and from `credits explain --client` (exit 2).
@Test(arguments: Backend.available.flatMap(BadRows.cases(for:)))
func badRowsAreNamedByTableClientRowAndColumn(backend: Backend, bad: BadRows) async throws {
    try await TestStore.with(backend) { store in
        let snapshot = try SnapshotReader.read(text: acme, name: "acme.yaml", policy: builtinPolicy)
        let message: String? = try await store.open { store in
            try await store.migrate()
            try await store.importSnapshots([snapshot], reloadDefault: 50)
            #expect(try await store.snapshot(client: "acme", policy: builtinPolicy) != nil)
            for statement in backend == .sqlite ? bad.sqlite : bad.postgres ?? [] { try await store.execute(statement) }
            do {
                _ = try await store.snapshot(client: "acme", policy: builtinPolicy)
                return nil
            } catch let error as DiagnosticsError {
                return error.description
            }
        }
        #expect(message == bad.message)
        let run = try CreditsBinary.run(["explain", "--client", "acme", "--expected", "100"], db: store.text)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == bad.message + "\n")
    }
}
