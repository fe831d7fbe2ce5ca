import ArgumentParser

extension Credits {
    /// `credits log` (SPEC section 4).
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Not built yet.")

        func run() throws {
            throw ValidationError("credits log is not built yet")
        }
    }
}
