import BuiltinRules
import Foundation
import Testing

/// The rule pack embedded in the binary must be exactly the `Rules/` folder.
@Test func embeddedPackMatchesRulesFolder() throws {
    let rules = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules")
    let manager = FileManager.default
    let onDisk = (manager.subpaths(atPath: rules.path) ?? [])
        .filter { path in
            var isDirectory: ObjCBool = false
            manager.fileExists(atPath: rules.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        .sorted()
    let embedded = BuiltinRules.files.map(\.path)
    #expect(embedded == onDisk, "the embedded rule pack lists other files than Rules/: run scripts/embed-rules")
    for file in BuiltinRules.files where onDisk.contains(file.path) {
        let text = try String(contentsOf: rules.appendingPathComponent(file.path), encoding: .utf8)
        #expect(file.text == text, "Rules/\(file.path) changed since it was embedded: run scripts/embed-rules")
    }
}
