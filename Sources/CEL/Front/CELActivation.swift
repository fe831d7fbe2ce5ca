/// Bindings for one program, stored by slot: set them by slot (fastest) or by name, evaluate, repeat.
public struct CELActivation: Sendable {
    var slots: [CELValue?]
    private let slotsByName: [String: Int]

    init(slotCount: Int, slotsByName: [String: Int]) {
        slots = Array(repeating: nil, count: slotCount)
        self.slotsByName = slotsByName
    }

    /// The value bound to a slot.
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
