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
        var table: [Unicode.GeneralCategory: [ClosedRange<UInt32>]] = [
            .surrogate: [0xD800...0xDFFF],
            // Planes 15 and 16 are private use but for their last two noncharacters; planes 4
            // to 13 are unassigned. Only planes 0 to 3 and 14 need looking at, scalar by scalar.
            .privateUse: [0xF0000...0xFFFFD, 0x100000...0x10FFFD],
        ]
        var start: UInt32 = 0
        var current: Unicode.GeneralCategory? = nil
        func close(before end: UInt32) {
            if let category = current { table[category, default: []].append(start...(end - 1)) }
            current = nil
        }
        for plane in [UInt32(0)..<0x40000, 0xE0000..<0xF0000] {
            for value in plane {
                guard let scalar = Unicode.Scalar(value) else {
                    close(before: value)
                    continue
                }
                let category = scalar.properties.generalCategory
                if category != current {
                    close(before: value)
                    (start, current) = (value, category)
                }
            }
            close(before: plane.upperBound)
        }
        return table
    }()
}
