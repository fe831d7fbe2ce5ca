import Foundation

/// One embedded file: its name (under `/static/`, or an example snapshot's) and its text.
public struct ConsoleAsset: Sendable {
    public let name: String
    public let text: String

    init(name: String, base64: String) {
        self.name = name
        self.text = Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }

    var contentType: String {
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".json") { return "application/json; charset=utf-8" }
        return "application/octet-stream"
    }
}

/// The stylesheet, the copy button's script and the OpenAPI document, embedded in the
/// binary by `scripts/embed-console` (as the rule pack is) so that an installed `credits`
/// serves the console without the source tree. The files are in `ConsoleAssets+Files.swift`.
public enum ConsoleAssets {
    /// The text of an asset by name.
    public static func text(of name: String) -> String? {
        files.first { $0.name == name }?.text
    }

    /// The names of the embedded assets.
    public static var names: [String] { files.map(\.name) }

    /// The API's OpenAPI 3 document (`/api/v1/openapi.json`); its checked-in copy is `Sources/Server/Assets/openapi.json`.
    static let openAPI = text(of: "openapi.json") ?? "{}"
}
