/// The named classes RE2 knows: Perl's `\d \s \w`, the POSIX `[:name:]` classes (all ASCII,
/// as in RE2) and the Unicode general categories behind `\p{...}`.
enum RegexNamedClasses {
    /// `\d`, `\s`, `\w` (ASCII only in RE2; upper case letters negate).
    static func perl(_ letter: Unicode.Scalar) -> (RegexCharClass, negated: Bool)? {
        let ranges: [ClosedRange<UInt32>]
        switch letter {
        case "d", "D": ranges = [0x30...0x39]
        case "s", "S": ranges = [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]
        case "w", "W": ranges = word
        default: return nil
        }
        return (RegexCharClass(ranges), letter.properties.isUppercase)
    }

    static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]

    /// `[:alpha:]` and the rest, by the name between the colons.
    static let posix: [String: [ClosedRange<UInt32>]] = [
        "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A],
        "alpha": [0x41...0x5A, 0x61...0x7A],
        "ascii": [0x00...0x7F],
        "blank": [0x09...0x09, 0x20...0x20],
        "cntrl": [0x00...0x1F, 0x7F...0x7F],
        "digit": [0x30...0x39],
        "graph": [0x21...0x7E],
        "lower": [0x61...0x7A],
        "print": [0x20...0x7E],
        "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E],
        "space": [0x09...0x0D, 0x20...0x20],
        "upper": [0x41...0x5A],
        "word": word,
        "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
    ]

    /// RE2's general category names (`\p{Lu}`, `\pL`) and the categories they cover.
    static let categoryNames: [String: [Unicode.GeneralCategory]] = {
        let two: [String: Unicode.GeneralCategory] = [
            "Lu": .uppercaseLetter, "Ll": .lowercaseLetter, "Lt": .titlecaseLetter, "Lm": .modifierLetter,
            "Lo": .otherLetter, "Mn": .nonspacingMark, "Mc": .spacingMark, "Me": .enclosingMark,
            "Nd": .decimalNumber, "Nl": .letterNumber, "No": .otherNumber, "Pc": .connectorPunctuation,
            "Pd": .dashPunctuation, "Ps": .openPunctuation, "Pe": .closePunctuation,
            "Pi": .initialPunctuation, "Pf": .finalPunctuation, "Po": .otherPunctuation,
            "Sm": .mathSymbol, "Sc": .currencySymbol, "Sk": .modifierSymbol, "So": .otherSymbol,
            "Zs": .spaceSeparator, "Zl": .lineSeparator, "Zp": .paragraphSeparator,
            "Cc": .control, "Cf": .format, "Cs": .surrogate, "Co": .privateUse,
        ]
        var names = two.mapValues { [$0] }
        // RE2's one-letter groups are the unions of their two-letter ones (so C has no Cn).
        for (name, category) in two {
            names[String(name.prefix(1)), default: []].append(category)
        }
        return names
    }()

    /// The scalars of a `\p{name}` class, or nil for a name this implementation does not know.
    static func unicode(_ name: String) -> RegexCharClass? {
        if name == "Any" { return .any }
        guard let categories = categoryNames[name] else { return nil }
        return RegexCharClass(categories.flatMap { categoryRanges[$0] ?? [] })
    }

    /// Every scalar's general category, as ranges; computed once, on the first `\p`.
    private static let categoryRanges: [Unicode.GeneralCategory: [ClosedRange<UInt32>]] = {
        var table: [Unicode.GeneralCategory: [ClosedRange<UInt32>]] = [.surrogate: [0xD800...0xDFFF]]
        var start: UInt32 = 0
        var current: Unicode.GeneralCategory? = nil
        func close(before end: UInt32) {
            if let category = current { table[category, default: []].append(start...(end - 1)) }
        }
        for value in UInt32(0)...RegexCharClass.maxScalar {
            guard let scalar = Unicode.Scalar(value) else {
                close(before: value)
                current = nil
                continue
            }
            let category = scalar.properties.generalCategory
            if category != current {
                close(before: value)
                (start, current) = (value, category)
            }
        }
        close(before: RegexCharClass.maxScalar + 1)
        return table
    }()
}

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
