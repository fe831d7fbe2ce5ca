import ArgumentParser

extension Credits {
    /// `credits expr` (SPEC section 4).
    struct Expr: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Not built yet.")

        func run() throws {
            throw ValidationError("credits expr is not built yet")
        }
    }
}
