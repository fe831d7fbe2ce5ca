import Foundation
import Ledger
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// A PostgreSQL database through postgres-nio's `PostgresClient`, a pool that serves
/// only while its `run()` is going: `Store.withStore` runs it in a task group for as
/// long as the store is used.
final class PostgresBackend: Backend {
    let dialect = StoreDialect.postgres
    let client: PostgresClient
    /// The same server as one connection, to try before the pool serves (`probe()`).
    private let probeConfiguration: PostgresConnection.Configuration
    private let logger = Logger(label: "credits.store")

    init(_ server: StoreURL.Postgres, readOnly: Bool) throws {
        let (tls, probeTLS) = try PostgresBackend.tls(server.sslMode)
        var configuration = PostgresClient.Configuration(host: server.host, port: server.port, username: server.user,
                                                         password: server.password, database: server.database, tls: tls)
        var probe = PostgresConnection.Configuration(host: server.host, port: server.port, username: server.user,
                                                     password: server.password, database: server.database, tls: probeTLS)
        // Every session reads its timestamps in UTC; a read-only store refuses writes in the server.
        var parameters = [("TimeZone", "UTC")]
        if readOnly { parameters.append(("default_transaction_read_only", "on")) }
        configuration.options.additionalStartupParameters = parameters
        configuration.options.maximumConnections = 4
        probe.options.connectTimeout = .seconds(10)
        client = PostgresClient(configuration: configuration)
        probeConfiguration = probe
    }

    /// Connects once and disconnects: the pool retries an unreachable server for ever,
    /// so a server that is down, a wrong password or database fails here, with its reason.
    func probe() async throws {
        do {
            let connection = try await PostgresConnection.connect(configuration: probeConfiguration, id: 0, logger: logger)
            try? await connection.close()
        } catch let error as PSQLError {
            throw PostgresBackend.storeError(error)
        }
    }

    /// libpq's sslmode as the pool's and a connection's TLS settings.
    private static func tls(_ mode: String) throws -> (PostgresClient.Configuration.TLS, PostgresConnection.Configuration.TLS) {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case "disable": return (.disable, .disable)
        case "allow", "prefer": return (.prefer(configuration), .prefer(try NIOSSLContext(configuration: configuration)))
        case "require": configuration.certificateVerification = .none   // libpq's require encrypts, checks nothing
        case "verify-ca": configuration.certificateVerification = .noHostnameVerification
        default: break
        }
        return (.require(configuration), .require(try NIOSSLContext(configuration: configuration)))
    }

    func run(_ sql: String, _ binds: [RowValue], _ onRow: @escaping @Sendable (StoreRow) -> Void) async throws {
        try await PostgresBackend.stream(onRow) { [client, logger] in try await client.query(try PostgresBackend.query(sql, binds), logger: logger) }
    }

    func readRows(_ sql: String, _ binds: [RowValue], into page: inout PageRows) async throws {
        do {
            for try await row in try await client.query(try PostgresBackend.query(sql, binds), logger: logger) {
                var cells = row.makeIterator()
                guard let first = cells.next(), try PostgresBackend.selectClient(first, in: &page) else { continue }
                try page.appendRow { list in
                    while let cell = cells.next() { try PostgresBackend.append(cell, to: &list) }
                }
            }
        } catch let error as PSQLError {
            throw PostgresBackend.storeError(error)
        }
    }

    /// Selects in `page` the client a row's first cell names; false when it names none of
    /// the page's clients (or is NULL).
    private static func selectClient(_ cell: PostgresCell, in page: inout PageRows) throws -> Bool {
        guard let bytes = cell.bytes else { return false }
        if isText(cell.dataType) { return bytes.readableBytesView.withUnsafeBytes { page.selectClient(utf8: $0) } }
        return page.selectClient(id: try value(cell).id ?? "")
    }

    /// Adds a cell to a list as `value` reads it, from the row's buffer where it can: text
    /// as its bytes, whole numbers and timestamps without a value or a string made first.
    /// (The driver asks for every result in binary.)
    private static func append(_ cell: PostgresCell, to list: inout RowList) throws {
        guard let bytes = cell.bytes else { return list.appendNull() }
        if isText(cell.dataType) { return bytes.readableBytesView.withUnsafeBytes { list.appendText(utf8: $0) } }
        if cell.format == .binary {
            switch cell.dataType {
            case .int8 where bytes.readableBytes == 8:
                return list.appendInteger(Int(bytes.getInteger(at: bytes.readerIndex, as: Int64.self)!))
            case .int4 where bytes.readableBytes == 4:
                return list.appendInteger(Int(bytes.getInteger(at: bytes.readerIndex, as: Int32.self)!))
            case .timestamptz:
                return list.appendTimestamp(try cell.decode(Date.self))
            case .numeric:
                if let whole = wholeNumber(numeric: bytes) { return list.appendInteger(whole) }
            default:
                break
            }
        }
        list.appendValue(try value(cell))
    }

    /// Types whose cells are UTF-8 text, in either format.
    private static func isText(_ type: PostgresDataType) -> Bool {
        type == .text || type == .varchar || type == .name || type == .bpchar
    }

    /// Hands over the rows of a query as they come; the server's message for a failure.
    static func stream(_ onRow: (StoreRow) -> Void, _ rows: () async throws -> PostgresRowSequence) async throws {
        do {
            for try await row in try await rows() { onRow(try PostgresBackend.row(row)) }
        } catch let error as PSQLError {
            throw PostgresBackend.storeError(error)
        }
    }

    func transaction<Result: Sendable>(_ body: @Sendable (any StatementRunner) async throws -> Result) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(Transaction(connection: connection, logger: logger))
            }
        } catch let error as PSQLError {
            throw PostgresBackend.storeError(error)
        } catch let error as PostgresTransactionError {
            // The body's own error (bad rows, a failed statement) is what matters.
            if let closureError = error.closureError { throw closureError }
            if let failure = (error.beginError ?? error.commitError) as? PSQLError { throw PostgresBackend.storeError(failure) }
            throw StoreError("the transaction could not be committed")
        }
    }

    func close() async {}

    /// The statements of a transaction, on its leased connection.
    private struct Transaction: StatementRunner {
        let connection: PostgresConnection
        let logger: Logger

        func run(_ sql: String, _ binds: [RowValue], _ onRow: @escaping @Sendable (StoreRow) -> Void) async throws {
            try await PostgresBackend.stream(onRow) { try await connection.query(try PostgresBackend.query(sql, binds), logger: logger) }
        }
    }

    /// The server's own message (postgres-nio's description hides it).
    static func storeError(_ error: PSQLError) -> StoreError {
        if let message = error.serverInfo?[.message] { return StoreError(message) }
        if let underlying = error.underlying { return StoreError("\(underlying)") }
        return StoreError("\(error.code)")
    }

    /// `?` placeholders become `$1`, `$2`, ... (not inside quotes); every value is sent
    /// as text of no stated type, so that the server reads it as its column's type, as
    /// libpq's untyped parameters are.
    static func query(_ sql: String, _ binds: [RowValue]) throws -> PostgresQuery {
        var text = ""
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "?" {
                number += 1
                text += "$\(number)"
                continue
            }
            text.append(character)
        }
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(UntypedText(String(number)))
            case .real(let number): bindings.append(UntypedText(String(number)))
            case .text(let string): bindings.append(UntypedText(string))
            case .bool(let flag): bindings.append(UntypedText(flag ? "true" : "false"))
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }

    /// A row's values by the type of each column: whole numbers, booleans, text;
    /// `timestamptz` as ISO 8601 text in UTC, a `timestamp` without zone as text without
    /// an offset (which the checker refuses, as it refuses one in a file), `date` as `YYYY-MM-DD`.
    static func row(_ row: PostgresRow) throws -> StoreRow {
        var values: [RowValue] = []
        values.reserveCapacity(row.count)
        for cell in row { values.append(try value(cell)) }
        return StoreRow(values)
    }

    private static func value(_ cell: PostgresCell) throws -> RowValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int.self))
        case .bool: return .bool(try cell.decode(Bool.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .numeric:
            if cell.format == .binary, let bytes = cell.bytes, let whole = wholeNumber(numeric: bytes) { return .integer(whole) }
            let number = try cell.decode(Decimal.self)
            var rounded = Decimal()
            var copy = number
            NSDecimalRound(&rounded, &copy, 0, .plain)
            if rounded == number, let whole = Int(exactly: NSDecimalNumber(decimal: number).int64Value),
               Decimal(whole) == number { return .integer(whole) }
            return .real(NSDecimalNumber(decimal: number).doubleValue)
        case .timestamptz: return .text(ISOTimestamp.format(try cell.decode(Date.self), offsetSeconds: 0))
        case .timestamp: return .text(String(ISOTimestamp.format(try cell.decode(Date.self), offsetSeconds: 0).dropLast()))
        case .date: return .text(String(ISOTimestamp.format(try cell.decode(Date.self), offsetSeconds: 0).prefix(10)))
        default: return .text(try cell.decode(String.self))
        }
    }
}

extension PostgresBackend {
    /// A `numeric` in PostgreSQL's binary form (digit count, weight, sign, display scale,
    /// then base-10000 digits, most significant first) when it is a whole number that
    /// fits an `Int`; nil for anything else, which the driver's `Decimal` then reads.
    /// Clip lengths are numeric, a million and more of them, and the driver makes a
    /// `Decimal` from text for each.
    static func wholeNumber(numeric: ByteBuffer) -> Int? {
        var buffer = numeric
        guard let count = buffer.readInteger(as: Int16.self), let weight = buffer.readInteger(as: Int16.self),
              let sign = buffer.readInteger(as: UInt16.self), buffer.readInteger(as: Int16.self) != nil,
              sign == 0 || sign == 0x4000, count >= 0
        else { return nil }
        guard count > 0 else { return 0 }
        // Digits after the point (a weight below their position) are never zero: not whole.
        guard weight >= 0, Int(count) <= Int(weight) + 1 else { return nil }
        var value = 0
        for position in 0...Int(weight) {
            var digit = 0
            if position < Int(count) {
                guard let read = buffer.readInteger(as: Int16.self), (0..<10_000).contains(read) else { return nil }
                digit = Int(read)
            }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10_000)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return sign == 0x4000 ? -value : value
    }
}

/// A value sent as text with no stated type: the server infers it from where it is used.
private struct UntypedText: PostgresDynamicTypeEncodable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    var psqlType: PostgresDataType { PostgresDataType(0) }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}
