import Foundation
import Testing

/// Runs the built `credits` binary for end-to-end tests, and compares what it
/// prints with the files checked in under `Tests/EndToEndTests/Expected/`.
///
/// Reuse it from any end-to-end test:
///
///     let output = try BinaryRunner.run(["log", "--snapshot", "seeds/examples/x.yaml"])
///     #expect(output.status == 0)
///     BinaryRunner.expectMatches(output.stdout, expected: "log-x.txt")
///
/// Commands run in the package root, so relative paths (and the paths in
/// messages) read as they do for a person there. The binary is the `credits` built
/// beside the test bundle (the test target depends on it), or `$CREDITS_BINARY`.
/// Run the tests with `UPDATE_EXPECTED=1` to rewrite the expected files; then read
/// the diff before committing it.
enum BinaryRunner {
    /// What one run printed, and how it exited.
    struct Output: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The package root (where `Package.swift` is).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder of the expected files.
    static let expectedFolder = packageRoot.appendingPathComponent("Tests/EndToEndTests/Expected")

    /// The `credits` executable under test.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CREDITS_BINARY"] { return URL(fileURLWithPath: path) }
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBundle.deletingLastPathComponent()
        // On some platforms the test binary sits inside a bundle folder.
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("credits").path), folder.pathComponents.count > 1 {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("credits")
    }

    /// Runs `credits` (or another copy of it) with arguments and optional standard input,
    /// in the package root unless told otherwise, and waits for it.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    executable: URL? = nil, directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        // The width and the input limit are the defaults unless a test sets them.
        var inherited = ProcessInfo.processInfo.environment
        inherited["COLUMNS"] = nil
        inherited["CREDITS_MAX_INPUT_SIZE"] = nil
        process.environment = inherited.merging(environment) { _, new in new }
        // Files, not pipes: a long output cannot fill a pipe and stall the child.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credits-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Output(status: process.terminationStatus,
                      stdout: try String(contentsOf: outURL, encoding: .utf8),
                      stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// The text of an expected file (empty when it does not exist yet).
    static func expected(_ name: String) -> String {
        (try? String(contentsOf: expectedFolder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// Expects `actual` to equal the expected file `name`; with `UPDATE_EXPECTED=1` writes it instead.
    static func expectMatches(_ actual: String, expected name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if ProcessInfo.processInfo.environment["UPDATE_EXPECTED"] == "1" {
            try? actual.write(to: expectedFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return
        }
        let wanted = expected(name)
        #expect(!wanted.isEmpty, "no expected file \(name): run the tests with UPDATE_EXPECTED=1", sourceLocation: sourceLocation)
        #expect(actual == wanted, "output differs from Expected/\(name)", sourceLocation: sourceLocation)
    }
}
