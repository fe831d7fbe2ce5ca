import ArgumentParser

extension Credits {
    /// `credits ticket` (SPEC section 4).
    struct Ticket: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Not built yet.")

        func run() throws {
            throw ValidationError("credits ticket is not built yet")
        }
    }
}
