import Foundation

/// Where a store is (SPEC section 9): `sqlite:PATH` or a bare path, or
/// `postgres://user:password@host:port/database?sslmode=...` (libpq's URL form).
public struct StoreURL: Sendable, Equatable, CustomStringConvertible {
    /// The two kinds of store.
    public enum Location: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(Postgres)
    }

    /// A PostgreSQL server and database.
    public struct Postgres: Sendable, Equatable {
        public var user: String
        public var password: String?
        public var host: String
        public var port: Int
        public var database: String
        /// libpq's `sslmode`: disable, allow, prefer (the default), require, verify-ca, verify-full.
        public var sslMode: String
    }

    public let location: Location

    /// The default store when neither `--db` nor `CREDITS_DB` names one.
    public static let defaultText = "sqlite:credits.sqlite"

    /// Reads a store URL; a message naming what is wrong when it is not one.
    public init(_ text: String) throws(StoreError) {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }   // sqlite:///abs/path
            guard !path.isEmpty else { throw StoreError("the store URL '\(text)' names no file (use sqlite:PATH)") }
            location = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            location = .postgres(try StoreURL.postgres(text))
        } else if text.contains("://") {
            throw StoreError("unknown kind of store '\(StoreURL.redacted(text))' (use sqlite:PATH or postgres://user:password@host:port/database)")
        } else {
            guard !text.isEmpty else { throw StoreError("the store URL is empty (use sqlite:PATH or postgres://...)") }
            location = .sqlite(path: text)
        }
    }

    /// The URL as it may be shown: a password is never printed.
    public var description: String {
        switch location {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let server):
            var text = "postgres://\(server.user)@\(server.host):\(server.port)/\(server.database)"
            if server.sslMode != "prefer" { text += "?sslmode=\(server.sslMode)" }
            return text
        }
    }

    private static func postgres(_ text: String) throws(StoreError) -> Postgres {
        guard let parts = URLComponents(string: text), let host = parts.host, !host.isEmpty else {
            throw StoreError("the store URL '\(redacted(text))' is not a postgres://user:password@host:port/database URL")
        }
        let database = String(parts.path.drop { $0 == "/" })
        var sslMode = "prefer"
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                let modes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]
                guard let value = item.value, modes.contains(value) else {
                    throw StoreError("sslmode must be one of \(modes.joined(separator: ", ")), got '\(item.value ?? "")'")
                }
                sslMode = value
            default:
                throw StoreError("unknown parameter '\(item.name)' in the store URL (only sslmode is read)")
            }
        }
        return Postgres(user: parts.user?.removingPercentEncoding ?? "postgres",
                        password: parts.password?.removingPercentEncoding,
                        host: host, port: parts.port ?? 5432,
                        database: database.isEmpty ? (parts.user ?? "postgres") : database.removingPercentEncoding ?? database,
                        sslMode: sslMode)
    }

    /// A URL's text with its password, if any, replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
