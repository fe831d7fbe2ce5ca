import Diagnostics
import Foundation

/// Turns the document tree of a snapshot into a `Snapshot`, collecting every
/// problem (SPEC section 3 lists them) before throwing once.
struct SnapshotDecoder {
    var reader: DocumentReader
    let policy: Policy?

    init(reader: DocumentReader, policy: Policy?) {
        self.reader = reader
        self.policy = policy
    }

    mutating func decode(_ root: DocumentNode) throws(DiagnosticsError) -> Snapshot {
        guard let top = reader.mapping(root, "the snapshot", allowed: Keys.snapshot) else { throw DiagnosticsError(reader.diagnostics) }

        var version = 1
        if let node = top.optional("snapshot_version"), let number = reader.integer(node, "snapshot_version") {
            if number != 1 { reader.error("unsupported snapshot_version \(number) (this tool reads version 1)", at: node) }
            version = number
        }
        let generatedAt = top.required("generated_at", &reader).flatMap { reader.timestamp($0, "generated_at") }
        let account = top.optional("account").flatMap { self.account($0) }
        let client = top.required("client", &reader).flatMap { self.client($0) }
        let opening = top.optional("opening").map { self.opening($0) } ?? Opening()
        let creativeKeys = CreativeKeys()
        let creatives = list(top.optional("creatives"), "creatives") { this, node, _ in this.creative(node, keys: creativeKeys) }
        creativeIndex = creativeIDs.index(reportingRepeatsOf: "creative", to: &reader)
        declaredCreatives = creatives.map(\.id)
        let entries = top.required("entries", &reader).map { self.entries($0) } ?? []
        let planChanges = list(top.optional("plan_changes"), "plan_changes") { this, node, _ in this.planChange(node) }
        let otherClients = list(top.optional("other_clients"), "other_clients") { this, node, _ in this.otherClient(node) }
        let reports = list(top.optional("reports"), "reports") { this, node, _ in this.report(node) }

        guard reader.diagnostics.isEmpty, let generatedAt, let client else {
            // Problems are found section by section; show them in the order of the file
            // (rows: in the order of the tables, as found).
            guard reader.places == nil else { throw DiagnosticsError(reader.diagnostics) }
            throw DiagnosticsError(reader.diagnostics.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) })
        }
        // With no problem, every entry was kept, so positions by id are log indexes.
        return Snapshot(version: version, generatedAt: generatedAt.date, account: account, client: client, opening: opening,
                        entries: entries, creatives: creatives, planChanges: planChanges, otherClients: otherClients,
                        reports: reports, source: reader.source, entryIndex: entryIndex, creativeIndex: creativeIndex)
    }

    /// The keys each mapping allows, made once (not once per snapshot, or per row).
    private enum Keys {
        static let snapshot: DocumentReader.KeySet = [
            "snapshot_version", "generated_at", "account", "client", "opening", "entries", "creatives",
            "plan_changes", "other_clients", "reports",
        ]
        static let account: DocumentReader.KeySet = ["id", "name"]
        static let client: DocumentReader.KeySet = [
            "id", "name", "timezone", "plan", "billing_anchor", "auto_reload", "balance", "outstanding",
        ]
        static let autoReload: DocumentReader.KeySet = ["enabled", "amount"]
        static let opening: DocumentReader.KeySet = ["plan_tokens", "rollover_tokens"]
        static let planChange: DocumentReader.KeySet = ["at", "from", "to"]
        static let otherClient: DocumentReader.KeySet = ["id", "name", "balance"]
        static let report: DocumentReader.KeySet = ["id", "opened_at", "expected", "actual", "note"]
    }

    /// The elements of an optional list, each read by `element`; bad elements are left out (and reported).
    private mutating func list<Element>(_ node: DocumentNode?, _ name: String,
                                        _ element: (inout SnapshotDecoder, DocumentNode, Int) -> Element?) -> [Element] {
        guard let node, let nodes = reader.sequence(node, name) else { return [] }
        var result: [Element] = []
        result.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() {
            if let value = element(&self, node, index) { result.append(value) }
        }
        return result
    }

    private mutating func account(_ node: DocumentNode) -> Account? {
        guard let fields = reader.mapping(node, "account", allowed: Keys.account) else { return nil }
        let id = fields.required("id", &reader).flatMap { reader.string($0, "id") }
        let name = fields.required("name", &reader).flatMap { reader.string($0, "name") }
        guard let id, let name else { return nil }
        return Account(id: id, name: name)
    }

    private mutating func client(_ node: DocumentNode) -> Client? {
        guard var fields = reader.mapping(node, "client", allowed: Keys.client) else { return nil }
        let id = fields.required("id", &reader).flatMap { reader.string($0, "id") }
        fields.label = id
        let name = fields.required("name", &reader).flatMap { reader.string($0, "name") }
        let zoneNode = fields.optional("timezone")
        let zone = zoneNode.map { reader.timeZone($0, "timezone") } ?? TimeZone(identifier: "UTC")
        let plan = fields.required("plan", &reader).flatMap { self.plan($0, "plan") }
        let anchor = fields.required("billing_anchor", &reader).flatMap { reader.day($0, "billing_anchor") }
        let autoReload = fields.optional("auto_reload").map { self.autoReload($0) } ?? AutoReload()
        let balance = fields.required("balance", &reader).flatMap { reader.integer($0, "balance", unit: "tokens") }
        var outstanding = 0
        if let node = fields.optional("outstanding"), let value = reader.integer(node, "outstanding", unit: "tokens") {
            if value < 0 { reader.error("outstanding must not be negative, got \(value)", at: node) }
            outstanding = value
        }
        guard let id, let name, let zone, let plan, let anchor, let autoReload, let balance else { return nil }
        return Client(id: id, name: name, timeZone: zone, hasTimeZone: zoneNode != nil, plan: plan, billingAnchor: anchor,
                      autoReload: autoReload, balance: balance, outstanding: outstanding, location: reader.location(of: node))
    }

    /// A plan name, checked against the policy's plans when there is a policy.
    private mutating func plan(_ node: DocumentNode, _ name: String) -> String? {
        guard let plan = reader.string(node, name) else { return nil }
        if let policy, policy.allocation(plan: plan) == nil {
            let hint = Suggestion.closest(to: plan, among: policy.planNames).map { "did you mean '\($0)'? " } ?? ""
            reader.error("unknown plan '\(plan)' (\(hint)plans in the policy: \(policy.planNames.joined(separator: ", ")))", at: node)
            return nil
        }
        return plan
    }

    private mutating func autoReload(_ node: DocumentNode) -> AutoReload? {
        guard let fields = reader.mapping(node, "auto_reload", allowed: Keys.autoReload) else { return nil }
        let enabled = fields.optional("enabled").map { reader.boolean($0, "enabled") } ?? false
        var amount: Int?
        if let node = fields.optional("amount"), let value = reader.integer(node, "amount", unit: "tokens") {
            if value <= 0 { reader.error("the auto reload amount must be positive, got \(value)", at: node) }
            amount = value
        }
        guard let enabled else { return nil }
        return AutoReload(enabled: enabled, amount: amount)
    }

    private mutating func opening(_ node: DocumentNode) -> Opening {
        guard let fields = reader.mapping(node, "opening", allowed: Keys.opening) else { return Opening() }
        let plan = fields.required("plan_tokens", &reader).flatMap { reader.integer($0, "plan_tokens", unit: "tokens") }
        let rollover = fields.required("rollover_tokens", &reader).flatMap { reader.integer($0, "rollover_tokens", unit: "tokens") }
        return Opening(planTokens: plan ?? 0, rolloverTokens: rollover ?? 0, isGiven: true)
    }

    /// The entries' ids, and the index of them the snapshot keeps.
    private var entryIDs = IDList()
    private var entryIndex = IDIndex()

    private mutating func entries(_ node: DocumentNode) -> [LedgerEntry] {
        if reader.document[node].kind == .sequence { entryIDs.reserveCapacity(Int(reader.document[node].count)) }
        guard let nodes = reader.sequence(node, "entries") else { return [] }
        var entries: [LedgerEntry] = []
        entries.reserveCapacity(nodes.count)
        let keys = EntryKeys()
        for (index, node) in nodes.enumerated() {
            appendEntry(node, logIndex: index, keys: keys, to: &entries)
        }
        entryIndex = entryIDs.index(reportingRepeatsOf: "entry", to: &reader)
        return entries
    }

    /// An entry's keys, resolved once for the whole list and handed to each entry: read
    /// from static properties, each of 600,000 uses went through a once-only check.
    private struct EntryKeys {
        private static let set: DocumentReader.KeySet = ["id", "at", "type", "amount", "creative", "note"]
        let all = EntryKeys.set
        let id = EntryKeys.set.key("id"), at = EntryKeys.set.key("at"), type = EntryKeys.set.key("type")
        let amount = EntryKeys.set.key("amount"), creative = EntryKeys.set.key("creative"), note = EntryKeys.set.key("note")
    }

    /// Reads an entry and appends it, unless it has a problem (which is reported). Appends
    /// rather than returns: a returned `LedgerEntry?` went through the stack, stored in
    /// pieces and read back whole, a store-forwarding stall on every entry (perf annotate).
    private mutating func appendEntry(_ node: DocumentNode, logIndex: Int, keys: EntryKeys, to entries: inout [LedgerEntry]) {
        var fields = DocumentReader.Fields(node: node, name: "entry", keys: keys.all)
        guard reader.read(&fields) else { return }
        let idNode = fields.required(keys.id, &reader)
        let id = idNode.flatMap { reader.string($0, "id") }
        if let id, let idNode {
            fields.label = id
            entryIDs.append(id, at: idNode)
        }
        let at = fields.required(keys.at, &reader).flatMap { reader.timestamp($0, "at") }
        let type = fields.required(keys.type, &reader).flatMap { self.entryType($0) }
        let amount = fields.required(keys.amount, &reader).flatMap { reader.integer($0, "amount", unit: "tokens") }
        var creative: String?
        if let node = fields.optional(keys.creative), let value = reader.string(node, "creative") {
            creative = value
            if creativeIndex.position(of: value, id: { declaredCreatives[$0] }) == nil {
                reader.error("creative '\(value)' is not declared in creatives", at: node)
            }
        }
        let note = fields.optional(keys.note).flatMap { reader.string($0, "note") }
        guard let id, let at, let type, let amount else { return }
        entries.append(LedgerEntry(id: id, at: at.date, offsetSeconds: at.offsetSeconds ?? 0, type: type, amount: amount,
                                   creative: creative, note: note, logIndex: logIndex,
                                   line: reader.line(of: node), column: reader.column(of: node)))
    }

    private mutating func entryType(_ node: DocumentNode) -> EntryType? {
        // Read from the bytes: a string is made only for an unknown type, to keep it.
        let read = reader.document.withScalarBytes(node) { bytes -> EntryType? in
            guard bytes.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return nil }
            return EntryType.known(utf8: bytes) ?? .unknown(String(decoding: bytes, as: UTF8.self))
        }
        switch read {
        case .none:
            _ = reader.string(node, "type")   // reports what it is instead of text
            return nil
        case .some(.none):
            reader.error("type must name an entry type, got an empty string", at: node)
            return nil
        case .some(.some(let type)):
            return type
        }
    }

    /// A creative's keys, resolved once for the whole list (as `EntryKeys`).
    private struct CreativeKeys {
        private static let set: DocumentReader.KeySet = [
            "id", "title", "submitted_at", "status", "delivered_at", "clips", "delivered_seconds",
        ]
        let all = CreativeKeys.set
        let id = CreativeKeys.set.key("id"), title = CreativeKeys.set.key("title")
        let submittedAt = CreativeKeys.set.key("submitted_at"), status = CreativeKeys.set.key("status")
        let deliveredAt = CreativeKeys.set.key("delivered_at"), clips = CreativeKeys.set.key("clips")
        let deliveredSeconds = CreativeKeys.set.key("delivered_seconds")
    }

    /// The creatives' ids, and the index of them, built once every creative is read and
    /// before the entries that refer to them. A creative is kept, and its id listed,
    /// exactly when it has an id, so positions in the index are positions in
    /// `declaredCreatives`: the ids alone, 16 bytes each, for entries to compare theirs
    /// with (a `Creative` is 120 bytes, and 10,000 of them do not stay in the cache).
    private var declaredCreatives: [String] = []
    private var creativeIDs = IDList()
    private var creativeIndex = IDIndex()

    private mutating func creative(_ node: DocumentNode, keys: CreativeKeys) -> Creative? {
        var fields = DocumentReader.Fields(node: node, name: "creative", keys: keys.all)
        guard reader.read(&fields) else { return nil }
        let idNode = fields.required(keys.id, &reader)
        let id = idNode.flatMap { reader.string($0, "id") }
        fields.label = id
        if let id, let idNode { creativeIDs.append(id, at: idNode) }
        let title = fields.optional(keys.title).flatMap { reader.string($0, "title") } ?? ""
        let submittedAt = fields.optional(keys.submittedAt).flatMap { reader.timestamp($0, "submitted_at") }
        let deliveredAt = fields.optional(keys.deliveredAt).flatMap { reader.timestamp($0, "delivered_at") }
        let clips = fields.optional(keys.clips).map { self.clips($0) } ?? []
        var deliveredSeconds: Int?
        if let node = fields.optional(keys.deliveredSeconds), let value = reader.integer(node, "delivered_seconds", unit: "seconds") {
            if value < 0 { reader.error("delivered_seconds must not be negative, got \(value)", at: node) }
            deliveredSeconds = value
        }
        var status: CreativeStatus = deliveredAt != nil || deliveredSeconds != nil ? .delivered : .inFlight
        if let node = fields.optional(keys.status), let text = reader.string(node, "status") {
            if let value = CreativeStatus(rawValue: text) {
                status = value
            } else {
                reader.error("status must be in_flight or delivered, got '\(text)'", at: node)
            }
        }
        guard let id else { return nil }
        return Creative(id: id, title: title, submittedAt: submittedAt?.date, status: status, deliveredAt: deliveredAt?.date,
                        clips: clips, deliveredSeconds: deliveredSeconds, location: reader.location(of: node))
    }

    /// Clip lengths in seconds; fractions are rounded up, as the pricing bills them.
    private mutating func clips(_ node: DocumentNode) -> [Int] {
        guard let elements = reader.sequence(node, "clips") else { return [] }
        var clips: [Int] = []
        clips.reserveCapacity(elements.count)
        for element in elements {
            guard let seconds = reader.decimal(element, "clip seconds") else { continue }
            guard seconds > 0 else {
                reader.error("clip seconds must be positive, got \(reader.shown(element))", at: element)
                continue
            }
            clips.append(Int(seconds.rounded(.up)))
        }
        return clips
    }

    private mutating func planChange(_ node: DocumentNode) -> PlanChange? {
        guard let fields = reader.mapping(node, "plan change", allowed: Keys.planChange) else { return nil }
        let at = fields.required("at", &reader).flatMap { reader.timestamp($0, "at") }
        let from = fields.required("from", &reader).flatMap { self.plan($0, "from") }
        let to = fields.required("to", &reader).flatMap { self.plan($0, "to") }
        guard let at, let from, let to else { return nil }
        return PlanChange(at: at.date, from: from, to: to, location: reader.location(of: node))
    }

    private mutating func otherClient(_ node: DocumentNode) -> OtherClient? {
        guard var fields = reader.mapping(node, "other client", allowed: Keys.otherClient) else { return nil }
        let id = fields.required("id", &reader).flatMap { reader.string($0, "id") }
        fields.label = id
        let name = fields.required("name", &reader).flatMap { reader.string($0, "name") }
        let balance = fields.required("balance", &reader).flatMap { reader.integer($0, "balance", unit: "tokens") }
        guard let id, let name, let balance else { return nil }
        return OtherClient(id: id, name: name, balance: balance)
    }

    private mutating func report(_ node: DocumentNode) -> Report? {
        guard var fields = reader.mapping(node, "report", allowed: Keys.report) else { return nil }
        let id = fields.required("id", &reader).flatMap { reader.string($0, "id") }
        fields.label = id
        let openedAt = fields.required("opened_at", &reader).flatMap { reader.timestamp($0, "opened_at") }
        let expected = fields.required("expected", &reader).flatMap { reader.integer($0, "expected", unit: "tokens") }
        let actual = fields.required("actual", &reader).flatMap { reader.integer($0, "actual", unit: "tokens") }
        let note = fields.optional("note").flatMap { reader.string($0, "note") }
        guard let id, let openedAt, let expected, let actual else { return nil }
        return Report(id: id, openedAt: openedAt.date, expected: expected, actual: actual, note: note,
                      location: reader.location(of: node))
    }
}

/// The ids of one list of a snapshot (entries, creatives) as they are read, checked for
/// repeats once the list is read (see `IDIndex` for why not as they come).
private struct IDList {
    /// Where each id is written, in reading order, and its `IDIndex` word. A position is
    /// the order among the elements that have an id: when nothing is wrong (the only case
    /// where the index is kept), every element has one, so it is the element's position
    /// in its list. The ids are not kept: they are compared only when two hashes are
    /// equal, and read again from the document then.
    private var nodes: [DocumentNode] = []
    private var words: [UInt64] = []

    mutating func reserveCapacity(_ count: Int) {
        nodes.reserveCapacity(count)
        words.reserveCapacity(count)
    }

    mutating func append(_ id: String, at node: DocumentNode) {
        words.append(IDIndex.word(id, at: nodes.count))
        nodes.append(node)
    }

    /// The id at a position, as the reader reads it (`DocumentReader.string`).
    func id(at position: Int, in document: Document) -> String {
        document.text(of: nodes[position]) ?? ""
    }

    /// The index of the ids; each id written again is reported where it is, with the
    /// line it was first written at: "duplicate entry id 'e-7' (first at line 12)".
    func index(reportingRepeatsOf kind: String, to reader: inout DocumentReader) -> IDIndex {
        let document = reader.document
        let (index, repeats) = IDIndex.build(words) { id(at: $0, in: document) }
        for (position, first) in repeats {
            reader.error("duplicate \(kind) id '\(id(at: position, in: document))'\(reader.firstAt(nodes[first]))",
                         at: nodes[position])
        }
        return index
    }
}
