import Foundation

/// The command line that reproduces an explanation exactly, for tickets: `credits explain`,
/// the input named again, the question's numbers, and the window and "now" as timestamps
/// (so that running it later gives the same answer). The command and the console both
/// write it here.
public enum ReproduceCommand {
    /// `source` names the input (`--snapshot FILE`, or `--client ID --db STORE`); `options`
    /// are any other options the question was asked with (`--rules DIR`, `--top 5`).
    public static func text(_ explanation: Explanation, source: [String], options: [String] = []) -> String {
        let query = explanation.query
        let time = query.time
        let words = ["credits", "explain"] + source + [
            "--expected", "\(query.expected)", "--actual", "\(query.actual)",
            "--since", time.iso(query.since), "--until", time.iso(query.until),
            "--now", time.iso(query.now), "--tz", time.zone.identifier,
        ] + options
        return words.map(shellWord).joined(separator: " ")
    }

    /// A shell word: quoted when it holds anything but plain path characters.
    public static func shellWord(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./:=+@".unicodeScalars.contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
