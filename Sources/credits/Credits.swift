import ArgumentParser

/// The `credits` command: a thin layer that reads options, hands off to the
/// libraries and maps outcomes to exit codes (SPEC section 4).
@main
struct Credits: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explains why a client's credit balance is not what someone expected.",
        subcommands: [Explain.self, Ticket.self, Log.self, RulesCommand.self, Expr.self]
    )
}
