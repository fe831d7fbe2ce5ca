import Foundation
import Testing
@testable import Diagnostics

/// Reading within a size limit, and "did you mean", the two helpers every layer shares.
struct InputFileTests {
    @Test(arguments: [("1000000", 1_000_000), ("512K", 524_288), ("64M", 67_108_864), ("1g", 1_073_741_824), ("1024G", 1 << 40)])
    func sizesAsPeopleWriteThem(text: String, bytes: Int) {
        #expect(InputLimit(parsing: text)?.bytes == bytes)
    }

    @Test(arguments: ["", "0", "-5", "64MB", "1.5M", "lots", "1025G", "99999999999999999999"])
    func sizesThatAreNot(text: String) {
        #expect(InputLimit(parsing: text) == nil)
    }

    @Test(arguments: [(67_108_864, "64 MiB (67108864 bytes)"), (1000, "1000 bytes"), (1024, "1 KiB (1024 bytes)")])
    func limitsAreShownWithTheirUnit(bytes: Int, shown: String) {
        #expect(InputLimit(bytes: bytes).description == shown)
    }

    @Test func ruleFilesGetASixteenth() {
        #expect(InputLimit.standard.forRuleFiles.description == "4 MiB (4194304 bytes, a sixteenth of the input limit for a rule file)")
    }

    static func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    @Test(arguments: [
        (Array("ab\ncdé\nxyz".utf8), 8, "f:3:1: error: the snapshot is larger than the input limit of 8 bytes; raise it with --max-input-size or CREDITS_MAX_INPUT_SIZE"),
        (Array("ab\n".utf8) + [0xFF] + Array("c".utf8), 100, "f:2:1: error: the snapshot is not UTF-8 text: byte 0xFF cannot start or continue a character"),
        (Array("é".utf8.dropLast()), 100, "f:1:1: error: the snapshot is not UTF-8 text: byte 0xC3 cannot start or continue a character"),
    ])
    func aFileIsReadWithinItsLimit(bytes: [UInt8], limit: Int, message: String) throws {
        let path = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let text = try InputFile.read(path: path, name: "f", what: "the snapshot", limit: InputLimit(bytes: limit))
            Issue.record("read \(text.debugDescription)")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }

    @Test func aFileAtTheLimitIsRead() throws {
        let path = try Self.file(Array("12345678".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try InputFile.read(path: path, name: "f", what: "the snapshot", limit: InputLimit(bytes: 8)) == "12345678")
    }

    @Test(arguments: [
        ("/no/such/file", "error: cannot read the snapshot '/no/such/file': no such file"),
        ("/tmp", "error: cannot read the snapshot '/tmp': it is a folder, not a file"),
    ])
    func whatCannotBeRead(path: String, message: String) {
        do {
            _ = try InputFile.read(path: path, name: path, what: "the snapshot", limit: .standard)
            Issue.record("read")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }

    /// One rule for every layer: at most one edit per three characters, case ignored,
    /// ties to the first in alphabetical order.
    @Test(arguments: [
        ("amout", ["amount", "at", "id"], "amount"), ("explian", ["explain", "expr", "log"], "explain"),
        ("lnt", ["lint", "test"], "lint"), ("AMOUNT", ["amount"], "amount"), ("xyz", ["amount", "at"], nil),
        ("--snapshto", ["--snapshot", "--since"], "--snapshot"), ("ab", ["ac", "ad"], "ac"),
    ] as [(String, [String], String?)])
    func didYouMean(word: String, candidates: [String], expected: String?) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }
}
