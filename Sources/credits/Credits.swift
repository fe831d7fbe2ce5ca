import ArgumentParser
import Foundation

/// The `credits` command: a thin layer that reads options, hands off to the
/// libraries and maps outcomes to exit codes (SPEC section 4).
@main
struct Credits: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explains why a client's credit balance is not what someone expected.",
        subcommands: [Explain.self, Ticket.self, Log.self, RulesCommand.self, Expr.self, Db.self, AuditCommand.self, Serve.self, Agents.self]
    )

    /// Runs the command, with one change to ArgumentParser's exit codes: a usage
    /// error (a missing option, a value that does not parse) exits 2, as every
    /// other usage or input error does (SPEC section 4), not EX_USAGE (64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
