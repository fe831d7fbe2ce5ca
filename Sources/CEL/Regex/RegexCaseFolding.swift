/// Unicode simple case folding as RE2 applies it under `(?i)`: scalars are equivalent when
/// they fold to the same scalar (`k`, `K` and the Kelvin sign `K`; `s`, `S` and `ſ`).
enum RegexCaseFolding {
    /// Every scalar that has a case-equivalent other than itself, sorted.
    static let orbitMembers: [UInt32] = orbits.keys.sorted()

    /// The scalars case-equivalent to `scalar`, itself included.
    static func orbit(of scalar: UInt32) -> [UInt32] {
        orbits[scalar] ?? [scalar]
    }

    private static let orbits: [UInt32: [UInt32]] = {
        var groups: [UInt32: [UInt32]] = [:]
        // Cased scripts all lie below U+20000.
        for value in UInt32(0)..<0x20000 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { continue }
            groups[fold(scalar), default: []].append(value)
        }
        var orbits: [UInt32: [UInt32]] = [:]
        for members in groups.values where members.count > 1 {
            for member in members { orbits[member] = members }
        }
        return orbits
    }()

    /// A representative of the scalar's case class: lower(upper(x)), using only one-to-one
    /// mappings, as the simple (not full) case folding does.
    private static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        // U+0131 (dotless i) upper-cases to I but Unicode's CaseFolding.txt does not fold it to i.
        if scalar.value == 0x131 { return scalar.value }
        let upper = single(scalar.properties.uppercaseMapping) ?? scalar
        return (single(upper.properties.lowercaseMapping) ?? upper).value
    }

    private static func single(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }
}
