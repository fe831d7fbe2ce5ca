import ArgumentParser
import BuiltinRules

@main
struct Credits: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explains why a client's credit balance is not what someone expected.")

    func run() throws {
        print("rule pack files: \(BuiltinRules.files.map(\.path))")
    }
}
