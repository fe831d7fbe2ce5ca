import Diagnostics
import Foundation

/// The files of a rule pack by path below its folder (`causes/x.yaml`,
/// `policy.yaml`), read from a directory or embedded in the binary.
public struct RuleFiles: Sendable {
    /// The folder's name as messages show it: `Rules` for the built-in pack.
    public let folder: String
    /// Text by path below the folder.
    public let files: [String: String]

    public init(folder: String, files: [String: String]) {
        self.folder = folder
        self.files = files
    }

    /// Every file below `directory` (hidden ones skipped), each within `limit.forRuleFiles`.
    public static func read(directory: String, limit: InputLimit = .standard) throws(DiagnosticsError) -> RuleFiles {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticsError([Diagnostic(message: "no rules folder at '\(directory)'")])
        }
        let root = URL(fileURLWithPath: directory)
        var files: [String: String] = [:]
        for path in (manager.subpaths(atPath: directory) ?? []).sorted()
        where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let url = root.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[path] = try InputFile.read(path: url.path, name: url.path, what: "the rule file", limit: limit.forRuleFiles)
        }
        let folder = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return RuleFiles(folder: folder, files: files)
    }

    /// The policy the pack's rules are checked against and explaining uses: the folder's
    /// `policy.yaml`, else `fallback` (the built-in one), named as messages show it. One
    /// rule for `credits explain --rules DIR` and `credits rules lint DIR`.
    public func policy(fallback: String?) throws(DiagnosticsError) -> (name: String, text: String) {
        if let text = files[Self.policyPath] { return (displayPath(Self.policyPath), text) }
        guard let fallback else { throw DiagnosticsError([Diagnostic(message: "no policy.yaml in '\(folder)'")]) }
        return ("Rules/policy.yaml", fallback)
    }

    static let policyPath = "policy.yaml"

    /// The path a message shows: `Rules/causes/x.yaml`.
    func displayPath(_ path: String) -> String { "\(folder)/\(path)" }

    /// The rule files: `*.yaml` directly inside `causes/` or `findings/`, sorted.
    var rulePaths: [String] {
        files.keys.filter { path in
            let parts = path.split(separator: "/")
            return parts.count == 2 && (parts[0] == "causes" || parts[0] == "findings") && path.hasSuffix(".yaml")
        }.sorted()
    }

    /// `relative` resolved against the folder of the file at `path`, `..` allowed.
    func resolve(_ relative: String, besides path: String) -> String {
        var parts = path.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}
