@testable import Ledger
import Testing

@Test(arguments: [
    (0, 1, "0"), (7, 2, "07"), (59, 2, "59"), (2026, 4, "2026"), (5, 4, "0005"), (12345, 4, "12345"),
    (-1, 4, "-0001"), (-2026, 2, "-2026"), (Int.max, 1, "9223372036854775807"), (Int.min, 1, "-9223372036854775808"),
])
func numbersAreWrittenPaddedAsBefore(value: Int, width: Int, expected: String) {
    var text = ASCIIWriter(capacity: 4)
    text.write(value, width: width)
    #expect(text.text == expected)
}

@Test func textAndNumbersAreWrittenInOrder() {
    var text = ASCIIWriter(capacity: 8)
    text.write("Nov")
    text.write(" ")
    text.write(20)
    text.write(", ")
    text.write("CET")
    #expect(text.text == "Nov 20, CET")
}
