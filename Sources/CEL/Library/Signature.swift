/// One overload of a function as the checker sees it: parameter and result types, which may mention type parameters.
struct Signature: Sendable {
    let id: String
    /// Called as `target.f(args)`; the target is the first parameter.
    let receiverStyle: Bool
    let parameters: [CELType]
    let result: CELType

    init(_ id: String, receiver: Bool = false, _ parameters: [CELType], _ result: CELType) {
        self.id = id
        self.receiverStyle = receiver
        self.parameters = parameters
        self.result = result
    }
}
