import ArgumentParser
import Foundation

/// The `credits` command: a thin layer that reads options, hands off to the
/// libraries and maps outcomes to exit codes (SPEC section 4).
@main
struct Credits: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explains why a client's credit balance is not what someone expected.",
        version: Credits.version,
        subcommands: [Explain.self, Ticket.self, Log.self, RulesCommand.self, Expr.self, Db.self, AuditCommand.self, Serve.self, Agents.self]
    )

    /// `credits --version`.
    static let version = "0.4.0"

    /// Runs the command, with two changes to ArgumentParser's ways: a usage error (a
    /// missing option, a value that does not parse) exits 2, as every other usage or
    /// input error does (SPEC section 4), not EX_USAGE (64), with "did you mean" for a
    /// typo; and output that could not be written (a full disk) is an error, exit 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            OutputCheck.finish()
        } catch {
            OutputCheck.finish()
            if exitCode(for: error) == .validationFailure {
                let arguments = Array(CommandLine.arguments.dropFirst())
                FileHandle.standardError.write(Data((usageMessage(for: error, arguments: arguments) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
