import Foundation

/// One file of the built-in rule pack: its path below `Rules/` and its text.
public struct BuiltinFile: Sendable {
    /// The path below `Rules/`, such as `policy.yaml` or `causes/showcase-deposit.yaml`.
    public let path: String
    /// The file's text.
    public let text: String

    /// Decodes a file that `scripts/embed-rules` wrote as base64.
    init(path: String, base64: String) {
        self.path = path
        self.text = Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }
}

/// The built-in rule pack (`Rules/`), embedded in the binary at build time so
/// that an installed `credits` works without the source tree. The files
/// themselves are in `BuiltinRules+Files.swift`, written by `scripts/embed-rules`.
public enum BuiltinRules {
    /// The text of one file by its path below `Rules/`, if the pack has it.
    public static func text(of path: String) -> String? {
        files.first { $0.path == path }?.text
    }
}
