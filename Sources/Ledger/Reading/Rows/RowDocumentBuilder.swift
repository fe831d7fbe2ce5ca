import Foundation

/// Turns a client's rows into the document a snapshot file would give (the same keys,
/// nested the same way), with each value's row and column as its position, so that
/// the one checker (`SnapshotDecoder`) applies SPEC section 3 to rows as to files.
/// Problems that only rows can have (a clip of no creative, an account that is not in
/// `accounts`) are noted here, at their place, for the checker to report with its own.
struct RowDocumentBuilder {
    private(set) var document = Document()
    private(set) var places: RowPlaces
    /// Problems of the rows themselves, each at the node of the value concerned.
    private(set) var problems: [(message: String, node: DocumentNode)] = []
    /// Each key's node, added once and shared by every mapping that has the key.
    private var keys: [String: DocumentNode] = [:]
    /// The members of the mapping being made (`mapping`), kept to be reused row after row.
    private var members: [Int32] = []

    init(rows: ClientRows) {
        places = RowPlaces(rows: rows)
    }

    /// The document's root: the snapshot mapping. `now` stands for a NULL `generated_at`
    /// (live data: "now" is when the rows were read).
    mutating func snapshot(_ rows: ClientRows, now: Date) -> DocumentNode {
        let scalars = rows.entries.valueCount + rows.creatives.valueCount + rows.clips.valueCount
        document.reserveCapacity(nodes: 2 * scalars, children: 2 * scalars)
        var top: [Int32] = []
        let clientLine = places.add(.clients, row: 0)
        let generated = rows.client[C.generatedAt] == .null
            ? document.addScalar(.quoted, appending: ISOTimestamp.format(now, offsetSeconds: 0), line: clientLine, column: C.generatedAt + 1)
            : value(rows.client[C.generatedAt], line: clientLine, column: C.generatedAt)
        pair("generated_at", generated, into: &top)
        if let account = account(rows, clientLine: clientLine) { pair("account", account, into: &top) }
        pair("client", client(rows.client, line: clientLine), into: &top)
        if rows.client[C.openingPlan] != .null || rows.client[C.openingRollover] != .null {
            pair("opening", mapping(fields([("plan_tokens", C.openingPlan), ("rollover_tokens", C.openingRollover)]),
                                    of: rows.client[...], line: clientLine), into: &top)
        }
        pair("entries", list(rows.entries, fields: [("id", E.id), ("at", E.at), ("type", E.type), ("amount", E.amount),
                                                    ("creative", E.creative), ("note", E.note)]), into: &top)
        pair("creatives", creatives(rows), into: &top)
        pair("plan_changes", list(rows.planChanges, fields: [("at", P.at), ("from", P.from), ("to", P.to)]), into: &top)
        pair("other_clients", list(rows.otherClients, fields: [("id", O.id), ("name", O.name), ("balance", O.balance)]), into: &top)
        pair("reports", list(rows.reports, fields: [("id", R.id), ("opened_at", R.openedAt), ("expected", R.expected),
                                                    ("actual", R.actual), ("note", R.note)]), into: &top)
        let root = document.addContainer(.mapping, members: top[...], line: clientLine, column: 0)
        document.setRoot(root)
        return root
    }

    // MARK: The tables

    private mutating func account(_ rows: ClientRows, clientLine: Int) -> DocumentNode? {
        guard let account = rows.account else {
            if let id = rows.client[C.accountID].id {
                let node = value(rows.client[C.accountID], line: clientLine, column: C.accountID)
                problems.append(("account '\(id)' is not in accounts", node))
            }
            return nil
        }
        let line = places.add(.accounts, row: 0)
        return mapping(fields([("id", 0), ("name", 1)]), of: account[...], line: line)
    }

    private mutating func client(_ row: [RowValue], line: Int) -> DocumentNode {
        var members: [Int32] = []
        for (key, column) in [("id", C.id), ("name", C.name), ("timezone", C.timezone), ("plan", C.plan),
                              ("billing_anchor", C.billingAnchor)] {
            pair(key, value(row[column], line: line, column: column), into: &members)
        }
        var reload: [Int32] = []
        pair("enabled", value(row[C.reloadEnabled], line: line, column: C.reloadEnabled, boolean: true), into: &reload)
        pair("amount", value(row[C.reloadAmount], line: line, column: C.reloadAmount), into: &reload)
        pair("auto_reload", document.addContainer(.mapping, members: reload[...], line: line, column: C.reloadEnabled + 1), into: &members)
        for (key, column) in [("balance", C.balance), ("outstanding", C.outstanding)] {
            pair(key, value(row[column], line: line, column: column), into: &members)
        }
        return document.addContainer(.mapping, members: members[...], line: line, column: 0)
    }

    private mutating func creatives(_ rows: ClientRows) -> DocumentNode {
        var clips = ClipGroups(rows.clips)
        var claimed = [Bool](repeating: false, count: clips.count)
        let fields = fields([("id", V.id), ("title", V.title), ("submitted_at", V.submittedAt), ("status", V.status),
                             ("delivered_at", V.deliveredAt), ("delivered_seconds", V.deliveredSeconds)])
        let clipsKey = keyNode("clips").index
        var elements: [Int32] = []
        elements.reserveCapacity(rows.creatives.count)
        var seconds: [Int32] = []
        let text = document.appendBytes(of: rows.creatives)
        for row in 0..<rows.creatives.count {
            let line = places.add(.creatives, row: row)
            members.removeAll(keepingCapacity: true)
            for (key, column) in fields {
                let node = value(rows.creatives, row, column, line: line, text: text)
                members.append(key)
                members.append(node.index)
            }
            if let group = clips.group(ofCreative: row, in: rows.creatives, column: V.id) {
                claimed[group] = true
                seconds.removeAll(keepingCapacity: true)
                var clip = clips.first(of: group)
                while clip >= 0 {
                    let clipLine = places.add(.clips, row: clip)
                    seconds.append(value(rows.clips, clip, K.seconds, line: clipLine).index)
                    clip = clips.next(after: clip)
                }
                members.append(clipsKey)
                members.append(document.addContainer(.sequence, members: seconds[...], line: line, column: 0).index)
            }
            elements.append(document.addContainer(.mapping, members: members[...], line: line, column: 0).index)
        }
        for row in 0..<rows.clips.count {
            guard rows.clips.kind(row, K.creative) == .null || !claimed[Int(clips.groupOfRow[row])] else { continue }
            let creative = rows.clips[row, K.creative]
            let line = places.add(.clips, row: row)
            problems.append(("clip of creative \(creative.id.map { "'\($0)'" } ?? "NULL"), which is not in creatives",
                             value(creative, line: line, column: K.creative)))
        }
        return document.addContainer(.sequence, members: elements[...], line: 0, column: 0)
    }

    /// A list of mappings, one per row, each with `fields` (a key and the column it is read from).
    private mutating func list(_ rows: RowList, fields: [(String, Int)]) -> DocumentNode {
        let fields = self.fields(fields)
        var elements: [Int32] = []
        elements.reserveCapacity(rows.count)
        let text = document.appendBytes(of: rows)
        for row in 0..<rows.count {
            let line = places.add(rows.table, row: row)
            members.removeAll(keepingCapacity: true)
            for (key, column) in fields {
                members.append(key)
                members.append(value(rows, row, column, line: line, text: text).index)
            }
            elements.append(document.addContainer(.mapping, members: members[...], line: line, column: 0).index)
        }
        return document.addContainer(.sequence, members: elements[...], line: 0, column: 0)
    }

    // MARK: Nodes

    /// Fields with each key as its node: found once for a whole list, not once per row.
    private mutating func fields(_ fields: [(String, Int)]) -> [(key: Int32, column: Int)] {
        fields.map { (keyNode($0.0).index, $0.1) }
    }

    private mutating func mapping(_ fields: [(key: Int32, column: Int)], of row: ArraySlice<RowValue>, line: Int) -> DocumentNode {
        members.removeAll(keepingCapacity: true)
        for (key, column) in fields {
            let node = value(row[row.startIndex + column], line: line, column: column)
            members.append(key)
            members.append(node.index)
        }
        return document.addContainer(.mapping, members: members[...], line: line, column: 0)
    }

    private mutating func pair(_ key: String, _ value: DocumentNode, into members: inout [Int32]) {
        members.append(keyNode(key).index)
        members.append(value.index)
    }

    private mutating func keyNode(_ name: String) -> DocumentNode {
        if let node = keys[name] { return node }
        let node = document.addScalar(.plain, appending: name, line: 0, column: 0)
        keys[name] = node
        return node
    }

    /// A value of a list as `value(_:line:column:boolean:)` writes it, read from the list's
    /// buffers: no `RowValue`, no string. `text`: where the list's text was copied into the
    /// document (`Document.appendBytes(of:)`), if it was; else a text value is copied alone.
    private mutating func value(_ list: RowList, _ row: Int, _ column: Int, line: Int, text: Int? = nil) -> DocumentNode {
        switch list.kind(row, column) {
        case .integer:
            return document.addScalar(wholeNumber: list.integer(row, column), line: line, column: column + 1)
        case .text:
            if let text {
                let (start, count) = list.textRange(row, column)
                return document.addScalar(.quoted, byteOffset: text + start, length: count, line: line, column: column + 1)
            }
            return list.withText(row, column) { document.addScalar(.quoted, appendingUTF8: $0, line: line, column: column + 1) }
        case .null, .real, .bool:
            return value(list[row, column], line: line, column: column)
        }
    }

    /// A value as a file would write it: text quoted, numbers and booleans plain. In a
    /// `boolean` column (SQLite keeps booleans as 0 and 1), 0 and 1 are false and true.
    private mutating func value(_ value: RowValue, line: Int, column: Int, boolean: Bool = false) -> DocumentNode {
        let column = column + 1
        switch value {
        case .null: return document.addNull(line: line, column: column)
        case .integer(let number):
            guard boolean && (number == 0 || number == 1) else { return document.addScalar(wholeNumber: number, line: line, column: column) }
            return document.addScalar(.plain, appending: number == 1 ? "true" : "false", line: line, column: column)
        case .real(let number): return document.addScalar(.plain, appending: String(number), line: line, column: column)
        case .text(let text): return document.addScalar(.quoted, appending: text, line: line, column: column)
        case .bool(let flag): return document.addScalar(.plain, appending: flag ? "true" : "false", line: line, column: column)
        }
    }
}

/// A client's clip rows grouped by creative id (a NULL id counting as empty), each
/// group's rows in the order read. The store reads clips ordered by creative id and
/// creatives by id: when the runs of clips of one creative come in strictly increasing
/// order of their ids' bytes (SQLite's order, and any store's for plain ids), each run is
/// a group, and a creative finds its group by comparing bytes, the next run first, with
/// no string and no hash (a client has thousands of clips). Otherwise groups are found
/// by id in a dictionary, runs of the same id joined.
private struct ClipGroups {
    /// Each row's group.
    private(set) var groupOfRow: [Int32] = []
    /// Each group's first row, and each row's next row in its group (-1: none).
    private var first: [Int32] = []
    private var next: [Int32] = []
    /// True when the groups are runs in increasing byte order of their (text) ids.
    private var ordered = true
    /// Groups by id: made at once when not `ordered`, else for a creative whose id is not text.
    private var byID: [String: Int]?
    /// The group after the one a creative found last: the likely next one.
    private var cursor = 0
    private let clips: RowList

    init(_ clips: RowList) {
        self.clips = clips
        let count = clips.count
        groupOfRow.reserveCapacity(count)
        next = [Int32](repeating: -1, count: count)
        for row in 0..<count {
            if row > 0, clips.sameValue(row, row - 1, column: K.creative) {
                next[row - 1] = Int32(row)
            } else {
                if ordered, !(first.last.map { clips.compareText(Int($0), K.creative, with: clips, row, K.creative) == -1 }
                              ?? (clips.kind(row, K.creative) == .text)) {
                    ordered = false
                    break
                }
                first.append(Int32(row))
            }
            groupOfRow.append(Int32(first.count - 1))
        }
        if !ordered { joinByID() }
    }

    /// Groups by id, runs of the same id joined: for clips in no order the runs show.
    private mutating func joinByID() {
        var byID: [String: Int] = [:]
        groupOfRow.removeAll(keepingCapacity: true)
        first.removeAll(keepingCapacity: true)
        next = [Int32](repeating: -1, count: clips.count)
        var last: [Int32] = []
        for row in 0..<clips.count {
            let group: Int
            if row > 0, clips.sameValue(row, row - 1, column: K.creative) {
                group = Int(groupOfRow[row - 1])
            } else if let known = byID[clips[row, K.creative].id ?? ""] {
                group = known
            } else {
                group = first.count
                byID[clips[row, K.creative].id ?? ""] = group
                first.append(Int32(row))
                last.append(Int32(row))
            }
            if last[group] != row { next[Int(last[group])] = Int32(row) }
            last[group] = Int32(row)
            groupOfRow.append(Int32(group))
        }
        self.byID = byID
    }

    /// The number of groups.
    var count: Int { first.count }

    /// The group of the creative in `row` of `creatives` (its id in `column`); nil when
    /// its id is NULL or no clip names it.
    mutating func group(ofCreative row: Int, in creatives: RowList, column: Int) -> Int? {
        switch creatives.kind(row, column) {
        case .null:
            return nil
        case .text where ordered:
            if cursor < count, clips.compareText(Int(first[cursor]), K.creative, with: creatives, row, column) == 0 {
                cursor += 1
                return cursor - 1
            }
            var low = 0, high = count
            while low < high {
                let middle = (low + high) / 2
                switch clips.compareText(Int(first[middle]), K.creative, with: creatives, row, column) {
                case -1: low = middle + 1
                case 1: high = middle
                default:
                    cursor = middle + 1
                    return middle
                }
            }
            return nil
        default:
            if byID == nil {
                byID = Dictionary(first.indices.map { (clips[Int(first[$0]), K.creative].id ?? "", $0) }, uniquingKeysWith: { a, _ in a })
            }
            return byID?[creatives[row, column].id ?? ""]
        }
    }

    /// A group's first row.
    func first(of group: Int) -> Int {
        Int(first[group])
    }

    /// The row after `row` in its group; -1 after the last.
    func next(after row: Int) -> Int {
        Int(next[row])
    }
}

/// Column positions, found once by name (`StoreTable.columns` is the one list).
private enum C {
    static let id = StoreTable.clients.column("id"), accountID = StoreTable.clients.column("account_id")
    static let name = StoreTable.clients.column("name"), timezone = StoreTable.clients.column("timezone")
    static let plan = StoreTable.clients.column("plan"), billingAnchor = StoreTable.clients.column("billing_anchor")
    static let reloadEnabled = StoreTable.clients.column("auto_reload_enabled")
    static let reloadAmount = StoreTable.clients.column("auto_reload_amount")
    static let balance = StoreTable.clients.column("balance"), outstanding = StoreTable.clients.column("outstanding")
    static let openingPlan = StoreTable.clients.column("opening_plan_tokens")
    static let openingRollover = StoreTable.clients.column("opening_rollover_tokens")
    static let generatedAt = StoreTable.clients.column("generated_at")
}

private enum E {
    static let id = StoreTable.entries.column("id"), at = StoreTable.entries.column("at"), type = StoreTable.entries.column("type")
    static let amount = StoreTable.entries.column("amount"), creative = StoreTable.entries.column("creative_id")
    static let note = StoreTable.entries.column("note")
}

private enum V {
    static let id = StoreTable.creatives.column("id"), title = StoreTable.creatives.column("title")
    static let submittedAt = StoreTable.creatives.column("submitted_at"), status = StoreTable.creatives.column("status")
    static let deliveredAt = StoreTable.creatives.column("delivered_at")
    static let deliveredSeconds = StoreTable.creatives.column("delivered_seconds")
}

private enum K {
    static let creative = StoreTable.clips.column("creative_id"), position = StoreTable.clips.column("position")
    static let seconds = StoreTable.clips.column("seconds")
}

private enum P {
    static let at = StoreTable.planChanges.column("at"), from = StoreTable.planChanges.column("from_plan")
    static let to = StoreTable.planChanges.column("to_plan")
}

private enum O {
    static let id = StoreTable.otherClients.column("id"), name = StoreTable.otherClients.column("name")
    static let balance = StoreTable.otherClients.column("balance")
}

private enum R {
    static let id = StoreTable.reports.column("id"), openedAt = StoreTable.reports.column("opened_at")
    static let expected = StoreTable.reports.column("expected"), actual = StoreTable.reports.column("actual")
    static let note = StoreTable.reports.column("note")
}
