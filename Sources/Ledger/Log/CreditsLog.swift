import Foundation

/// The credits page, replayed (SPEC section 4, `credits log`): the log newest
/// first, `pageSize` entries a page, each row with the buckets after it, and the
/// movements no entry records shown beside the entry they rest on.
public struct CreditsLog: Sendable {
    public let snapshot: Snapshot
    public let replay: Replay
    /// Entries a page (computed movements ride along and do not count).
    public let pageSize: Int
    /// The zone times are shown in.
    public let timeZone: TimeZone

    /// Replays the snapshot and lays it out in pages.
    public init(snapshot: Snapshot, policy: Policy, timeZone: TimeZone) {
        self.init(snapshot: snapshot, replay: Replay.run(snapshot, policy: policy), pageSize: policy.pageSize, timeZone: timeZone)
    }

    /// Lays out an existing replay in pages.
    public init(snapshot: Snapshot, replay: Replay, pageSize: Int, timeZone: TimeZone) {
        self.snapshot = snapshot
        self.replay = replay
        self.pageSize = max(1, pageSize)
        self.timeZone = timeZone
    }

    /// The zone's name as shown: its IANA name (Foundation names UTC "GMT"; people asked for UTC).
    public var timeZoneName: String {
        timeZone.identifier == "GMT" ? "UTC" : timeZone.identifier
    }

    /// How many pages there are (1 for an empty log).
    public var pageCount: Int {
        max(1, (snapshot.entries.count + pageSize - 1) / pageSize)
    }

    /// One page, numbered from 1; nil when out of range.
    public func page(_ number: Int) -> Page? {
        guard number >= 1, number <= pageCount else { return nil }
        let first = (number - 1) * pageSize
        var rows: [ReplayRow] = []
        var entriesSeen = 0
        // Newest first; a movement stays on the page of the entry it precedes in
        // time, the allocation it cites, which is listed just above it.
        for row in replay.rows.reversed() {
            if row.entry != nil {
                entriesSeen += 1
                if entriesSeen > first + pageSize { break }
                if entriesSeen > first { rows.append(row) }
            } else if entriesSeen > first {
                rows.append(row)
            }
        }
        return Page(number: number, count: pageCount, rows: rows)
    }

    /// One page of the log.
    public struct Page: Sendable {
        /// 1-based.
        public let number: Int
        /// The number of pages.
        public let count: Int
        /// Newest first: entries and the computed movements among them.
        public let rows: [ReplayRow]
    }
}
