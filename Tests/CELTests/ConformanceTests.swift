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

    @Test func unreadableFileIsReportedByName() {
        #expect(throws: CELError("cannot read /nonexistent.json")) { try ConformanceSuite(path: "/nonexistent.json") }
    }
}
