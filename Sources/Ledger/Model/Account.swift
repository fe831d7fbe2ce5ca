/// The account a client belongs to (an agency with several clients).
public struct Account: Sendable {
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
