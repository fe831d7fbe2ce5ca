/// Writes ASCII text (digits, letters, a zone name) straight into its destination's bytes:
/// the time formats write one or two strings for every entry of a long log, and string
/// interpolation of padded numbers costs several strings each. The destination is a
/// string's own storage (`text(capacity:_:)`: no buffer between, and no heap at all for
/// the short ones) or a buffer of bytes that grows (`init(appendingTo:)`).
struct ASCIIWriter<Sink: ASCIISink> {
    fileprivate var sink: Sink

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { sink.append(contentsOf: $0) }
    }

    mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { sink.append(contentsOf: $0) }
    }

    /// `value` in decimal, zero-padded to `width` digits (a minus sign before the zeros).
    mutating func write(_ value: Int, width: Int = 1) {
        if value < 0 { sink.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for _ in count..<max(count, width) { sink.append(UInt8(ascii: "0")) }
            for index in stride(from: count - 1, through: 0, by: -1) { sink.append(buffer[index]) }
        }
    }
}

extension ASCIIWriter where Sink == StringSink {
    /// The text `write` writes, at most `capacity` bytes, written straight into the string.
    static func text(capacity: Int, _ write: (inout ASCIIWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = ASCIIWriter(sink: StringSink(buffer: buffer))
            write(&writer)
            return writer.sink.count
        }
    }
}

extension ASCIIWriter where Sink == [UInt8] {
    /// Writes after the end of `bytes`, which it takes (no copy) until `finish(into:)`
    /// gives them back: text written into a buffer, with no string made.
    init(appendingTo bytes: inout [UInt8]) {
        sink = []
        swap(&sink, &bytes)
    }

    /// Gives the bytes back to the buffer taken by `init(appendingTo:)`.
    mutating func finish(into bytes: inout [UInt8]) {
        swap(&sink, &bytes)
    }
}

/// Where an `ASCIIWriter`'s bytes go.
protocol ASCIISink {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ASCIISink where Element == UInt8 {
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: UnsafeRawBufferPointer(bytes))
    }
}

/// A string's storage while it is made: its capacity is fixed, and writing past it is a
/// programming error (each format knows its longest text).
struct StringSink: ASCIISink {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    fileprivate(set) var count = 0

    mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count, "text longer than its capacity")
        buffer[count] = byte
        count += 1
    }

    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= buffer.count - count, "text longer than its capacity")
        guard let source = bytes.baseAddress else { return }
        (buffer.baseAddress! + count).update(from: source, count: bytes.count)
        count += bytes.count
    }
}
