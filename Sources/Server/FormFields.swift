import Foundation
import Hummingbird

/// The fields of a query string or an `application/x-www-form-urlencoded` body; the
/// first value of a name wins; `+` is a space, as browsers send forms.
struct FormFields {
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), fields[name] == nil else { continue }
            fields[name] = parts.count > 1 ? decode(parts[1]) ?? "" : ""
        }
        return fields
    }

    static func query(_ request: Request) -> [String: String] {
        parse(request.uri.query ?? "")
    }

    /// A form body, read up to the body limit (413 above it).
    static func body(_ request: Request, context: ConsoleContext) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return parse(String(buffer: buffer))
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
