#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The most bytes one input (a snapshot, a rule file, standard input) may hold.
/// Reading stops at the limit, so that an endless input (`< /dev/zero`) is refused
/// after reading no more than the limit, instead of growing until memory runs out.
public struct InputLimit: Sendable, Hashable, CustomStringConvertible {
    public var bytes: Int

    /// This limit is the share rule files get of the input limit (see `forRuleFiles`).
    public private(set) var isRuleFileShare = false

    public init(bytes: Int) {
        self.bytes = bytes
    }

    /// What one rule file may hold: a sixteenth of the limit (4 MiB by default). Reading a
    /// rule costs more memory per byte than a snapshot (each character of a scalar keeps
    /// its place in the file, for messages about expressions and example snapshots).
    public var forRuleFiles: InputLimit {
        var share = InputLimit(bytes: max(1, bytes / 16))
        share.isRuleFileShare = true
        return share
    }

    /// 64 MiB: five times a 100,000-entry snapshot, and within 1 GB of memory to read it.
    public static let standard = InputLimit(bytes: 64 << 20)

    /// The environment variable that sets the limit when `--max-input-size` is not given.
    public static let environmentVariable = "CREDITS_MAX_INPUT_SIZE"

    /// A size as a person writes it: `1000000`, `512K`, `64M`, `1G` (powers of 1024); nil
    /// for anything else, zero, or more than a terabyte.
    public init?(parsing text: String) {
        var digits = Substring(text)
        var unit = 1
        switch digits.last {
        case "K", "k": unit = 1 << 10
        case "M", "m": unit = 1 << 20
        case "G", "g": unit = 1 << 30
        default: break
        }
        if unit != 1 { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(digits) else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: unit)
        guard !overflow, bytes > 0, bytes <= 1 << 40 else { return nil }
        self.bytes = bytes
    }

    /// `64 MiB (67108864 bytes)`.
    public var description: String {
        let share = isRuleFileShare ? ", a sixteenth of the input limit for a rule file" : ""
        for (unit, name) in [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] where bytes % unit == 0 {
            return "\(bytes / unit) \(name) (\(bytes) bytes\(share))"
        }
        return "\(bytes) bytes" + (isRuleFileShare ? " (\(share.dropFirst(2)))" : "")
    }
}

/// Reads a file, or standard input for `-`, as UTF-8 text within an `InputLimit`.
public enum InputFile {
    /// The text of `path` (`-`: standard input), named `name` in messages. A missing file,
    /// a folder, text past the limit or bytes that are not UTF-8 are one diagnostic each,
    /// the last two at the line and column of the byte where reading stopped.
    /// `what` names the input: "the snapshot", "the rule file".
    public static func read(path: String, name: String, what: String, limit: InputLimit) throws(DiagnosticsError) -> String {
        let bytes = try readBytes(path: path, name: name, what: what, limit: limit)
        if bytes.count > limit.bytes {
            let place = location(ofByte: limit.bytes, in: bytes, file: name)
            throw DiagnosticsError([Diagnostic(
                message: "\(what) is larger than the input limit of \(limit); raise it with --max-input-size or \(InputLimit.environmentVariable)",
                location: place)])
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw DiagnosticsError([Diagnostic(message: "\(what) is not UTF-8 text: byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) cannot start or continue a character",
                                               location: location(ofByte: bad, in: bytes, file: name))])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// At most `limit + 1` bytes: one past the limit is enough to know it was passed.
    private static func readBytes(path: String, name: String, what: String, limit: InputLimit) throws(DiagnosticsError) -> [UInt8] {
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : "it cannot be read"
            throw DiagnosticsError([Diagnostic(message: "cannot read \(what) '\(path)': \(reason)")])
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw DiagnosticsError([Diagnostic(message: "cannot read \(what) '\(path)': it is a folder, not a file")])
        }
        var bytes: [UInt8] = []
        let chunk = 1 << 16
        while bytes.count <= limit.bytes {
            let start = bytes.count
            let wanted = min(chunk, limit.bytes + 1 - start)
            bytes.append(contentsOf: repeatElement(0, count: wanted))
            let got = bytes.withUnsafeMutableBytes { buffer in
                readDescriptor(descriptor, into: buffer.baseAddress! + start, count: wanted)
            }
            if got < 0 {
                if errno == EINTR { bytes.removeLast(wanted); continue }
                let reason = errno == EISDIR ? "it is a folder, not a file" : "it cannot be read"
                throw DiagnosticsError([Diagnostic(message: "cannot read \(what) '\(name)': \(reason)")])
            }
            bytes.removeLast(wanted - got)
            if got == 0 { break }
        }
        return bytes
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, nil when all are.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The 1-based line and column (in characters of the text before it) of byte `offset`.
    static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        // Count characters, not bytes: continuation bytes (10xxxxxx) do not start one.
        let column = 1 + bytes[lineStart..<min(offset, bytes.count)].lazy.filter { $0 & 0xC0 != 0x80 }.count
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// The C library's `read`, out of reach of `InputFile.read`'s name.
private func readDescriptor(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
    read(descriptor, buffer, count)
}
