import ArgumentParser

extension Credits {
    /// `credits rules lint|test [DIR]` (SPEC section 4).
    struct RulesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "Not built yet.")

        func run() throws {
            throw ValidationError("credits rules is not built yet")
        }
    }
}
