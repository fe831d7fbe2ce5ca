import Foundation
import Testing

/// `credits agents add|token|remove|log` and `credits serve`'s usage errors, run as the binary.
@Suite struct AgentsTests {
    /// A fresh store in a temporary folder, with the schema.
    private func store() throws -> (url: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credits-agents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = "sqlite:" + folder.appendingPathComponent("store.sqlite").path
        let output = try BinaryRunner.run(["db", "init", "--db", url])
        #expect(output.status == 0, "\(output.stderr)")
        return (url, folder)
    }

    @Test func addTokenRemoveAndTheirErrors() throws {
        let (url, folder) = try store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let added = try BinaryRunner.run(["agents", "add", "ana", "--password-stdin", "--db", url], stdin: "a long password\n")
        #expect(added.status == 0)
        #expect(added.stdout == "agent 'ana' can sign in\n")

        let token = try BinaryRunner.run(["agents", "token", "ana", "--db", url])
        #expect(token.status == 0)
        #expect(token.stdout.trimmingCharacters(in: .newlines).count == 64)
        let secondToken = try BinaryRunner.run(["agents", "token", "ana", "--db", url])
        #expect(secondToken.stdout != token.stdout)

        let log = try BinaryRunner.run(["agents", "log", "--db", url])
        #expect(log.stdout == "no one has looked at a client yet\n")

        let removed = try BinaryRunner.run(["agents", "remove", "ana", "--db", url])
        #expect(removed.status == 0)
        #expect(removed.stdout == "agent 'ana' removed\n")

        for (arguments, stdin, message) in [
            (["agents", "remove", "ana"], nil as String?, "error: there is no agent 'ana'\n"),
            (["agents", "token", "ana"], nil, "error: there is no agent 'ana': add one with `credits agents add ana`\n"),
            (["agents", "add", "bo", "--password-stdin"], "short\n", "error: the password must be at least 10 characters long\n"),
            (["agents", "add", "bo", "--password-stdin"], "", "error: --password-stdin: standard input is empty\n"),
            (["agents", "add", "bo"], "", "error: standard input is not a terminal: use --password-stdin to give the password\n"),
        ] {
            let output = try BinaryRunner.run(arguments + ["--db", url], stdin: stdin)
            #expect(output.status == 2, "\(arguments)")
            #expect(output.stderr == message, "\(arguments)")
        }
        let badName = try BinaryRunner.run(["agents", "add", "a b", "--password-stdin", "--db", url], stdin: "a long password\n")
        #expect(badName.status == 2)
        #expect(badName.stderr.contains("an agent name is 1 to 64 letters, digits, '-', '_', '.' or '@', not 'a b'"))
    }

    @Test func agentsNeedAStoreWithTables() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credits-agents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "sqlite:" + folder.appendingPathComponent("empty.sqlite").path
        let output = try BinaryRunner.run(["agents", "add", "ana", "--password-stdin", "--db", url], stdin: "a long password\n")
        #expect(output.status == 2)
        #expect(output.stderr.contains("it has no tables yet: run `credits db init` first"))
    }

    @Test(arguments: [(["serve", "--port", "0"], "--port must be between 1 and 65535, not 0"),
                      (["serve", "--demo", "--db", "sqlite:x.sqlite"], "--demo makes a store of its own: leave out --db")])
    func serveUsageErrors(arguments: [String], message: String) throws {
        let output = try BinaryRunner.run(arguments)
        #expect(output.status == 2)
        #expect(output.stderr.contains(message))
    }
}
