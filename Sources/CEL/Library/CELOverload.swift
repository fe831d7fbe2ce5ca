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
