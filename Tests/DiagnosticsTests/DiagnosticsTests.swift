import Diagnostics
import Testing

/// Testing has a SourceLocation of its own.
typealias Location = Diagnostics.SourceLocation

struct LocationCase: CustomTestStringConvertible, Sendable {
    let text: String
    let offset: Int
    let line: Int
    let column: Int
    var testDescription: String { "\(text.debugDescription) @\(offset)" }
}

@Test(arguments: [
    LocationCase(text: "abc", offset: 0, line: 1, column: 1),
    LocationCase(text: "abc", offset: 2, line: 1, column: 3),
    LocationCase(text: "abc\ndef", offset: 4, line: 2, column: 1),
    LocationCase(text: "abc\ndef", offset: 6, line: 2, column: 3),
    LocationCase(text: "abc\n", offset: 4, line: 2, column: 1),
    LocationCase(text: "é = 1", offset: 3, line: 1, column: 3),  // é is two UTF-8 bytes, one column
    LocationCase(text: "a\r\nb", offset: 3, line: 2, column: 1),
    LocationCase(text: "abc", offset: 99, line: 1, column: 4),    // past the end: clamped
])
func locationOfOffset(_ c: LocationCase) {
    let location = SourceFile(name: "f.yaml", text: c.text).location(ofUTF8Offset: c.offset)
    #expect(location == Location(file: "f.yaml", line: c.line, column: c.column))
}

/// Texts and the lines the line table finds in them (`lineText` of each, in order).
@Test(arguments: [
    ("", [""]),
    ("\n", [""]),
    ("\n\n", ["", ""]),
    ("a", ["a"]),
    ("a\nb\n", ["a", "b"]),
    ("a\n\nb", ["a", "", "b"]),
    ("é\n日本\r\nz", ["é", "日本", "z"]),
    (String(repeating: "0123456789abcdef", count: 40) + "\nend", [String(repeating: "0123456789abcdef", count: 40), "end"]),
])
func lineTableFindsEveryLine(_ text: String, _ lines: [String]) {
    let file = SourceFile(name: "f", text: text)
    #expect(file.lineCount == lines.count)
    #expect((1...file.lineCount).map { String(file.lineText($0)) } == lines)
}

@Test func lineTextDropsLineEndings() {
    let file = SourceFile(name: "f", text: "one\r\ntwo\nthree")
    #expect(file.lineText(1) == "one")
    #expect(file.lineText(2) == "two")
    #expect(file.lineText(3) == "three")
    #expect(file.lineText(4) == "")
    #expect(file.lineText(0) == "")
}

@Test func diagnosticPrintsHeadlineSourceAndCaret() {
    let file = SourceFile(name: "Rules/renewal.yaml", text: "id: x\nwhen: entry.amout > 0\n")
    let diagnostic = file.diagnostic("no such field 'amout'", atUTF8Offset: 18)
    #expect(diagnostic.description == """
        Rules/renewal.yaml:2:13: error: no such field 'amout'
          when: entry.amout > 0
                      ^
        """)
}

@Test func diagnosticWithoutPlaceIsOneLine() {
    let diagnostic = Diagnostic(message: "cannot read snapshot.yaml: no such file")
    #expect(diagnostic.description == "error: cannot read snapshot.yaml: no such file")
}

@Test func caretCountsTabsAsOneColumn() {
    let file = SourceFile(name: "f", text: "\tx y")
    #expect(file.diagnostic("bad", atUTF8Offset: 3).description == "f:1:4: error: bad\n   x y\n     ^")
}

@Test(arguments: [
    (Location(file: "r.yaml", line: 4, column: 9), Location(file: "<e>", line: 1, column: 5),
     Location(file: "r.yaml", line: 4, column: 13)),
    (Location(file: "r.yaml", line: 4, column: 9), Location(file: "<e>", line: 3, column: 2),
     Location(file: "r.yaml", line: 6, column: 2)),
])
func embeddedLocationsAdvance(base: Location, inner: Location, expected: Location) {
    #expect(base.advanced(by: inner) == expected)
}

@Test func errorListsEveryDiagnostic() {
    let error = DiagnosticsError([
        Diagnostic(message: "first", location: Location(file: "a", line: 1, column: 1)),
        Diagnostic(severity: .warning, message: "second"),
    ])
    #expect(error.description == "a:1:1: error: first\nwarning: second")
}
