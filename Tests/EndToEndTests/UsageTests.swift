import Foundation
import Testing

/// A malformed command line exits 2 like every other usage error (SPEC section 4),
/// with ArgumentParser's message naming the option.
@Test(arguments: [
    (["log", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml", "--page", "abc"],
     "Error: The value 'abc' is invalid for '--page <page>'"),
    (["explain", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml"],
     "Error: Missing expected argument '--expected <tokens>'"),
    (["explain", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml", "--expected", "12.5"],
     "Error: The value '12.5' is invalid for '--expected <tokens>': tokens are whole numbers, with no fraction"),
    (["explain", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml", "--expected", "10", "--format", "pdf"],
     "Error: The value 'pdf' is invalid for '--format <format>'. Please provide one of 'text', 'markdown' or 'json'."),
    (["refund"], "Error: Unexpected argument 'refund'"),
])
func malformedCommandLinesExitTwo(arguments: [String], firstLine: String) throws {
    let output = try BinaryRunner.run(arguments)
    #expect(output.status == 2)
    #expect(output.stdout == "")
    #expect(output.stderr.split(separator: "\n").first.map(String.init) == firstLine)
}

@Test func helpExitsZero() throws {
    let output = try BinaryRunner.run(["--help"])
    #expect(output.status == 0)
    #expect(output.stdout.contains("explain"))
}

/// An installed copy works alone: the binary copied into an empty folder and run
/// there, far from the source tree, still has its rule pack and policy.
@Test func anInstalledCopyCarriesItsRulePack() throws {
    let manager = FileManager.default
    let folder = manager.temporaryDirectory.appendingPathComponent("credits-installed-\(UUID().uuidString)")
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: folder) }
    let installed = folder.appendingPathComponent("credits")
    try manager.copyItem(at: BinaryRunner.binary, to: installed)
    let snapshot = try String(contentsOf: BinaryRunner.packageRoot
        .appendingPathComponent("seeds/examples/bluebird-bakery-in-flight.yaml"), encoding: .utf8)

    let explain = try BinaryRunner.run(["explain", "--snapshot", "-", "--expected", "200", "--format", "json"],
                                       stdin: snapshot, executable: installed, directory: folder)
    #expect(explain.status == 0)
    #expect(explain.stderr == "")
    #expect(explain.stdout.contains(#""rule": "in-flight-submissions""#))

    let lint = try BinaryRunner.run(["rules", "lint"], executable: installed, directory: folder)
    #expect(lint.status == 0)
    #expect(lint.stdout.hasPrefix("24 rules"))
}
