import Diagnostics
import Foundation
import Ledger
import Testing

@Test func readsEveryFieldOfAFullSnapshot() throws {
    let snapshot = try validSnapshot("""
        snapshot_version: 1
        generated_at: 2026-11-24T15:00:00Z
        account: { id: northwind, name: Northwind Media }
        client:
          id: acme
          name: Acme Coffee
          timezone: America/Chicago
          plan: growth
          billing_anchor: 2026-11-15
          auto_reload: { enabled: true, amount: 50 }
          balance: 112
          outstanding: 3
        opening: { plan_tokens: 40, rollover_tokens: 20 }
        entries:
          - { id: e-1043, at: 2026-11-20T16:14:00-06:00, type: Submission, amount: -88, creative: cr-77, note: "first try" }
          - { id: e-1044, at: 2026-11-21T09:00:00+05:30, type: Promo credit, amount: 5 }
        creatives:
          - id: cr-77
            title: Summer Promo
            submitted_at: 2026-11-20T16:14:00-06:00
            status: in_flight
            delivered_at: null
            clips: [8, 7.5, 0.2]
            delivered_seconds: null
        plan_changes:
          - { at: 2026-11-18T10:00:00Z, from: starter, to: growth }
        other_clients:
          - { id: bravo, name: Bravo Bikes, balance: 200 }
        reports:
          - { id: t-9, opened_at: 2026-11-10T09:00:00Z, expected: 130, actual: 100, note: "where did 30 go" }
        """)
    #expect(snapshot.version == 1)
    #expect(snapshot.generatedAt == instant("2026-11-24T15:00:00Z"))
    #expect(snapshot.account?.name == "Northwind Media")
    let client = snapshot.client
    #expect([client.id, client.name, client.plan, client.timeZone.identifier] == ["acme", "Acme Coffee", "growth", "America/Chicago"])
    #expect(client.billingAnchor == BillingDay(year: 2026, month: 11, day: 15))
    #expect(client.autoReload.enabled && client.autoReload.amount == 50)
    #expect(client.balance == 112 && client.outstanding == 3)
    #expect(snapshot.opening.planTokens == 40 && snapshot.opening.rolloverTokens == 20 && snapshot.opening.isGiven)

    let first = snapshot.entries[0]
    #expect(first.id == "e-1043" && first.type == .submission && first.amount == -88 && first.creative == "cr-77")
    #expect(first.note == "first try" && first.logIndex == 0)
    #expect(first.at == instant("2026-11-20T22:14:00Z") && first.offsetSeconds == -21600)
    #expect(snapshot.location(of: first) == Location(file: "snapshot.yaml", line: 15, column: 5))
    let second = snapshot.entries[1]
    #expect(second.type == .unknown("Promo credit") && second.offsetSeconds == 19800 && second.logIndex == 1)

    let creative = try #require(snapshot.creative(id: "cr-77"))
    #expect(creative.title == "Summer Promo" && creative.status == .inFlight && creative.deliveredAt == nil)
    #expect(creative.clips == [8, 8, 1])   // fractions are rounded up, as the pricing bills them
    #expect(creative.submittedAt == instant("2026-11-20T22:14:00Z"))
    #expect(snapshot.creative(id: "cr-78") == nil)
    #expect(snapshot.entry(id: "e-1044")?.amount == 5)
    #expect(snapshot.planChanges.map { "\($0.from)->\($0.to)" } == ["starter->growth"])
    #expect(snapshot.otherClients.map(\.balance) == [200])
    #expect(snapshot.reports.map(\.expected) == [130] && snapshot.reports[0].note == "where did 30 go")
}

@Test func jsonAndYAMLReadTheSame() throws {
    let yaml = try validSnapshot(validYAML, name: "acme.yaml")
    let json = try validSnapshot(validJSON, name: "acme.json")
    #expect(yaml.entries.map(\.id) == json.entries.map(\.id))
    #expect(yaml.entries.map(\.at) == json.entries.map(\.at))
    #expect(yaml.entries.map(\.amount) == json.entries.map(\.amount))
    #expect(yaml.creatives.map(\.clips) == json.creatives.map(\.clips))
    #expect(yaml.client.balance == json.client.balance && yaml.client.billingAnchor == json.client.billingAnchor)
    #expect(json.location(of: json.entries[1]) == Location(file: "acme.json", line: 7, column: 5))
}

@Test(arguments: [("acme.json", true), ("acme.yaml", false), ("<stdin>", true)])
func formatFollowsTheNameThenTheText(name: String, json: Bool) throws {
    // A JSON text named .yaml is still read (YAML is a superset); a .json name must be JSON.
    let text = json ? validJSON : validYAML
    _ = try validSnapshot(text, name: name)
}

@Test func statusDefaultsFromDelivery() throws {
    let snapshot = try validSnapshot(validYAML.replacingOccurrences(
        of: "    clips: [8, 8, 8, 8, 8, 8]",
        with: "    clips: [8, 8, 8, 8, 8, 8]\n    delivered_seconds: 40\n  - { id: cr-78 }"))
    #expect(snapshot.creative(id: "cr-77")?.status == .delivered)
    #expect(snapshot.creative(id: "cr-78")?.status == .inFlight)
    #expect(snapshot.creative(id: "cr-78")?.title == "")
}

@Test func withoutPolicyPlansAreNotChecked() throws {
    let text = validYAML.replacingOccurrences(of: "plan: growth", with: "plan: platinum")
    let snapshot = try SnapshotReader.read(text: text, name: "acme.yaml")
    #expect(snapshot.client.plan == "platinum")
}

@Test func clientWithoutZoneIsShownInUTC() throws {
    let snapshot = try validSnapshot(validYAML.replacingOccurrences(of: "  timezone: America/Chicago\n", with: ""))
    #expect(snapshot.client.timeZone.identifier == "UTC" || snapshot.client.timeZone.identifier == "GMT")
    #expect(!snapshot.client.hasTimeZone)
}

@Test func emptyDocumentIsRefused() {
    guard case .failure(let error) = readSnapshot("# nothing here\n", name: "empty.yaml") else {
        Issue.record("an empty snapshot was accepted")
        return
    }
    #expect(error.description == "empty.yaml:1:1: error: the snapshot is empty\n  # nothing here\n  ^")
}

@Test func missingFileIsRefusedByName() {
    #expect(throws: DiagnosticsError.self) { try SnapshotReader.read(path: "/nonexistent/acme.yaml") }
    do {
        _ = try SnapshotReader.read(path: "/nonexistent/acme.yaml")
    } catch {
        #expect(error.description == "error: cannot read the snapshot '/nonexistent/acme.yaml': no such file")
    }
}

@Test func everyProblemInAFileIsReported() {
    let text = validYAML
        .replacingOccurrences(of: "amount: -88", with: "amount: 12.5")
        .replacingOccurrences(of: "at: 2026-11-15T00:00:00-06:00", with: "at: 2026-11-15T00:00:00")
        .replacingOccurrences(of: "clips: [8, 8, 8, 8, 8, 8]", with: "clips: [0]")
    guard case .failure(let error) = readSnapshot(text) else {
        Issue.record("the snapshot was accepted")
        return
    }
    #expect(error.diagnostics.map { "\($0.location!.line): \($0.message)" } == [
        "12: timestamp '2026-11-15T00:00:00' has no offset: add Z for UTC or an offset such as -06:00",
        "18: amount must be a whole number of tokens, got '12.5'",
        "23: clip seconds must be positive, got '0'",
    ])
}

/// JSON strings: escapes decoded, columns counted in Unicode scalars.
@Test func jsonStringsAndColumns() throws {
    let text = validJSON
        .replacingOccurrences(of: "\"title\": \"Summer Promo\"", with: "\"title\": \"Caf\\u00e9 \\\"Crème\\\" \\ud83d\\ude00\\n\"")
        .replacingOccurrences(of: "\"name\": \"Acme Coffee\"", with: "\"name\": \"Café Ünïcode\"")
    let snapshot = try validSnapshot(text, name: "acme.json")
    #expect(snapshot.creatives[0].title == "Café \"Crème\" 😀\n")
    #expect(snapshot.client.name == "Café Ünïcode")
    // After "Café Ünïcode" (non-ASCII), a later problem on the same line is still at the right column.
    let bad = Marked(text.replacingOccurrences(of: "\"plan\": \"growth\"", with: "\"plan\": 1️⃣\"growht\""))
    guard case .failure(let error) = readSnapshot(bad.text, name: "acme.json") else {
        Issue.record("accepted")
        return
    }
    #expect(error.diagnostics.map(\.description) == [
        bad.diagnostic("unknown plan 'growht' (did you mean 'growth'? plans in the policy: growth, scale, starter)", file: "acme.json"),
    ])
}

/// A JSON snapshot with `ids` as its entries' ids, one entry a line from line 4.
private func jsonSnapshot(ids: [String]) -> String {
    let entries = ids.enumerated().map { index, id in
        #"    {"id": "\#(id)", "at": "2026-11-20T16:14:00-06:00", "type": "auto_reload", "amount": \#(index + 1)}"#
    }
    return """
        {"generated_at": "2026-11-24T15:00:00Z",
         "client": {"id": "acme", "name": "Acme", "plan": "growth", "billing_anchor": "2026-11-15", "balance": 0},
         "entries": [

        """ + entries.joined(separator: ",\n") + "\n]}\n"
}

/// Entry ids are indexed by the reader's own table (not a dictionary): every one of
/// a log large enough to make it grow is found, and a repeat far from the first is reported.
@Test func everyEntryIsFoundByIdInALargeLog() throws {
    let ids = (0..<5000).map { $0 % 3 == 0 ? "e-\($0)" : "entry-with-a-long-identifier-\($0)" }.shuffled()
    let snapshot = try SnapshotReader.read(text: jsonSnapshot(ids: ids), name: "large.json")
    for (index, id) in ids.enumerated() {
        #expect(snapshot.entry(id: id)?.amount == index + 1)
    }
    #expect(snapshot.entry(id: "e-1") == nil && snapshot.entry(id: "") == nil)
    // Snapshots made in code index their entries the same way.
    let made = Snapshot(generatedAt: snapshot.generatedAt, client: snapshot.client, entries: snapshot.entries, source: snapshot.source)
    #expect(ids.allSatisfy { made.entry(id: $0)?.id == $0 })

    let repeated = ids + [ids[17]]
    #expect {
        try SnapshotReader.read(text: jsonSnapshot(ids: repeated), name: "large.json")
    } throws: { error in
        let messages = (error as? DiagnosticsError)?.diagnostics.map(\.message)
        return messages == ["duplicate entry id '\(ids[17])' (first at line \(4 + 17))"]
    }
}
