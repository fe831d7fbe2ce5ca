/// A string compared and hashed by its code points, without Unicode normalisation, as CEL requires.
struct StringKey: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: StringKey, b: StringKey) -> Bool { a.text.hasSameCodePoints(as: b.text) }
    /// The UTF-8 bytes at once (equal code points are equal bytes): a long map's index hashes
    /// every key, and byte by byte cost a call each.
    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
