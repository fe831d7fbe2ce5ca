import CEL
import Foundation
import Testing

/// The cel-spec conformance data copied into the project: every file runs, and the number of passing
/// cases may only go up. Raise `floor` when more pass; never lower it.
struct ConformanceTests {
    static let floor = 714
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance")

    @Test func passingCasesStayAboveTheFloor() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count == 11)
        var total = ConformanceSuite.Result()
        for name in names {
            total = total + (try ConformanceSuite(path: Self.folder.appendingPathComponent(name).path)).run()
        }
        #expect(total.passed >= Self.floor, "\(total.summary)\n\(total.failures.joined(separator: "\n"))")
        #expect(Double(total.passed) / Double(total.passed + total.failed) >= 0.99)
    }

    @Test func typedResultsOtherFormsAndFailuresAreCounted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cel-typed-\(getpid()).json").path
        let json = #"""
        {"name": "typed", "tests": [
          {"name": "list", "expr": "[1, 2]", "expect": {"value": {"list_value": {"values": [{"int64_value": "1"}, {"int64_value": "2"}]}}, "type": "list(int)"}},
          {"section": "s", "name": "wrong_type", "expr": "1", "expect": {"value": {"int64_value": "1"}, "type": "string"}},
          {"name": "unknowns", "expr": "x", "expect": {"other": {"unknown": [1]}}},
          {"name": "bytes", "expr": "b'\\xff' + b'\\x00'", "expect": {"value": {"bytes_value": {"base64": "/wA="}}}},
          {"name": "error", "expr": "1 / 0", "expect": {"error": "division by zero"}},
          {"name": "wrong", "expr": "1 + 1", "expect": {"value": {"int64_value": "3"}}}
        ]}
        """#
        FileManager.default.createFile(atPath: path, contents: Data(json.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try ConformanceSuite(path: path).run()
        #expect(result.summary == "3 passed, 2 failed, 1 skipped")
        #expect(result.failures == [
            "cel-typed-\(getpid())/s/wrong_type: 1\n    expected type: string\n    actual type: int",
            "cel-typed-\(getpid())/wrong: 1 + 1\n    expected: 3\n    actual: 2",
        ])
    }

    @Test func unreadableFileIsReportedByName() {
        #expect(throws: CELError("cannot read /nonexistent.json")) { try ConformanceSuite(path: "/nonexistent.json") }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cel-bad-\(getpid()).json").path
        FileManager.default.createFile(atPath: path, contents: Data("[1]".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CELError("\(path): not a conformance file (expected a JSON object with a \"tests\" array)")) {
            try ConformanceSuite(path: path)
        }
    }
}
