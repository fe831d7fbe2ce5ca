/// Another client of the same account, with the balance it shows.
public struct OtherClient: Sendable, Identifiable {
    public let id: String
    public let name: String
    public let balance: Int

    public init(id: String, name: String, balance: Int) {
        self.id = id
        self.name = name
        self.balance = balance
    }
}
