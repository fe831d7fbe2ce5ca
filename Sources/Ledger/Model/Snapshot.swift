import Diagnostics
import Foundation

/// A client snapshot (SPEC section 3): the client, its credits log and what the log refers to.
public struct Snapshot: Sendable {
    /// `snapshot_version`; 1.
    public let version: Int
    /// "Now" for this snapshot; relative windows count back from it.
    public let generatedAt: Date
    public let account: Account?
    public let client: Client
    public let opening: Opening
    /// The credits log in input order (`logIndex` is the position here).
    public let entries: [LedgerEntry]
    public let creatives: [Creative]
    public let planChanges: [PlanChange]
    public let otherClients: [OtherClient]
    public let reports: [Report]
    /// The text it was read from, for citations and messages.
    public let source: SourceFile

    private let creativeIndex: IDIndex
    private let entryIndex: IDIndex

    /// Makes a snapshot; ids are expected to be unique (the reader checks that).
    public init(version: Int = 1, generatedAt: Date, account: Account? = nil, client: Client, opening: Opening = Opening(),
                entries: [LedgerEntry], creatives: [Creative] = [], planChanges: [PlanChange] = [],
                otherClients: [OtherClient] = [], reports: [Report] = [], source: SourceFile) {
        self.init(version: version, generatedAt: generatedAt, account: account, client: client, opening: opening,
                  entries: entries, creatives: creatives, planChanges: planChanges, otherClients: otherClients,
                  reports: reports, source: source,
                  entryIndex: IDIndex(ids: entries.map(\.id)), creativeIndex: IDIndex(ids: creatives.map(\.id)))
    }

    /// The reader's way in: it has already indexed the entries and creatives while checking their ids.
    init(version: Int, generatedAt: Date, account: Account?, client: Client, opening: Opening, entries: [LedgerEntry],
         creatives: [Creative], planChanges: [PlanChange], otherClients: [OtherClient], reports: [Report],
         source: SourceFile, entryIndex: IDIndex, creativeIndex: IDIndex) {
        self.version = version
        self.generatedAt = generatedAt
        self.account = account
        self.client = client
        self.opening = opening
        self.entries = entries
        self.creatives = creatives
        self.planChanges = planChanges
        self.otherClients = otherClients
        self.reports = reports
        self.source = source
        self.creativeIndex = creativeIndex
        self.entryIndex = entryIndex
    }

    /// The creative with this id, if the snapshot declares it.
    public func creative(id: String) -> Creative? {
        creativeIndex.position(of: id) { creatives[$0].id }.map { creatives[$0] }
    }

    /// Where an entry was written: `file:line:column` in the source it was read from.
    public func location(of entry: LedgerEntry) -> SourceLocation {
        SourceLocation(file: source.name, line: entry.line, column: entry.column)
    }

    /// The entry with this id, if the log has it.
    public func entry(id: String) -> LedgerEntry? {
        entryIndex.position(of: id) { entries[$0].id }.map { entries[$0] }
    }
}

extension IDIndex {
    /// Positions by id in `ids`; the first of a repeated id wins.
    init(ids: [String]) {
        self = IDIndex.build(ids.indices.map { IDIndex.word(ids[$0], at: $0) }) { ids[$0] }.index
    }
}
