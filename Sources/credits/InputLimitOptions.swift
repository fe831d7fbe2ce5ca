import ArgumentParser
import Diagnostics
import Foundation

/// `--max-input-size SIZE`: the most bytes one input (the snapshot, standard input, a
/// rule file) may hold. Without it, `CREDITS_MAX_INPUT_SIZE`, else `InputLimit.standard`.
struct InputLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-input-size"),
            help: ArgumentHelp("The largest snapshot, standard input or rule file read: bytes, or with K, M or G (default: 64M, or $CREDITS_MAX_INPUT_SIZE).",
                               valueName: "size"))
    var maxInputSize: String?

    /// The limit in force; a size that does not parse is a usage error (exit 2).
    func limit() throws -> InputLimit {
        if let maxInputSize {
            guard let limit = InputLimit(parsing: maxInputSize) else {
                throw SnapshotOptions.usageError("--max-input-size must be a size such as 64M, 512K or 1000000 (at most 1024G), not '\(maxInputSize)'")
            }
            return limit
        }
        if let text = ProcessInfo.processInfo.environment[InputLimit.environmentVariable] {
            guard let limit = InputLimit(parsing: text) else {
                throw SnapshotOptions.usageError("\(InputLimit.environmentVariable) must be a size such as 64M, 512K or 1000000 (at most 1024G), not '\(text)'")
            }
            return limit
        }
        return .standard
    }
}
