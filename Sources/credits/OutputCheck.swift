#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Output that did not reach its file is an error: `credits explain > /dev/full` must not
/// exit 0 with nothing written. (A closed pipe stops the program with SIGPIPE first, the
/// usual exit of a program whose reader went away.)
enum OutputCheck {
    /// Flushes standard output; when anything written to it failed, says so on standard
    /// error and exits 2.
    static func finish() {
        let flushed = fflush(standardOutput) == 0
        guard !flushed || ferror(standardOutput) != 0 else { return }
        let reason = String(cString: strerror(errno))
        let message = "error: cannot write the output: \(reason)\n"
        _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        exit(2)
    }
}

/// The C library's standard output stream, read once (only the main thread prints).
nonisolated(unsafe) private let standardOutput = stdout
