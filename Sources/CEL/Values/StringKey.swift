/// A string compared and hashed by its code points, without Unicode normalisation, as CEL requires.
struct StringKey: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: StringKey, b: StringKey) -> Bool { a.text.hasSameCodePoints(as: b.text) }
    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
