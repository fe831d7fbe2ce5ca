/// Bindings for one program, stored by slot: set them by slot (fastest) or by name, evaluate, repeat.
/// An activation belongs to the program that made it; slots are that program's.
public struct CELActivation: Sendable {
    var slots: [CELValue?]
    private let slotsByName: [String: Int]
    /// The program that made it, so that evaluating it with another one is an error, not a wrong answer.
    let program: ObjectIdentifier

    init(slotCount: Int, slotsByName: [String: Int], program: ObjectIdentifier) {
        slots = Array(repeating: nil, count: slotCount)
        self.slotsByName = slotsByName
        self.program = program
    }

    /// The value bound to a slot of the program that made this activation.
    public subscript(slot: CELSlot) -> CELValue? {
        get { slots[slot.index] }
        set { slots[slot.index] = newValue }
    }

    /// The value bound to a variable by name; setting a variable the program does not read does nothing.
    public subscript(name: String) -> CELValue? {
        get { slotsByName[name].flatMap { slots[$0] } }
        set { if let slot = slotsByName[name] { slots[slot] = newValue } }
    }
}
