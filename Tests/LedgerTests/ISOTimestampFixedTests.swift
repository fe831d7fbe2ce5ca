// The fixed-position reader is internal: it is checked directly against the general one.
@testable import Ledger
import Testing

/// Timestamps in the two forms the fixed reader takes, and what the general reader makes of them.
private let fixedForms: [String] = [
    "2026-11-20T16:14:00-06:00", "2026-11-20T22:14:00Z", "2026-11-21T03:44:00+05:30", "1969-12-31T23:59:59Z",
    "2028-02-29T00:00:00Z", "2000-01-01T00:00:00+00:00", "9999-12-31T23:59:60-23:59", "0001-01-01T00:00:00+14:00",
    "2026-11-20T16:14:00-00:00",
]

/// Bytes put in every position of every form: digits at their edges, each separator,
/// letters, and bytes of multi-byte UTF-8 (0xFF and 0xFA would carry in a careless add).
private let replacements: [UInt8] = Array("0159:-+TZtz /.".utf8) + [0x2F, 0x3F, 0x00, 0x80, 0xC3, 0xFA, 0xFF]

/// Whether the fixed reader, on these bytes, says nothing (leaving them to the general
/// reader) or says exactly what the general reader says.
private func agrees(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
        guard let fixed = ISOTimestamp.parseFixed(buffer) else { return true }
        return fixed == ISOTimestamp.parseGeneral(buffer)
    }
}

@Test(arguments: fixedForms)
func fixedReaderReadsItsFormsAsTheGeneralOneDoes(_ text: String) throws {
    let bytes = Array(text.utf8)
    let fixed = bytes.withUnsafeBufferPointer { ISOTimestamp.parseFixed($0) }
    #expect(fixed != nil)
    #expect(fixed == bytes.withUnsafeBufferPointer { ISOTimestamp.parseGeneral($0) })
}

@Test(arguments: fixedForms)
func fixedReaderNeverDisagreesWithTheGeneralOneOnAChangedByte(_ text: String) {
    let original = Array(text.utf8)
    var disagreements: [String] = []
    for position in original.indices {
        for byte in replacements {
            var bytes = original
            bytes[position] = byte
            if !agrees(bytes) { disagreements.append("byte \(position) = \(byte)") }
        }
    }
    #expect(disagreements.isEmpty, "\(text): \(disagreements.prefix(5))")
}
