import CEL

/// Finds, in a tracked evaluation of a `when` that gave false, the smallest parts that made it false,
/// and words them for a support agent: through `&&` to the operand that was false, into the branch a
/// `?:` took, into the element that made an `all` false; a comparison, a yes/no fact, `has`, `in` or a
/// function call that gave false is the part.
struct FalsePartFinder {
    let state: CELEvaluationState
    let expression: RuleExpression
    /// The item's names (`entry`, `creative`...) and how each is said, the item itself first.
    let subjects: [(name: String, words: String)]

    /// The false parts of the whole condition (empty when it was not false).
    func parts() -> [FalsePart] {
        guard state.root.value == .bool(false) else { return [] }
        return parts(of: state.root, within: nil)
    }

    /// `within`: the element of a comprehension the part is about, said before it.
    private func parts(of node: CELTracedExpression, within: String?) -> [FalsePart] {
        switch node.kind {
        case .operator("&&") where node.decidedBy.count == 1:
            return parts(of: state[node.decidedBy[0]], within: within)
        case .operator("||") where node.decidedBy.count == 2:
            return node.decidedBy.flatMap { parts(of: state[$0], within: within) }
        case .operator("?:") where node.decidedBy.count == 2:
            return parts(of: state[node.decidedBy[1]], within: within)
        case .bind:
            return parts(of: state[node.children[1]], within: within)
        case .comprehension("all", let variable):
            guard let index = node.decidingIteration else { break }
            let range = state[node.children[0]]
            let element = state.expressions.first { $0.kind == .identifier(variable) && $0.value != nil }?.value
            let said = "for element \(index + 1) of `\(range.text)`" + (element.map { " (`\(variable)` is \(Self.shown($0)))" } ?? "")
            return parts(of: state[node.children.last!], within: within.map { "\($0), \(said)" } ?? said)
        default: break
        }
        return [part(node, within: within)]
    }

    private func part(_ node: CELTracedExpression, within: String?) -> FalsePart {
        var (words, form, values) = wording(node)
        if let within {
            words = "\(within): " + (form == .predicate ? "it " + words : words)
            if form == .predicate { form = .values }
        }
        return FalsePart(
            expression: node.text, location: expression.place(of: node.location).description,
            words: words, form: form, values: values)
    }

    private typealias Words = (words: String, form: FalsePart.Form, values: [FalsePart.Operand])

    private func wording(_ node: CELTracedExpression) -> Words {
        let operands = state.operands(of: node)
        switch node.kind {
        case .operator(let symbol) where Self.relations[symbol] != nil && operands.count == 2:
            return comparison(symbol, operands[0], operands[1])
        case .select(let field):
            return fact(node, field: field, isTrue: false)
        case .operator("!") where operands.count == 1:
            if case .select(let field) = operands[0].kind { return fact(operands[0], field: field, isTrue: true) }
            return ("`\(operands[0].text)` is true", .values, [])
        case .has(let field):
            return ("`\(field)` is not set", .values, [Self.operand(operands[0])].compactMap { $0 })
        case .operator("in") where operands.count == 2:
            return ("\(Self.shown(operands[0])) is not in `\(operands[1].text)`", .values, operands.compactMap(Self.operand))
        case .comprehension("exists", _):
            let count = node.iterations ?? 0
            return ("no element of `\(operands[0].text)` (\(count == 1 ? "1 element" : "\(count) elements")) satisfies `\(operands.last!.text)`", .values, [])
        default:
            if case .error(let message)? = node.outcome { return ("`\(node.text)` failed: \(message)", .values, []) }
            return ("`\(node.text)` is false", .values, operands.filter { $0.kind != .literal }.compactMap(Self.operand))
        }
    }

    /// `X == Y` and the like: for a `type` or `kind` compared with a name, what the item is not;
    /// otherwise the values side by side.
    private func comparison(_ symbol: String, _ left: CELTracedExpression, _ right: CELTracedExpression) -> Words {
        if case .select(let field) = left.kind, field == "type" || field == "kind", right.kind == .literal,
           case .string(let name)? = right.value, symbol == "==" || symbol == "!=" {
            let words = Self.article(name.replacingOccurrences(of: "_", with: " "))
            let subject = subject(of: left)
            let said = symbol == "==" ? "is not \(words)" : "is \(words)"
            return subject.map { ("\($0) \(said)", .sentence, [Self.operand(left)!]) } ?? (said, .predicate, [Self.operand(left)!])
        }
        let relation = Self.relations[symbol]!
        let against = right.kind == .literal ? Self.shown(right) : "`\(right.text)` (\(Self.shown(right)))"
        let words: String
        if symbol == "!=" {
            words = right.kind == .literal ? "`\(left.text)` is \(Self.shown(left))" : "`\(left.text)` and `\(right.text)` are both \(Self.shown(left))"
        } else {
            words = "`\(left.text)` is \(Self.shown(left)), not \(relation) \(against)"
        }
        return (words, .values, [])
    }

    /// A yes/no fact that was false (or true under a `!`): in words when the field is a known one.
    private func fact(_ node: CELTracedExpression, field: String, isTrue: Bool) -> Words {
        let operand = FalsePart.Operand(expression: node.text, value: isTrue ? "true" : "false")
        guard let phrase = Self.facts[field] else { return ("`\(node.text)` is \(isTrue ? "true" : "false")", .values, []) }
        let said = isTrue ? phrase.whenTrue : phrase.whenFalse
        if phrase.isSentence { return (said, .sentence, [operand]) }
        if let subject = subject(of: node) { return ("\(subject) \(said)", .sentence, [operand]) }
        return (said, .predicate, [operand])
    }

    /// The item a selection is about, when it starts from one of the item's names other than the
    /// one the rule looks at first (`creative` in a rule over entries); nil for the item itself.
    private func subject(of node: CELTracedExpression) -> String? {
        var cursor = node
        while case .select = cursor.kind, let operand = cursor.children.first { cursor = state[operand] }
        guard case .identifier(let name) = cursor.kind, name != subjects.first?.name else { return nil }
        return subjects.first { $0.name == name }?.words
    }

    static let relations = ["==": "equal to", "!=": "different from", "<": "less than", "<=": "at most", ">": "more than", ">=": "at least"]

    /// Yes/no facts in words: (said when true, said when false, whether a whole sentence rather than
    /// something said of the item).
    static let facts: [String: (whenTrue: String, whenFalse: String, isSentence: Bool)] = [
        "in_flight": ("is still in production", "is not in production (it was delivered)", false),
        "delivered": ("is delivered", "is not delivered yet", false),
        "has_delivered_seconds": ("has its delivered seconds recorded", "has no delivered seconds recorded", false),
        "known": ("is of a type the rules know", "is of a type the rules do not know", false),
        "on_anniversary": ("is on the billing day", "is not on the billing day", false),
        "auto_reload": ("auto reload is on for this client", "auto reload is off for this client", true),
        "matches": ("the log adds up to the balance shown", "the log does not add up to the balance shown", true),
    ]

    /// `a submission`, `an auto reload`.
    static func article(_ words: String) -> String {
        ("aeiou".contains(words.first ?? "x") ? "an " : "a ") + words
    }

    static func operand(_ node: CELTracedExpression) -> FalsePart.Operand? {
        node.outcome == nil ? nil : FalsePart.Operand(expression: node.text, value: shown(node))
    }

    static func shown(_ node: CELTracedExpression) -> String {
        switch node.outcome {
        case .value(let value)?: shown(value)
        case .error(let message)?: "an error (\(message))"
        case nil: "not evaluated"
        }
    }

    /// A value as CEL writes it, long ones cut short.
    static func shown(_ value: CELValue) -> String {
        let text = value.description
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}
