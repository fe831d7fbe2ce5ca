import Diagnostics
import Foundation

/// Reads a client snapshot (SPEC section 3) from YAML or JSON, refusing bad input
/// with every problem found, each at its file:line:column.
public enum SnapshotReader {
    /// Reads a snapshot file, or standard input for `-`, within `limit`. With a policy,
    /// plan names are checked against its plans too.
    public static func read(path: String, policy: Policy? = nil, limit: InputLimit = .standard) throws(DiagnosticsError) -> Snapshot {
        let name = path == "-" ? "<stdin>" : path
        let text = try InputFile.read(path: path, name: name, what: "the snapshot", limit: limit)
        return try read(text: text, name: name, policy: policy)
    }

    /// Reads a snapshot from text; `name` is the file name messages show. JSON when
    /// the name ends in `.json`, YAML when in `.yaml` or `.yml`, else JSON when the
    /// text starts with `{`.
    public static func read(text: String, name: String, policy: Policy? = nil) throws(DiagnosticsError) -> Snapshot {
        try measure(text: text, name: name, policy: policy).snapshot
    }

    enum Format { case json, yaml }

    static func format(of text: String, name: String) -> Format {
        let lowered = name.lowercased()
        if lowered.hasSuffix(".json") { return .json }
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return .yaml }
        let first = text.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first == UInt8(ascii: "{") ? .json : .yaml
    }
}

extension SnapshotReader {
    /// Where reading time goes, for the `bench-ledger` benchmark: the parser's share
    /// (text to document tree) and ours (tree to a checked `Snapshot`), in CPU time of
    /// the reading thread, so that other work on a shared machine does not count.
    public struct Timings: Sendable {
        /// The source's line table (`Diagnostics.SourceFile`), kept for messages and citations.
        public let lineTableSeconds: Double
        /// Text to document tree.
        public let parseSeconds: Double
        /// Tree to a checked snapshot.
        public let decodeSeconds: Double
        /// Freeing the document tree once it has been read.
        public let releaseSeconds: Double
        public let snapshot: Snapshot
    }

    /// Reads like `read(text:name:policy:)` (which calls it) and reports the time of each stage.
    public static func measure(text: String, name: String, policy: Policy? = nil) throws(DiagnosticsError) -> Timings {
        let start = threadCPUSeconds()
        let source = SourceFile(name: name, text: text)
        let indexed = threadCPUSeconds()
        var document: Document?
        switch format(of: text, name: name) {
        case .json: document = try JSONDocument.parse(source)
        case .yaml: document = try YAMLDocument.parse(source)
        }
        let parsed = threadCPUSeconds()
        guard let root = document?.root else {
            throw DiagnosticsError([source.diagnostic("the snapshot is empty", at: SourceLocation(file: name, line: 1, column: 1))])
        }
        var decoder = SnapshotDecoder(reader: DocumentReader(source: source, document: document!), policy: policy)
        let snapshot = try decoder.decode(root)
        let decoded = threadCPUSeconds()
        decoder = SnapshotDecoder(reader: DocumentReader(source: source, document: Document()), policy: nil)
        document = nil
        let released = threadCPUSeconds()
        return Timings(lineTableSeconds: indexed - start, parseSeconds: parsed - indexed, decodeSeconds: decoded - parsed, releaseSeconds: released - decoded,
                       snapshot: snapshot)
    }
}

/// CPU seconds the calling thread has used: unlike wall-clock time, not inflated
/// when other processes share the cores.
public func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

extension SnapshotReader {
    /// Reads a snapshot from a client's store rows (SPEC section 9): the rows become
    /// the document a file would give, checked by the same rules, each problem named by
    /// its table, client, row and column (`clients/acme entries/e-9 creative_id: ...`).
    /// `now` stands for a NULL `generated_at` (live data).
    public static func read(rows: ClientRows, policy: Policy? = nil, now: Date) throws(DiagnosticsError) -> Snapshot {
        var builder = RowDocumentBuilder(rows: rows)
        let root = builder.snapshot(rows, now: now)
        let reader = DocumentReader(source: SourceFile(name: "clients/\(rows.clientID)", text: ""), document: builder.document,
                                    places: builder.places)
        // The problems only rows can have come after the checker's.
        let rowProblems = builder.problems.map { Diagnostic(message: $0.message, location: reader.location(of: $0.node)) }
        var decoder = SnapshotDecoder(reader: reader, policy: policy)
        let snapshot: Snapshot
        do {
            snapshot = try decoder.decode(root)
        } catch {
            throw DiagnosticsError(error.diagnostics + rowProblems)
        }
        guard rowProblems.isEmpty else { throw DiagnosticsError(rowProblems) }
        return snapshot
    }
}
