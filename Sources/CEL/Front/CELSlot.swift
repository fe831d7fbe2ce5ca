/// A variable's place in a program's activation.
public struct CELSlot: Hashable, Sendable {
    let index: Int
}
