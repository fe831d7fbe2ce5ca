/// An optional library of macros and functions, after cel-go's `ext` package. Extensions are off unless
/// an environment enables them, so that an expression written for plain CEL means the same everywhere.
public enum CELExtension: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// `cel.bind(name, init, body)`: a local name for a sub-expression, evaluated once.
    case bindings
    /// `charAt`, `indexOf`, `lastIndexOf`, `lowerAscii`, `upperAscii`, `replace`, `split`, `substring`,
    /// `trim`, `join`, `reverse`, `format` and `strings.quote`, as cel-go's `ext.Strings()`.
    case strings
    /// `math.greatest`, `math.least`, `math.abs`, `math.sign`, `math.ceil`, `math.floor`, `math.round`,
    /// `math.trunc`, `math.isNaN`, `math.isInf`, `math.isFinite`, `math.sqrt` and the bit functions,
    /// as cel-go's `ext.Math()`.
    case math

    /// The extension's name as messages print it: `strings`.
    public var description: String { rawValue }

    /// The signatures of the extension's functions, by function name, for the checker.
    var signatures: [String: [Signature]] {
        switch self {
        case .bindings: [:]
        case .strings: StringsExtension.signatures
        case .math: MathExtension.signatures
        }
    }

    /// The implementation of one of the extension's functions called with `arity` arguments (receiver counted).
    func implementation(of name: String, arity: Int) -> StandardLibrary.Implementation? {
        switch self {
        case .bindings: nil
        case .strings: StringsExtension.implementation(of: name, arity: arity)
        case .math: MathExtension.implementation(of: name, arity: arity)
        }
    }

    /// The names of the extension's macros, as written.
    var macros: [String] {
        switch self {
        case .bindings: ["cel.bind"]
        case .strings: []
        case .math: ["math.greatest", "math.least"]
        }
    }

    /// The extension a qualified function or macro name (`math.abs`, `cel.bind`) belongs to.
    static func owner(of qualifiedName: String) -> CELExtension? {
        allCases.first { $0.signatures[qualifiedName] != nil || $0.macros.contains(qualifiedName) }
    }

    /// Names called as `namespace.function(...)`, which the parser reads as one global function name.
    var qualifiedFunctions: Set<String> {
        CELExtension.qualifiedFunctionsByExtension[self] ?? []
    }

    /// `qualifiedFunctions` of each extension, found once: the parser asks for them for
    /// every expression compiled.
    private static let qualifiedFunctionsByExtension: [CELExtension: Set<String>] = Dictionary(
        uniqueKeysWithValues: allCases.map { library in (library, Set(library.signatures.keys.filter { $0.utf8.contains(UInt8(ascii: ".")) })) })
}
