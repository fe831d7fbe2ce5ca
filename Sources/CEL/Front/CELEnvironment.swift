import Diagnostics

/// The declarations an expression is compiled against: variables, object types, functions,
/// the container names resolve in, and the limits of evaluation.
public struct CELEnvironment: Sendable {
    /// The namespace names resolve in: with container `a.b`, the name `x` is tried as `a.b.x`, `a.x`, then `x`.
    public var container: String
    /// Whether `compile` type-checks; without it, undeclared names and functions fail only when evaluated.
    public var checksTypes = true
    /// Whether `has`, `all`, `exists`, `exists_one`, `map` and `filter` are macros or plain functions.
    public var expandsMacros = true
    /// The work one evaluation may do (one unit per comprehension step, per element built by `+`)
    /// before it stops with an error.
    public var costLimit = 10_000_000
    /// The optional libraries (`cel.bind`, string and math functions) expressions may use; none by default.
    public var extensions: Set<CELExtension> = []

    var variables: [String: CELType] = [:]
    var objectTypes: [String: ObjectType] = [:]
    var functions: [String: [CELOverload]] = [:]
    /// The declared functions with a dotted name (`a.b`), kept as they are declared:
    /// the parser needs them for every expression compiled.
    private var qualifiedFunctions: Set<String> = []

    /// An environment with no declarations beyond the standard library and the extensions named.
    public init(container: String = "", extensions: Set<CELExtension> = []) {
        self.container = container
        self.extensions = extensions
    }

    /// Turns an extension library on.
    public mutating func enable(_ extension: CELExtension) {
        extensions.insert(`extension`)
    }

    /// Declares a variable that bindings provide; a dotted name (`a.b`) is one variable.
    public mutating func declareVariable(_ name: String, type: CELType) {
        variables[name] = type
    }

    /// Declares a record type whose values are `CELObject`s with these fields.
    public mutating func declareObjectType(_ name: String, fields: [String: CELType]) {
        objectTypes[name] = ObjectType(name: name, fields: fields)
    }

    /// Declares a function, or adds overloads to one already declared.
    public mutating func declareFunction(_ name: String, overloads: [CELOverload]) {
        functions[name, default: []] += overloads
        if name.utf8.contains(UInt8(ascii: ".")) { qualifiedFunctions.insert(name) }
    }

    /// Parses and type-checks once; throws every problem found. Diagnostic locations are
    /// line/column in `source` itself (file = `name`); callers that embed expressions in
    /// other files map them (SourceLocation.advanced(by:)).
    public func compile(_ source: String, name: String = "<expression>") throws(DiagnosticsError) -> CELProgram {
        let file = SourceFile(name: name, text: source)
        let (parsedRoot, ranges, syntaxErrors) = Parser.parse(source, options: parserOptions)
        guard let parsedRoot else {
            throw DiagnosticsError(syntaxErrors.map { file.diagnostic($0.message, atUTF8Offset: $0.offset) })
        }
        let parsed = (root: parsedRoot, nodeCount: ranges.count)
        var types: [CELType]? = nil
        var problems: [SyntaxError] = []
        if checksTypes {
            var checker = Checker(environment: self, nodeCount: parsed.nodeCount)
            checker.check(parsed.root)
            types = checker.types
            problems = checker.problems
        }
        var planner = Planner(environment: self, types: types)
        let root = planner.plan(parsed.root)
        problems += planner.problems
        guard problems.isEmpty else {
            let ordered = problems.sorted { $0.offset < $1.offset }
            throw DiagnosticsError(ordered.map { file.diagnostic($0.message, atUTF8Offset: $0.offset) })
        }
        return CELProgram(
            root: root, slotNames: planner.slotNames, source: file,
            resultType: types?[parsed.root.id] ?? .dyn, costLimit: costLimit,
            syntax: CELProgram.Syntax(root: parsedRoot, ranges: ranges, types: types, environment: self))
    }

    /// What the parser needs to know of the environment: which macros to expand and which dotted
    /// names (`math.abs`) are functions rather than a selection followed by a call.
    var parserOptions: Parser.Options {
        var qualified = qualifiedFunctions
        for library in extensions { qualified.formUnion(library.qualifiedFunctions) }
        return Parser.Options(
            expandsMacros: expandsMacros, bindings: extensions.contains(.bindings),
            math: extensions.contains(.math), qualifiedFunctions: qualified)
    }

    /// The signatures a function name has here: the declared ones if any, else the standard library's
    /// and the enabled extensions'.
    func signatures(of function: String) -> [Signature] {
        if let declared = functions[function], !declared.isEmpty { return declared.map(\.signature) }
        var found = StandardLibrary.signatures[function] ?? []
        for library in CELExtension.allCases where extensions.contains(library) {
            found += library.signatures[function] ?? []
        }
        return found
    }

    /// The implementation of a standard or enabled extension function.
    func implementation(of function: String, arity: Int) -> StandardLibrary.Implementation? {
        if let standard = StandardLibrary.implementation(of: function, arity: arity) { return standard }
        for library in CELExtension.allCases where extensions.contains(library) {
            if let found = library.implementation(of: function, arity: arity) { return found }
        }
        return nil
    }

    /// Function names callers may mean, for "did you mean" help.
    var knownFunctionNames: [String] {
        var names = Array(functions.keys) + StandardLibrary.signatures.keys.filter { !$0.contains("_") && $0 != "@in" }
        for library in extensions {
            names += library.signatures.keys.filter { !$0.contains("@") } + (expandsMacros ? library.macros : [])
        }
        return names
    }

    /// The declared variable a (possibly dotted, possibly rooted with a leading `.`) name refers to,
    /// trying the container's namespaces from the innermost out.
    func resolveVariable(_ name: String) -> String? {
        candidates(for: name).first { variables[$0] != nil }
    }

    /// For `a.b.c`, where a dotted prefix of the name is a declared variable, that variable (the longest
    /// prefix wins) and the selections left to apply after it, outermost last. Nil when the chain
    /// starts with a comprehension variable or no prefix is declared.
    func resolvePrefix(of expr: Expr, isLocal: (String) -> Bool) -> (variable: String, root: Expr, selections: ArraySlice<Expr>)? {
        var chain: [Expr] = []
        var cursor = expr
        while case .select(let operand, _, false) = cursor.kind {
            chain.append(cursor)
            cursor = operand
        }
        guard case .identifier(let root) = cursor.kind, root.hasPrefix(".") || !isLocal(root) else { return nil }
        chain.reverse()
        var names = [root]
        for link in chain {
            guard case .select(_, let field, _) = link.kind else { return nil }
            names.append(names[names.count - 1] + "." + field)
        }
        for length in stride(from: names.count, to: 0, by: -1) {
            if let declared = resolveVariable(names[length - 1]) {
                return (declared, length == 1 ? cursor : chain[length - 2], chain[(length - 1)...])
            }
        }
        return nil
    }

    /// The type a (possibly dotted) name denotes as a value, such as `int` or `google.protobuf.Timestamp`
    /// or a declared object type, when no variable has that name.
    func typeValue(named name: String) -> CELType? {
        if let type = resolveObjectType(name) { return .object(type.name) }
        return StandardLibrary.typeNames[name.hasPrefix(".") ? String(name.dropFirst()) : name]
    }

    /// The declared object type a name refers to.
    func resolveObjectType(_ name: String) -> ObjectType? {
        for candidate in candidates(for: name) {
            if let type = objectTypes[candidate] { return type }
        }
        return nil
    }

    /// `x` in container `a.b`: `a.b.x`, `a.x`, `x`; `.x`: only `x`.
    func candidates(for name: String) -> [String] {
        if name.hasPrefix(".") { return [String(name.dropFirst())] }
        guard !container.isEmpty else { return [name] }
        var result: [String] = []
        var namespace = Substring(container)
        while true {
            result.append("\(namespace).\(name)")
            guard let dot = namespace.lastIndex(of: ".") else { break }
            namespace = namespace[..<dot]
        }
        result.append(name)
        return result
    }
}
