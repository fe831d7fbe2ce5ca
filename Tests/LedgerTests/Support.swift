import BuiltinRules
import Diagnostics
import Foundation
import Ledger
import Testing

/// Testing has a SourceLocation of its own.
typealias Location = Diagnostics.SourceLocation

/// The built-in policy, as `credits` loads it.
let builtinPolicy: Policy = {
    do {
        return try Policy.load(text: BuiltinRules.text(of: "policy.yaml") ?? "", name: "Rules/policy.yaml")
    } catch {
        fatalError("the built-in policy does not load: \(error)")
    }
}()

/// A text with position markers (1️⃣, 2️⃣, ...) where errors are expected, so
/// that no test counts columns by hand (swift-syntax's markers).
struct Marked {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣"]

    /// The text without its markers.
    let text: String
    /// Where each marker was, in marker order.
    let locations: [(line: Int, column: Int)]

    init(_ marked: String) {
        text = Marked.strip(marked)
        locations = Marked.markers.compactMap { marker in
            guard let range = marked.range(of: marker) else { return nil }
            let lines = Marked.strip(String(marked[..<range.lowerBound])).split(separator: "\n", omittingEmptySubsequences: false)
            return (lines.count, lines.last!.unicodeScalars.count + 1)
        }
    }

    private static func strip(_ text: String) -> String {
        markers.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
    }

    /// The compiler form of an error at the marker `number` (0 for 1️⃣): headline,
    /// source line and caret, as `Diagnostic.description` prints it.
    func diagnostic(_ message: String, at number: Int = 0, file: String) -> String {
        let (line, column) = locations[number]
        return SourceFile(name: file, text: text).diagnostic(message, at: Location(file: file, line: line, column: column)).description
    }
}

/// Reads a snapshot from text with the built-in policy; the diagnostics' descriptions when it fails.
func readSnapshot(_ text: String, name: String = "snapshot.yaml") -> Result<Snapshot, DiagnosticsError> {
    do {
        return .success(try SnapshotReader.read(text: text, name: name, policy: builtinPolicy))
    } catch {
        return .failure(error)
    }
}

/// Reads a snapshot that must be valid.
func validSnapshot(_ text: String, name: String = "snapshot.yaml", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Snapshot {
    switch readSnapshot(text, name: name) {
    case .success(let snapshot): return snapshot
    case .failure(let error):
        Issue.record("the snapshot should be valid, got:\n\(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// A UTC instant from `2026-11-20T16:14:00Z`-style text.
func instant(_ text: String) -> Date {
    ISOTimestamp.parse(text)!.date
}
