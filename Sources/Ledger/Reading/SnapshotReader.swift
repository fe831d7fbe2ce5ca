import Diagnostics
import Foundation

/// Reads a client snapshot (SPEC section 3) from YAML or JSON, refusing bad input
/// with every problem found, each at its file:line:column.
public enum SnapshotReader {
    /// Reads a snapshot file, or standard input for `-`. With a policy, plan names
    /// are checked against its plans too.
    public static func read(path: String, policy: Policy? = nil) throws(DiagnosticsError) -> Snapshot {
        let name = path == "-" ? "<stdin>" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file"
                throw DiagnosticsError([Diagnostic(message: "cannot read the snapshot '\(path)': \(reason)")])
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(message: "the snapshot '\(name)' is not UTF-8 text",
                                               location: SourceLocation(file: name, line: 1, column: 1))])
        }
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
    /// (text to document tree) and ours (tree to a checked `Snapshot`).
    public struct Timings: Sendable {
        /// Text to document tree (the line table included).
        public let parseSeconds: Double
        /// Tree to a checked snapshot.
        public let decodeSeconds: Double
        /// Freeing the document tree once it has been read.
        public let releaseSeconds: Double
        public let snapshot: Snapshot
    }

    /// Reads like `read(text:name:policy:)` (which calls it) and reports the time of each stage.
    public static func measure(text: String, name: String, policy: Policy? = nil) throws(DiagnosticsError) -> Timings {
        let clock = ContinuousClock()
        let start = clock.now
        let source = SourceFile(name: name, text: text)
        let root: DocumentNode?
        switch format(of: text, name: name) {
        case .json: root = try JSONDocument.parse(source)
        case .yaml: root = try YAMLDocument.parse(source)
        }
        let parsed = clock.now
        guard let root else {
            throw DiagnosticsError([source.diagnostic("the snapshot is empty", at: SourceLocation(file: name, line: 1, column: 1))])
        }
        var decoder = SnapshotDecoder(reader: DocumentReader(source: source), policy: policy)
        var tree = Optional(root)
        let snapshot = try decoder.decode(tree!)
        let decoded = clock.now
        tree = nil
        let released = clock.now
        return Timings(parseSeconds: (parsed - start).seconds, decodeSeconds: (decoded - parsed).seconds,
                       releaseSeconds: (released - decoded).seconds, snapshot: snapshot)
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
