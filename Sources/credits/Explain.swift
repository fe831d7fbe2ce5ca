import ArgumentParser

extension Credits {
    /// `credits explain` (SPEC section 4).
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Not built yet.")

        func run() throws {
            throw ValidationError("credits explain is not built yet")
        }
    }
}
