import Foundation
import Ledger

/// The balance at every moment of the window, replayed: where the window opens, after
/// each entry inside it, where it closes. It answers "was the expected number ever the
/// real balance?" (`balance_was`) and how the balance moved, kind by kind (the bridge).
public struct BalanceHistory: Sendable {
    /// One moment the balance held still: the window's opening, or just after an entry.
    public struct Moment: Sendable, Equatable {
        public let at: Date
        /// The entry it follows; nil for the window's opening when no entry comes before it.
        public let afterEntry: String?
        /// Plan plus rolled-over tokens at that moment.
        public let balance: Int
        /// Position among the replay's rows of the first row after this moment.
        let nextRow: Int
    }

    /// One line of the bridge: the movements of one kind inside the window.
    public struct BridgeLine: Sendable, Equatable {
        /// The entry type's id (`submission`), `plan_tokens_expired`, or an unknown type as written.
        public let kind: String
        /// As the credits page names it: `Submissions`, `Plan tokens expired`.
        public let label: String
        public internal(set) var count: Int
        public internal(set) var amount: Int
    }

    /// Window opening first, then after each entry of the window, in time order.
    public let moments: [Moment]
    public let opening: Int
    public let closing: Int
    /// One line per kind, in the order each kind first moved.
    public let lines: [BridgeLine]
    /// The replay's rows from the first after the window opens to the last before it closes.
    let window: Range<Int>

    public init(replay: Replay, opening: Opening, since: Date, until: Date) {
        let rows = replay.rows
        var balance = opening.planTokens + opening.rolloverTokens
        var lastEntry: String?
        var first = rows.count
        for position in rows.indices {
            let row = rows[position]
            if row.at >= since {
                first = position
                break
            }
            balance = row.balanceAfter
            if rows.isEntry(at: position) { lastEntry = row.id }
        }
        self.opening = balance
        var moments = [Moment(at: since, afterEntry: lastEntry, balance: balance, nextRow: first)]
        var lines: [BridgeLine] = []
        var lineOf: [String: Int] = [:]
        var end = first
        while end < rows.count, rows[end].at <= until {
            let row = rows[end]
            // What the row moved the balance by (an overage beyond the balance moved the
            // outstanding tokens instead).
            let moved = row.balanceAfter - balance
            balance = row.balanceAfter
            let (kind, label) = Self.kind(of: row)
            let line = lineOf[kind] ?? lines.count
            if line == lines.count {
                lineOf[kind] = line
                lines.append(BridgeLine(kind: kind, label: label, count: 0, amount: 0))
            }
            lines[line].count += 1
            lines[line].amount += moved
            end += 1
            // A moment is a balance the credits page showed: after an entry (an expiry comes
            // just before its renewal, so nobody saw the balance between them).
            if rows.isEntry(at: end - 1) {
                moments.append(Moment(at: row.at, afterEntry: row.id, balance: balance, nextRow: end))
            }
        }
        self.moments = moments
        closing = balance
        self.lines = lines
        window = first..<end
    }

    /// The latest moment the balance was `amount`; nil when it never was.
    public func latest(balance amount: Int) -> Moment? {
        moments.last { $0.balance == amount }
    }

    /// The moments whose balance comes closest to `amount` (at most `count`, closest first,
    /// one per balance, the latest of each).
    public func nearest(to amount: Int, count: Int = 2) -> [Moment] {
        var latestOf: [Int: Moment] = [:]
        for moment in moments { latestOf[moment.balance] = moment }
        return latestOf.values.sorted { a, b in
            let (da, db) = (abs(a.balance - amount), abs(b.balance - amount))
            return da != db ? da < db : a.at > b.at
        }.prefix(count).map { $0 }
    }

    /// The ids of the movements (entries and computed ones) after a moment, up to the window's end.
    func movements(after moment: Moment, in replay: Replay) -> [String] {
        (moment.nextRow..<window.upperBound).map { replay.rows[$0].id }
    }

    private static func kind(of row: ReplayRow) -> (String, String) {
        switch row.kind {
        case .entry(let entry): (entry.type.id, entry.type.isUnknown ? entry.type.label : plural(entry.type))
        case .movement(let movement): (movement.kind.rawValue, "Plan tokens expired")
        }
    }

    /// The bridge's name for a kind of entry: the credits page's label, in the plural.
    private static func plural(_ type: EntryType) -> String {
        switch type {
        case .submission: "Submissions"
        case .submissionRefund: "Submission refunds"
        case .showcaseOverage: "Showcase overages"
        case .planAllocation: "Plan allocations"
        case .midCycleProration: "Mid cycle prorations"
        case .manualTopUp: "Manual top ups"
        case .autoReload: "Auto reloads"
        case .adminAdjustment: "Admin adjustments"
        case .imageGeneration: "Image generation"
        case .unknown(let written): written
        }
    }
}
