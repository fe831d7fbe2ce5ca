import Foundation

/// Every address the pages link to, written once: stable URLs an agent can paste
/// into a ticket (a question is a GET with its numbers in the query).
enum ConsoleURL {
    static func signIn(next: String? = nil) -> String {
        next.map { "/signin" + query([("next", $0)]) } ?? "/signin"
    }

    static func clients(search: String? = nil) -> String {
        "/clients" + query([("q", search)])
    }

    static func client(_ id: String) -> String {
        "/clients/\(segment(id))"
    }

    /// The log page, at the page holding `entry` when given, with that row highlighted.
    static func log(_ id: String, page: Int? = nil, entry: String? = nil) -> String {
        client(id) + "/log" + query([("page", page.map(String.init)), ("entry", entry)]) + (entry.map { "#" + anchor($0) } ?? "")
    }

    static func ask(_ id: String, _ question: QuestionForm? = nil) -> String {
        client(id) + "/ask" + query(question?.queryItems ?? [])
    }

    /// A log row's anchor: `entry-e-1043`.
    static func anchor(_ entry: String) -> String {
        "entry-" + segment(entry)
    }

    /// `?a=1&b=2` with the present items, percent-encoded; empty when none is present.
    static func query(_ items: [(String, String?)]) -> String {
        let present = items.compactMap { name, value in value.map { "\(name)=\(component($0))" } }
        return present.isEmpty ? "" : "?" + present.joined(separator: "&")
    }

    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
