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

/// A function's overload, declared by the host application: its signature and its implementation.
public struct CELOverload: Sendable {
    let signature: Signature
    let implementation: @Sendable ([CELValue]) throws(CELError) -> CELValue

    /// - Parameters:
    ///   - id: a unique name for the overload, such as `showcase_deposit_list_int`.
    ///   - receiverStyle: called as `target.name(args)`, with the target as the first parameter.
    ///   - parameters: the parameter types; `.typeParam("A")` makes the overload generic.
    ///   - result: the result type.
    ///   - implementation: the function itself, given the argument values in order.
    public init(id: String, receiverStyle: Bool = false, parameters: [CELType], result: CELType,
                implementation: @escaping @Sendable ([CELValue]) throws(CELError) -> CELValue) {
        signature = Signature(id, receiver: receiverStyle, parameters, result)
        self.implementation = implementation
    }
}
