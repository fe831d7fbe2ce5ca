/// Turns a parsed (and possibly checked) expression into nodes: names become slots, calls become
/// implementations, constant sub-expressions are folded and constant regexes compiled once.
struct Planner {
    let environment: CELEnvironment
    /// The checker's type of each node by id, when the program was checked.
    let types: [CELType]?
    private(set) var slotNames: [String] = []
    private(set) var problems: [SyntaxError] = []
    private var variableSlots: [String: Int] = [:]
    /// Comprehension and `cel.bind` variables in scope, innermost last. A `cel.bind` of a constant
    /// has the constant instead of a slot, so that what uses it can be folded.
    private var locals: [(name: String, slot: Int, constant: CELValue?)] = []
    /// Whether every node is wrapped in a `TrackingNode` that records its value (`CELProgram.tracking()`).
    /// The nodes, the folding and the slots are otherwise the same as without.
    let tracking: Bool
    /// When tracking: the value of each expression (by id) that planning folded into a constant.
    private(set) var constants: [Int: CELValue] = [:]

    init(environment: CELEnvironment, types: [CELType]?, tracking: Bool = false) {
        self.environment = environment
        self.types = types
        self.tracking = tracking
    }

    // `plan` and the functions it recurses through stay small, with the work after the recursion
    // (choosing nodes, folding) in helpers, so that each level of nesting costs little stack.
    mutating func plan(_ expr: Expr) -> Node {
        let node = planUntracked(expr)
        return tracking ? track(node, expr) : node
    }

    private mutating func planUntracked(_ expr: Expr) -> Node {
        switch expr.kind {
        case .literal(let value): ConstantNode(value, offset: expr.offset)
        case .identifier(let name): identifier(name, offset: expr.offset)
        case .select: selection(expr)
        case .call(let function, let target, let arguments): call(function, target: target, arguments: arguments, offset: expr.offset)
        case .list(let elements): fold(ListNode(elements.map { plan($0) }, offset: expr.offset))
        case .map(let entries): map(entries, offset: expr.offset)
        case .object(let typeName, let fields): object(typeName, fields: fields, offset: expr.offset)
        case .comprehension(let comprehension): self.comprehension(comprehension, offset: expr.offset)
        case .bind(let binding): bind(binding, offset: expr.offset)
        }
    }

    private mutating func selection(_ expr: Expr) -> Node {
        guard case .select(let operand, let field, let testOnly) = expr.kind else { return FailureNode("", offset: expr.offset) }
        if testOnly { return HasNode(plan(operand), field: field, offset: expr.offset) }
        if let resolved = qualifiedVariable(expr) { return resolved }
        if let type = qualifiedTypeName(expr) { return ConstantNode(.type(type), offset: expr.offset) }
        return select(plan(operand), field: field, operandType: types?[operand.id], offset: expr.offset)
    }

    private mutating func map(_ entries: [Expr.MapEntry], offset: Int) -> Node {
        let keys = entries.map { plan($0.key) }
        let values = entries.map { plan($0.value) }
        return fold(MapNode(keys: keys, values: values, offset: offset))
    }

    private mutating func object(_ typeName: String, fields: [Expr.FieldInit], offset: Int) -> Node {
        let name = environment.resolveObjectType(typeName)?.name ?? typeName
        return ObjectNode(typeName: name, names: fields.map(\.name), values: fields.map { plan($0.value) }, offset: offset)
    }

    private mutating func comprehension(_ comprehension: Expr.Comprehension, offset: Int) -> Node {
        let range = plan(comprehension.range)
        let slot = slotNames.count
        slotNames.append("@" + comprehension.variable)
        locals.append((comprehension.variable, slot, nil))
        let filter = comprehension.filter.map { plan($0) }
        let body = plan(comprehension.body)
        locals.removeLast()
        return ComprehensionNode(kind: comprehension.kind, range: range, slot: slot, body: body, filter: filter, offset: offset)
    }

    /// `cel.bind`: the initializer is evaluated once, before the body, as cel-go does; the body reads
    /// the value from a slot, like a comprehension variable, so no access copies it.
    private mutating func bind(_ binding: Expr.Binding, offset: Int) -> Node {
        let initializer = plan(binding.initializer)
        if let constant = initializer.constantValue {
            locals.append((binding.variable, -1, constant))
            defer { locals.removeLast() }
            return plan(binding.body)
        }
        let slot = slotNames.count
        slotNames.append("@" + binding.variable)
        locals.append((binding.variable, slot, nil))
        defer { locals.removeLast() }
        return BindNode(slot: slot, initializer: initializer, body: plan(binding.body), offset: offset)
    }

    // MARK: names

    private func local(_ name: String) -> (slot: Int, constant: CELValue?)? {
        locals.last { $0.name == name }.map { ($0.slot, $0.constant) }
    }

    private mutating func slot(forVariable name: String) -> Int {
        if let slot = variableSlots[name] { return slot }
        let slot = slotNames.count
        slotNames.append(name)
        variableSlots[name] = slot
        return slot
    }

    private mutating func identifier(_ name: String, offset: Int) -> Node {
        if !name.hasPrefix("."), let (slot, constant) = local(name) {
            if let constant { return ConstantNode(constant, offset: offset) }
            return SlotNode(slot: slot, name: name, offset: offset)
        }
        if let declared = environment.resolveVariable(name) {
            return SlotNode(slot: slot(forVariable: declared), name: declared, offset: offset)
        }
        if let type = environment.typeValue(named: name) { return ConstantNode(.type(type), offset: offset) }
        let bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
        // Unchecked programs may read variables that were never declared, bound by name.
        return SlotNode(slot: slot(forVariable: bare), name: bare, offset: offset)
    }

    /// `a.b.c` where a prefix of the dotted name is a declared variable.
    private mutating func qualifiedVariable(_ expr: Expr) -> Node? {
        guard let (declared, root, selections) = environment.resolvePrefix(of: expr, isLocal: { local($0) != nil }) else {
            return nil
        }
        var node: Node = SlotNode(slot: slot(forVariable: declared), name: declared, offset: root.offset)
        for (index, link) in selections.enumerated() {
            guard case .select(let operand, let field, _) = link.kind else { continue }
            node = select(node, field: field, operandType: types?[operand.id], offset: link.offset)
            // The last link is the expression `plan` wraps.
            if tracking, index < selections.count - 1 { node = track(node, link) }
        }
        return node
    }

    /// `node` recording its value as the expression `expr`; a comprehension also counts the steps of
    /// each of its evaluations (by how often its condition or filter ran).
    private mutating func track(_ node: Node, _ expr: Expr) -> Node {
        if let constant = node.constantValue { constants[expr.id] = constant }
        var stepped: Int?
        if case .comprehension(let comprehension) = expr.kind { stepped = (comprehension.filter ?? comprehension.body).id }
        return TrackingNode(node, id: expr.id, stepped: stepped)
    }

    /// `google.protobuf.Timestamp`: a dotted name that denotes a type, unless its first part is a local.
    private func qualifiedTypeName(_ expr: Expr) -> CELType? {
        guard let name = expr.qualifiedName, name.hasPrefix(".") || local(String(name.prefix { $0 != "." })) == nil else {
            return nil
        }
        return environment.typeValue(named: name)
    }

    private func select(_ operand: Node, field: String, operandType: CELType?, offset: Int) -> Node {
        var position = -1
        if case .object(let typeName) = operandType, let type = environment.objectTypes[typeName] {
            position = type.positions[field] ?? -1
        }
        // A tracked variable is selected from as an untracked one is (its failure placed at the
        // selection), so that tracking changes no result; the variable's own value goes unrecorded.
        if let variable = (operand as? SlotNode) ?? ((operand as? TrackingNode)?.inner as? SlotNode) {
            return SlotSelectNode(slot: variable.slot, name: variable.name, field: field, position: position, offset: offset)
        }
        return SelectNode(operand, field: field, position: position, offset: offset)
    }

    // MARK: calls

    private mutating func call(_ rawName: String, target: Expr?, arguments: [Expr], offset: Int) -> Node {
        var operands: [Node] = []
        if let target { operands.append(plan(target)) }
        for argument in arguments { operands.append(plan(argument)) }
        return callNode(rawName, receiverStyle: target != nil, operands: operands, offset: offset)
    }

    /// The node that runs a function on planned operands.
    private mutating func callNode(_ rawName: String, receiverStyle: Bool, operands: [Node], offset: Int) -> Node {
        let function = rawName.hasPrefix(".") ? String(rawName.dropFirst()) : rawName
        switch (function, operands.count) {
        case (Operator.logicalAnd, 2): return fold(LogicalNode(operands[0], operands[1], decisive: false, offset: offset))
        case (Operator.logicalOr, 2): return fold(LogicalNode(operands[0], operands[1], decisive: true, offset: offset))
        case (Operator.logicalNot, 1): return fold(NotNode(operands[0], offset: offset))
        case (Operator.conditional, 3): return fold(ConditionalNode(operands[0], operands[1], operands[2], offset: offset))
        default: break
        }
        if let overloads = environment.functions[function] {
            return userCall(function, overloads: overloads, receiverStyle: receiverStyle, operands: operands, offset: offset)
        }
        if function == "matches", operands.count == 2 {
            return regexMatch(subject: operands[0], pattern: operands[1], offset: offset)
        }
        if function == "format", receiverStyle, operands.count == 2, environment.extensions.contains(.strings),
           case .string(let format)? = operands[0].constantValue {
            return constantFormat(format, operands: operands, offset: offset)
        }
        if receiverStyle, operands.count == 2, case .string(let zoneName)? = operands[1].constantValue,
           TimestampGetter(rawValue: function) != nil {
            return constantZoneGetter(function, zone: zoneName, subject: operands[0], offset: offset, zoneOffset: operands[1].offset)
        }
        switch environment.implementation(of: function, arity: operands.count) {
        case .unary(let apply)?: return fold(UnaryNode(operands[0], offset: offset, apply: apply))
        case .binary(let apply)?:
            if let comparison = constantComparison(function, operands, offset: offset, apply: apply) { return comparison }
            return fold(BinaryNode(operands[0], operands[1], offset: offset, apply: apply))
        case .variadic(let apply)?: return fold(CallNode(operands, offset: offset, isPure: true, apply: apply))
        case nil:
            return FailureNode("unbound function '\(function)'", offset: offset)
        }
    }

    /// `matches`, with a constant pattern compiled now: an invalid one is a compile error.
    private mutating func regexMatch(subject: Node, pattern: Node, offset: Int) -> Node {
        guard case .string(let source)? = pattern.constantValue else {
            return RegexMatchNode(subject: subject, pattern: pattern, compiled: nil, offset: offset)
        }
        do {
            let regex = try StringFunctions.compile(source)
            return fold(RegexMatchNode(subject: subject, pattern: pattern, compiled: regex, offset: offset))
        } catch {
            problems.append(SyntaxError(message: error.message, offset: pattern.offset))
            return FailureNode(error.message, offset: offset)
        }
    }

    /// `'...'.format(args)` with a constant format string: parsed now, so that a bad clause, or a list
    /// literal with too few or too many arguments for the clauses, is a compile error.
    private mutating func constantFormat(_ format: String, operands: [Node], offset: Int) -> Node {
        let parsed: StringFormat
        do {
            parsed = try StringFormat(format)
        } catch {
            problems.append(SyntaxError(message: error.message, offset: operands[0].offset))
            return FailureNode(error.message, offset: offset)
        }
        var given: Int?
        if let list = operands[1] as? ListNode { given = list.elements.count }
        if case .list(let values)? = operands[1].constantValue { given = values.count }
        if let given, given != parsed.clauseCount {
            let clauses = parsed.clauseCount == 1 ? "1 clause" : "\(parsed.clauseCount) clauses"
            let arguments = given == 1 ? "1 argument is" : "\(given) arguments are"
            let message = "the format string has \(clauses) but \(arguments) given"
            problems.append(SyntaxError(message: message, offset: operands[1].offset))
            return FailureNode(message, offset: offset)
        }
        return fold(BinaryNode(operands[0], operands[1], offset: offset) { text, arguments throws(OperationFailure) in
            try StringsExtension.format(text, arguments, parsed: parsed)
        })
    }

    /// `x == constant` and the like, when exactly one side is constant.
    private func constantComparison(_ function: String, _ operands: [Node], offset: Int, apply: @escaping Operations.Binary) -> Node? {
        let relations: [String: (ConstantComparisonNode.Relation, mirrored: ConstantComparisonNode.Relation)] = [
            "_==_": (.equal, .equal), "_!=_": (.notEqual, .notEqual), "_<_": (.less, .greater),
            "_<=_": (.lessOrEqual, .greaterOrEqual), "_>_": (.greater, .less), "_>=_": (.greaterOrEqual, .lessOrEqual),
        ]
        guard let relation = relations[function] else { return nil }
        switch (operands[0].constantValue, operands[1].constantValue) {
        case (nil, let constant?):
            return ConstantComparisonNode(operands[0], relation.0, constant, offset: offset, general: apply)
        case (let constant?, nil):
            // `0 < x` is `x > 0`; the general operator still sees the operands in written order.
            return ConstantComparisonNode(operands[1], relation.mirrored, constant, offset: offset) { a, b throws(OperationFailure) in
                try apply(b, a)
            }
        default:
            return nil
        }
    }

    /// `t.getHours('Europe/Paris')`: the zone is looked up once, and an unknown one is a compile error.
    private mutating func constantZoneGetter(_ function: String, zone: String, subject: Node, offset: Int, zoneOffset: Int) -> Node {
        do {
            let parsed = try CELTimeZone.parse(zone)
            return fold(UnaryNode(subject, offset: offset, apply: TimeFunctions.getter(function, zone: parsed)!))
        } catch {
            problems.append(SyntaxError(message: error.message, offset: zoneOffset))
            return FailureNode(error.message, offset: offset)
        }
    }

    private func userCall(_ function: String, overloads: [CELOverload], receiverStyle: Bool, operands: [Node], offset: Int) -> Node {
        let candidates = overloads.filter {
            $0.signature.receiverStyle == receiverStyle && $0.signature.parameters.count == operands.count
        }
        return CallNode(operands, offset: offset) { values throws(OperationFailure) in
            for overload in candidates where zip(overload.signature.parameters, values).allSatisfy({ $1.conforms(to: $0) }) {
                do throws(CELError) {
                    return try overload.implementation(values)
                } catch {
                    throw OperationFailure(error.message)
                }
            }
            let kinds = values.map { $0.type.typeValueName }.joined(separator: ", ")
            throw OperationFailure("no matching overload for '\(function)' applied to (\(kinds))")
        }
    }

    /// Evaluates a node whose operands are all constants once, now; a failure is left for run time,
    /// since `||` and `&&` may absorb it.
    private func fold(_ node: Node) -> Node {
        let operands: [Node]
        switch node {
        case let node as BinaryNode: operands = [node.left, node.right]
        case let node as UnaryNode: operands = [node.operand]
        case let node as NotNode: operands = [node.operand]
        case let node as LogicalNode: operands = [node.left, node.right]
        case let node as ConditionalNode: operands = [node.condition, node.whenTrue, node.whenFalse]
        case let node as ListNode: operands = node.elements
        case let node as MapNode: operands = node.keys + node.values
        case let node as RegexMatchNode: operands = [node.subject, node.pattern]
        case let node as CallNode where node.isPure: operands = node.arguments
        default: return node
        }
        guard operands.allSatisfy({ $0.constantValue != nil }) else { return node }
        var frame = Frame(slots: [], remainingCost: environment.costLimit)
        guard let value = try? node.evaluate(&frame) else { return node }
        return ConstantNode(value, offset: node.offset)
    }
}

extension CELValue {
    /// Whether the value can be passed where `type` is expected, checked at run time for user functions.
    func conforms(to type: CELType) -> Bool {
        switch (type, self) {
        case (.dyn, _), (.typeParam, _), (.error, _): true
        case (.null, .null), (.bool, .bool), (.int, .int), (.uint, .uint), (.double, .double), (.string, .string),
             (.bytes, .bytes), (.timestamp, .timestamp), (.duration, .duration), (.type, .type),
             (.list, .list), (.map, .map):
            true
        case (.object(let name), .object(let object)): name == object.typeName
        default: false
        }
    }
}
