import Diagnostics
/// Gradual type checking: infers a type for every node, reporting undeclared names, unknown fields and
/// calls that match no overload. `dyn` (undeclared or mixed types) passes everywhere, to be checked at
/// run time. Problems are collected, not thrown at the first.
struct Checker {
    let environment: CELEnvironment
    /// The inferred type of each node, by node id.
    private(set) var types: [CELType]
    private(set) var problems: [SyntaxError] = []
    private var locals: [(name: String, type: CELType)] = []

    init(environment: CELEnvironment, nodeCount: Int) {
        self.environment = environment
        types = Array(repeating: .dyn, count: nodeCount)
    }

    @discardableResult
    mutating func check(_ expr: Expr) -> CELType {
        let type = infer(expr)
        types[expr.id] = type
        return type
    }

    private mutating func report(_ message: String, at offset: Int) {
        problems.append(SyntaxError(message: message, offset: offset))
    }

    private func local(_ name: String) -> CELType? {
        locals.last { $0.name == name }?.type
    }

    // `infer` and the functions it recurses through stay small, and the work after the recursion
    // (overload resolution, messages) is done in helpers, so that each level of nesting costs
    // little stack.
    private mutating func infer(_ expr: Expr) -> CELType {
        switch expr.kind {
        case .literal(let value): value.type
        case .identifier(let name): identifier(name, offset: expr.offset)
        case .select: selection(expr)
        case .call(let function, let target, let arguments): call(function, target: target, arguments: arguments, offset: expr.offset)
        case .list(let elements): list(elements)
        case .map(let entries): map(entries)
        case .object(let typeName, let fields): object(typeName, fields: fields, offset: expr.offset)
        case .comprehension(let comprehension): self.comprehension(comprehension, offset: expr.offset)
        case .bind(let binding): bind(binding)
        }
    }

    /// `cel.bind`: the name has the initializer's type inside the body, hiding any outer name.
    private mutating func bind(_ binding: Expr.Binding) -> CELType {
        let type = check(binding.initializer)
        locals.append((binding.variable, type == .error ? .dyn : type))
        defer { locals.removeLast() }
        return check(binding.body)
    }

    private mutating func list(_ elements: [Expr]) -> CELType {
        .list(join(elements.map { check($0) }))
    }

    private mutating func map(_ entries: [Expr.MapEntry]) -> CELType {
        let keys = entries.map { check($0.key) }
        for (entry, key) in zip(entries, keys) where !Checker.isMapKey(key) {
            report("a map key cannot be of type '\(key)'", at: entry.key.offset)
        }
        return .map(key: join(keys), value: join(entries.map { check($0.value) }))
    }

    private mutating func selection(_ expr: Expr) -> CELType {
        guard case .select(let operand, let field, let testOnly) = expr.kind else { return .error }
        if !testOnly, let type = qualifiedName(expr) { return type }
        let operandType = check(operand)
        if testOnly { return presenceTest(field, on: operandType, offset: expr.offset) }
        return select(field, from: operandType, offset: expr.offset)
    }

    /// `a.b.c` as a declared variable (the longest dotted prefix) with fields after it, or as a type name.
    private mutating func qualifiedName(_ expr: Expr) -> CELType? {
        if let resolved = environment.resolvePrefix(of: expr, isLocal: { local($0) != nil }) {
            var type = environment.variables[resolved.variable] ?? .dyn
            types[resolved.root.id] = type
            for link in resolved.selections {
                guard case .select(_, let linkField, _) = link.kind else { continue }
                type = select(linkField, from: type, offset: link.offset)
                types[link.id] = type
            }
            return type
        }
        if let name = expr.qualifiedName, environment.typeValue(named: name) != nil,
           name.hasPrefix(".") || local(String(name.prefix { $0 != "." })) == nil {
            return .type
        }
        return nil
    }

    private mutating func presenceTest(_ field: String, on operandType: CELType, offset: Int) -> CELType {
        switch operandType {
        case .object(let name):
            if let declared = environment.objectTypes[name], declared.fields[field] == nil {
                report("no such field '\(field)' on type '\(name)'", at: offset)
                return .error
            }
            return .bool
        case .map, .dyn, .error, .typeParam: return .bool
        default:
            report("has() cannot test a field of type '\(operandType)'", at: offset)
            return .error
        }
    }

    private mutating func identifier(_ name: String, offset: Int) -> CELType {
        if !name.hasPrefix("."), let type = local(name) { return type }
        if let declared = environment.resolveVariable(name) { return environment.variables[declared] ?? .dyn }
        if environment.typeValue(named: name) != nil { return .type }
        let bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
        var message = "undeclared reference to '\(bare)'"
        let known = Array(environment.variables.keys) + locals.map(\.name)
        if let suggestion = Suggestion.closest(to: bare, among: known) { message += " (did you mean '\(suggestion)'?)" }
        if !environment.container.isEmpty { message += " (in container '\(environment.container)')" }
        report(message, at: offset)
        return .error
    }

    private mutating func select(_ field: String, from type: CELType, offset: Int) -> CELType {
        switch type {
        case .object(let name):
            guard let declared = environment.objectTypes[name] else { return .dyn }
            if let fieldType = declared.fields[field] { return fieldType }
            var message = "no such field '\(field)' on type '\(name)'"
            if let suggestion = Suggestion.closest(to: field, among: Array(declared.fields.keys)) {
                message += " (did you mean '\(suggestion)'?)"
            }
            report(message, at: offset)
            return .error
        case .map(let key, let value):
            switch key {
            case .string, .dyn, .typeParam, .error: return value
            default:
                report("cannot select field '\(field)' of a map with \(key) keys; use an index, m[key]", at: offset)
                return .error
            }
        case .dyn, .error, .typeParam:
            return .dyn
        default:
            report("type '\(type)' does not support field selection (selecting '\(field)')", at: offset)
            return .error
        }
    }

    private mutating func object(_ typeName: String, fields: [Expr.FieldInit], offset: Int) -> CELType {
        guard let declared = environment.resolveObjectType(typeName) else {
            report("undeclared type '\(typeName)'", at: offset)
            for field in fields { check(field.value) }
            return .error
        }
        for field in fields {
            let valueType = check(field.value)
            guard let fieldType = declared.fields[field.name] else {
                report("no such field '\(field.name)' on type '\(declared.name)'", at: field.offset)
                continue
            }
            var bindings: [String: CELType] = [:]
            if !Checker.isAssignable(valueType, to: fieldType, &bindings) {
                report("field '\(field.name)' of type '\(declared.name)' is \(fieldType), not \(valueType)", at: field.value.offset)
            }
        }
        return .object(declared.name)
    }

    private mutating func comprehension(_ comprehension: Expr.Comprehension, offset: Int) -> CELType {
        let rangeType = check(comprehension.range)
        let variableType: CELType
        switch rangeType {
        case .list(let element): variableType = element
        case .map(let key, _): variableType = key
        case .dyn, .error, .typeParam: variableType = .dyn
        default:
            report("\(comprehension.kind.rawValue)() needs a list or a map, not \(rangeType)", at: comprehension.range.offset)
            variableType = .error
        }
        locals.append((comprehension.variable, variableType))
        defer { locals.removeLast() }
        if let filter = comprehension.filter { expectBool(filter, in: comprehension.kind.rawValue) }
        switch comprehension.kind {
        case .all, .exists, .existsOne:
            expectBool(comprehension.body, in: comprehension.kind.rawValue)
            return .bool
        case .filter:
            expectBool(comprehension.body, in: comprehension.kind.rawValue)
            return .list(variableType)
        case .map:
            return .list(check(comprehension.body))
        }
    }

    private mutating func expectBool(_ expr: Expr, in function: String) {
        let type = check(expr)
        switch type {
        case .bool, .dyn, .error, .typeParam: break
        default: report("the condition of \(function)() must be a bool, not \(type)", at: expr.offset)
        }
    }

    // MARK: calls

    private mutating func call(_ rawName: String, target: Expr?, arguments: [Expr], offset: Int) -> CELType {
        if let target, let message = undeclaredQualifiedFunction(rawName, target: target) {
            // `math.abs(x)` without the math extension: one message, not "undeclared 'math'" and "undeclared 'abs'";
            // the arguments of `cel.bind` would only add that the name it binds is undeclared.
            if rawName != "bind" { for argument in arguments { check(argument) } }
            report(message, at: target.offset)
            return .error
        }
        var argumentTypes: [CELType] = []
        if let target { argumentTypes.append(check(target)) }
        for argument in arguments { argumentTypes.append(check(argument)) }
        return resolve(rawName, receiverStyle: target != nil, argumentTypes: argumentTypes, offset: offset)
    }

    /// The overloads of a function that accept these argument types, and the result type they give.
    private mutating func resolve(_ rawName: String, receiverStyle: Bool, argumentTypes: [CELType], offset: Int) -> CELType {
        let function = rawName.hasPrefix(".") ? String(rawName.dropFirst()) : rawName
        let signatures = environment.signatures(of: function)
        guard !signatures.isEmpty else {
            var message = "undeclared function '\(function)'"
            if let library = CELExtension.allCases.first(where: { $0.signatures[function] != nil }) {
                message += " (it is in the \(library) extension, which this environment does not enable)"
            } else if let suggestion = Suggestion.closest(to: function, among: environment.knownFunctionNames) {
                message += " (did you mean '\(suggestion)'?)"
            }
            report(message, at: offset)
            return .error
        }
        // An argument that already failed to check has been reported; do not pile on.
        if argumentTypes.contains(.error) { return .error }
        var results: [CELType] = []
        for signature in signatures
        where signature.receiverStyle == receiverStyle && signature.parameters.count == argumentTypes.count {
            var bindings: [String: CELType] = [:]
            if zip(argumentTypes, signature.parameters).allSatisfy({ Checker.isAssignable($0, to: $1, &bindings) }) {
                results.append(Checker.substitute(signature.result, bindings))
            }
        }
        guard !results.isEmpty else {
            let shown = argumentTypes.map(\.description)
            let applied = receiverStyle
                ? "\(shown[0]).(\(shown.dropFirst().joined(separator: ", ")))"
                : "(\(shown.joined(separator: ", ")))"
            report("found no matching overload for '\(Operator.display(function))' applied to '\(applied)'", at: offset)
            return .error
        }
        return results.dropFirst().allSatisfy { $0 == results[0] } ? results[0] : .dyn
    }

    /// The message for `namespace.function(...)` (`math.abs(x)`, `cel.bind(...)`) when the namespace is no
    /// name in scope but a family of functions: one of an extension this environment does not enable,
    /// or a misspelling of one of the family.
    private func undeclaredQualifiedFunction(_ function: String, target: Expr) -> String? {
        guard let namespace = target.qualifiedName, !namespace.hasPrefix("."),
              local(String(namespace.prefix { $0 != "." })) == nil,
              environment.resolvePrefix(of: target, isLocal: { local($0) != nil }) == nil else { return nil }
        let qualified = namespace + "." + function
        if let library = CELExtension.owner(of: qualified), !environment.extensions.contains(library) {
            return "undeclared function '\(qualified)' (it is in the \(library) extension, which this environment does not enable)"
        }
        let family = environment.knownFunctionNames.filter { $0.hasPrefix(namespace + ".") }
        guard !family.isEmpty else { return nil }
        var message = "undeclared function '\(qualified)'"
        if let suggestion = Suggestion.closest(to: qualified, among: family) { message += " (did you mean '\(suggestion)'?)" }
        return message
    }

    // MARK: types

    static func isMapKey(_ type: CELType) -> Bool {
        switch type {
        case .int, .uint, .bool, .string, .dyn, .error, .typeParam: true
        default: false
        }
    }

    /// Whether a value of type `argument` may be passed as `parameter`, binding type parameters as it goes.
    /// `dyn` on either side passes: the run time checks it.
    static func isAssignable(_ argument: CELType, to parameter: CELType, _ bindings: inout [String: CELType]) -> Bool {
        switch (parameter, argument) {
        case (.typeParam(let name), _):
            guard let bound = bindings[name] else {
                bindings[name] = argument
                return true
            }
            if bound == .dyn {
                bindings[name] = argument
                return true
            }
            return isAssignable(argument, to: bound, &bindings) || isAssignable(bound, to: argument, &bindings)
        case (.dyn, _), (_, .dyn), (.error, _), (_, .error), (_, .typeParam):
            return true
        case (.object, .null):
            // A record may be compared with null, as proto messages can in CEL.
            return true
        case (.list(let expected), .list(let given)):
            return isAssignable(given, to: expected, &bindings)
        case (.map(let expectedKey, let expectedValue), .map(let givenKey, let givenValue)):
            return isAssignable(givenKey, to: expectedKey, &bindings) && isAssignable(givenValue, to: expectedValue, &bindings)
        default:
            return parameter == argument
        }
    }

    static func substitute(_ type: CELType, _ bindings: [String: CELType]) -> CELType {
        switch type {
        case .typeParam(let name): bindings[name] ?? .dyn
        case .list(let element): .list(substitute(element, bindings))
        case .map(let key, let value): .map(key: substitute(key, bindings), value: substitute(value, bindings))
        default: type
        }
    }

    /// The common type of list elements or map keys: the one type they share, else `dyn`.
    private func join(_ types: [CELType]) -> CELType {
        guard let first = types.first, types.allSatisfy({ $0 == first }) else { return .dyn }
        return first == .error ? .dyn : first
    }
}
