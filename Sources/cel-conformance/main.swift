import ArgumentParser
import CEL
import Foundation

/// Runs CEL conformance files and prints how many cases pass.
struct CELConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cel-conformance",
        abstract: "Run CEL conformance files (JSON) and print how many cases pass, per file and in total.")

    @Argument(help: "Conformance JSON files, or folders of them.")
    var paths: [String]

    @Flag(help: "Also print each failure with its expression, the expected and the actual result.")
    var verbose = false

    func run() throws {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("cel-conformance: cannot read \(path)\n".utf8))
                throw ExitCode(2)
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".json") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        var suites: [ConformanceSuite] = []
        for file in files {
            do {
                suites.append(try ConformanceSuite(path: file))
            } catch {
                FileHandle.standardError.write(Data("cel-conformance: \(error.message)\n".utf8))
                throw ExitCode(2)
            }
        }
        var total = ConformanceSuite.Result()
        for suite in suites {
            let result = suite.run()
            print("\(suite.name): \(result.summary)")
            if verbose {
                for failure in result.failures { print("  FAIL " + failure.replacingOccurrences(of: "\n", with: "\n  ")) }
            }
            total = total + result
        }
        print(total.summary)
    }
}

// A usage error (no files given, an unknown flag) exits 2 like unreadable input
// (SPEC section 7), not ArgumentParser's EX_USAGE (64).
do {
    var command = try CELConformanceCommand.parseAsRoot()
    try command.run()
} catch {
    if CELConformanceCommand.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((CELConformanceCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    CELConformanceCommand.exit(withError: error)
}
