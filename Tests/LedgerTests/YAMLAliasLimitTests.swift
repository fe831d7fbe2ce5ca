import Diagnostics
import Testing
@testable import Ledger

/// Aliases are counted from libyaml's events before any tree is built.
struct YAMLAliasLimitTests {
    static func bomb(levels: Int, width: Int) -> String {
        var lines = ["a0: &a0 [" + Array(repeating: "x", count: width).joined(separator: ", ") + "]"]
        for level in 1...levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [
        (bomb(levels: 9, width: 9), 100_000, "f.yaml:6:10: error: the alias '*a4' makes the document's aliases stand for more than 100000 nodes; write the values out instead of repeating anchors inside anchors"),
        (bomb(levels: 2, width: 3), 10, "f.yaml:2:20: error: the alias '*a0' makes the document's aliases stand for more than 10 nodes; write the values out instead of repeating anchors inside anchors"),
    ])
    func tooManyNodesIsRefusedAtTheAlias(text: String, limit: Int, message: String) {
        do {
            try YAMLAliasLimit.check(SourceFile(name: "f.yaml", text: text), limit: limit)
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map(\.headline) == [message])
        }
    }

    @Test(arguments: [
        bomb(levels: 2, width: 3),          // 3 + 9 + 27 nodes through aliases
        "a: &a {x: 1}\nb: *a\nc: *a\n",
        "no aliases at all: '*not one*'\n",
        "broken: [*undefined\n",            // left to the YAML reader, which reports it
    ])
    func smallOrNoExpansionPasses(text: String) throws {
        try YAMLAliasLimit.check(SourceFile(name: "f.yaml", text: text), limit: 100)
    }
}
