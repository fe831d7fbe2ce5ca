@testable import Ledger
import Testing

@Test(arguments: [
    (0, 1, "0"), (7, 2, "07"), (59, 2, "59"), (2026, 4, "2026"), (5, 4, "0005"), (12345, 4, "12345"),
    (-1, 4, "-0001"), (-2026, 2, "-2026"), (Int.max, 1, "9223372036854775807"), (Int.min, 1, "-9223372036854775808"),
])
func numbersAreWrittenPaddedAsBefore(value: Int, width: Int, expected: String) {
    // Into a string of exactly the longest number's size, and after the end of a buffer.
    #expect(ASCIIWriter.text(capacity: 20) { $0.write(value, width: width) } == expected)
    var bytes = Array("> ".utf8)
    var writer = ASCIIWriter(appendingTo: &bytes)
    writer.write(value, width: width)
    writer.finish(into: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "> " + expected)
}

@Test(arguments: [11, 15, 16, 64])
func textAndNumbersAreWrittenInOrder(capacity: Int) {
    let text = ASCIIWriter.text(capacity: capacity) { text in
        text.write("Nov")
        text.write(" ")
        text.write(20)
        text.write(", ")
        text.write("CET")
    }
    #expect(text == "Nov 20, CET")
}
