import Foundation

/// The rows of one table for one client, row after row in one array, their text in
/// one buffer: a large log has a million entries, and a value or a string per cell
/// would be millions of allocations (the audit reads every row of the store). A store
/// reader appends a row's values one at a time from the driver's own buffers
/// (`appendText(utf8:)` and the others); `RowValue`s are made only when asked for.
public struct RowList: Sendable {
    /// The table the rows are of; `table.columns` are the values of each row.
    public let table: StoreTable
    /// The number of values a row has.
    public let width: Int
    /// The values, row after row.
    private var cells: [Cell] = []
    /// The UTF-8 of the text values, one after another.
    private var text: [UInt8] = []

    /// One value: its kind, and its number (a whole number, a real's bits, a flag, or
    /// where its text starts in `text`, with `length` bytes).
    private struct Cell: Sendable {
        let number: Int64
        let length: Int32
        let kind: Kind
    }

    /// What a value is, as `RowValue` says, without the value.
    public enum Kind: UInt8, Sendable {
        case null, integer, real, text, bool
    }

    public init(_ table: StoreTable) {
        self.table = table
        width = table.columns.count
    }

    /// The number of rows.
    public var count: Int { cells.count / width }

    /// The number of values of every row.
    public var valueCount: Int { cells.count }

    // MARK: Adding rows

    /// Adds a row: one value per column of `table.columns`, in that order.
    public mutating func append<Row: Collection<RowValue>>(_ row: Row) {
        precondition(row.count == width, "a \(table.rawValue) row has \(width) values")
        for value in row { appendValue(value) }
    }

    /// Adds one value of the row being added (all of a row's values, in order, before
    /// the next row's). The `append…` forms below add a value of each kind without
    /// making a `RowValue` (or a string) first.
    public mutating func appendValue(_ value: RowValue) {
        switch value {
        case .null: appendNull()
        case .integer(let number): appendInteger(number)
        case .real(let number): appendReal(number)
        case .text(let string): appendText(string)
        case .bool(let flag): appendBool(flag)
        }
    }

    public mutating func appendNull() {
        cells.append(Cell(number: 0, length: 0, kind: .null))
    }

    public mutating func appendInteger(_ number: Int) {
        cells.append(Cell(number: Int64(number), length: 0, kind: .integer))
    }

    public mutating func appendReal(_ number: Double) {
        cells.append(Cell(number: Int64(bitPattern: number.bitPattern), length: 0, kind: .real))
    }

    public mutating func appendBool(_ flag: Bool) {
        cells.append(Cell(number: flag ? 1 : 0, length: 0, kind: .bool))
    }

    /// Adds a text value given as UTF-8 (the driver's buffer: copied, not kept). Text
    /// that is not valid UTF-8 is kept as it is and repaired when it is read as a string.
    public mutating func appendText(utf8 bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count <= Int(Int32.max), "a text value of 2 GiB or more")
        cells.append(Cell(number: Int64(text.count), length: Int32(bytes.count), kind: .text))
        text.append(contentsOf: bytes)
    }

    public mutating func appendText(_ string: String) {
        var string = string
        string.withUTF8 { appendText(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Adds a time as text: ISO 8601 in UTC, as `ISOTimestamp.format(date, offsetSeconds: 0)`
    /// writes it (a database's timestamp type), written straight into the buffer.
    public mutating func appendTimestamp(_ date: Date) {
        let start = text.count
        var writer = ASCIIWriter(appendingTo: &text)
        ISOTimestamp.write(date, offsetSeconds: 0, to: &writer)
        writer.finish(into: &text)
        cells.append(Cell(number: Int64(start), length: Int32(text.count - start), kind: .text))
    }

    /// Makes room for this many rows.
    public mutating func reserveCapacity(_ rows: Int) {
        cells.reserveCapacity(rows * width)
    }

    // MARK: Reading

    /// A row's values.
    public subscript(row: Int) -> [RowValue] {
        (0..<width).map { self[row, $0] }
    }

    /// One value of a row, by column position.
    public subscript(row: Int, column: Int) -> RowValue {
        let cell = cells[row * width + column]
        switch cell.kind {
        case .null: return .null
        case .integer: return .integer(Int(cell.number))
        case .real: return .real(Double(bitPattern: UInt64(bitPattern: cell.number)))
        case .bool: return .bool(cell.number != 0)
        case .text: return .text(withText(cell) { String(decoding: $0, as: UTF8.self) })
        }
    }

    /// What a value is.
    public func kind(_ row: Int, _ column: Int) -> Kind {
        cells[row * width + column].kind
    }

    /// The number of an `.integer` or `.bool` value (0 or 1).
    public func integer(_ row: Int, _ column: Int) -> Int {
        Int(cells[row * width + column].number)
    }

    /// The number of a `.real` value.
    public func real(_ row: Int, _ column: Int) -> Double {
        Double(bitPattern: UInt64(bitPattern: cells[row * width + column].number))
    }

    /// Calls `body` with the UTF-8 of a `.text` value (empty for the other kinds).
    public func withText<Result>(_ row: Int, _ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withText(cells[row * width + column], body)
    }

    private func withText<Result>(_ cell: Cell, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard cell.kind == .text else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return text.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(cell.number)..<Int(cell.number) + Int(cell.length)]))
        }
    }

    /// Where the UTF-8 of a `.text` value is in `withAllText`'s bytes.
    public func textRange(_ row: Int, _ column: Int) -> (start: Int, count: Int) {
        let cell = cells[row * width + column]
        return cell.kind == .text ? (Int(cell.number), Int(cell.length)) : (0, 0)
    }

    /// Calls `body` with the UTF-8 of every text value, one after another (see `textRange`).
    public func withAllText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        text.withUnsafeBufferPointer(body)
    }

    /// The order of two text values by their UTF-8 bytes: -1, 0 or 1; nil unless both are text.
    public func compareText(_ row: Int, _ column: Int, with other: RowList, _ otherRow: Int, _ otherColumn: Int) -> Int? {
        let a = cells[row * width + column], b = other.cells[otherRow * other.width + otherColumn]
        guard a.kind == .text, b.kind == .text else { return nil }
        return withText(a) { first in
            other.withText(b) { second in
                let common = min(first.count, second.count)
                let order = common == 0 ? 0 : memcmp(first.baseAddress!, second.baseAddress!, common)
                if order != 0 { return order < 0 ? -1 : 1 }
                return first.count == second.count ? 0 : (first.count < second.count ? -1 : 1)
            }
        }
    }

    /// Whether two rows have the same value in a column (two NULLs are the same).
    public func sameValue(_ row: Int, _ other: Int, column: Int) -> Bool {
        let a = cells[row * width + column], b = cells[other * width + column]
        guard a.kind == b.kind else { return false }
        guard a.kind == .text else { return a.number == b.number }
        return a.length == b.length && withText(a) { first in withText(b) { UnsafeRawBufferPointer(first).hasSameBytes(as: UnsafeRawBufferPointer($0)) } }
    }
}
