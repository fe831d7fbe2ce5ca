/// `timestamp()`, `duration()` and the time getters, wired to the time library.
enum TimeFunctions {
    static func implementation(of name: String, arity: Int) -> StandardLibrary.Implementation? {
        nil
    }

    static let signatures: [String: [Signature]] = [:]
}
