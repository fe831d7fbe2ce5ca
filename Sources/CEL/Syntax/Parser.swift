/// A recursive-descent parser for CEL's grammar, expanding macros as it goes.
/// It never recurses without bound: nesting deeper than `maximumDepth` is an error.
struct Parser {
    /// The deepest expression tree accepted; beyond it, checking and evaluation could exhaust the stack.
    static let maximumDepth = 100

    /// What the parser takes from the environment.
    struct Options {
        /// Whether `has`, `all`, `exists`, ... are macros; without it they parse as plain calls.
        var expandsMacros = true
        /// Whether `cel.bind(name, init, body)` is a macro (the bindings extension).
        var bindings = false
        /// Whether `math.greatest(...)` and `math.least(...)` are macros (the math extension).
        var math = false
        /// Dotted function names (`math.abs`): `math.abs(x)` is a call of that function, not of `abs` on `math`.
        var qualifiedFunctions: Set<String> = []
    }

    private let tokens: [Token]
    private var index = 0
    private var depths: [Int] = []
    /// The UTF-8 range of each node's text by id (parentheses around it included), for traces.
    private var ranges: [Range<Int>] = []
    /// Where the last token consumed ends: the end of a node made now.
    private var consumedEnd = 0
    private let options: Options
    private var expandsMacros: Bool { options.expandsMacros }
    /// How many `expression()` calls are active: parentheses add nesting without adding nodes.
    private var nesting = 0
    /// The syntax errors found so far; parsing goes on after one, from the next `,` or closing bracket.
    private var problems: [SyntaxError] = []
    /// The token where the last recovery stopped. An error found there or one token on is the same
    /// problem seen again: by an enclosing construct (a list missing its `]` because its element was
    /// cut short) or by the next empty element (`f(,,,)`), not a new one.
    private var quietIndex = -2
    /// Enough errors to fix at once; past this many, the rest of the text is likely not CEL at all.
    static let maximumProblems = 10

    private init(tokens: [Token], options: Options) {
        self.tokens = tokens
        self.options = options
    }

    /// The expression tree of `text` and the UTF-8 range of each node's text by id (so as many ranges as
    /// nodes), or every syntax error found (at most `maximumProblems`): after an error the parser skips to the next `,` or closing bracket and goes on,
    /// so that one mistake gives one message and two independent mistakes give two.
    static func parse(_ text: String, options: Options = Options()) -> (root: Expr?, ranges: [Range<Int>], problems: [SyntaxError]) {
        let tokens: [Token]
        do {
            tokens = try Lexer.tokenize(text)
        } catch {
            return (nil, [], [error])
        }
        var parser = Parser(tokens: tokens, options: options)
        let root = parser.expressionOrRecovery()
        while parser.current.kind != .end {
            // Text after a complete expression: reported once, then skipped up to a `,` after which
            // a second expression (`1 + + 2, 3 +`) is parsed for its own errors.
            let token = parser.current
            parser.record(SyntaxError(message: "unexpected \(token.quoted) after the end of the expression", offset: token.offset))
            parser.skipPastComma()
            if parser.current.kind != .end { _ = parser.expressionOrRecovery() }
        }
        let problems = parser.problems.sorted { $0.offset < $1.offset }
        return (problems.isEmpty ? root : nil, parser.ranges, problems)
    }

    // MARK: recovery

    /// An expression, or nil after recording its error and skipping to where parsing can resume.
    private mutating func expressionOrRecovery() -> Expr? {
        do {
            return try expression()
        } catch {
            recover(from: error)
            return nil
        }
    }

    private mutating func recover(from error: SyntaxError) {
        record(error)
        synchronize()
    }

    /// An error that leaves the tokens in order (a literal out of range, a misused macro): recorded,
    /// and parsing goes on as if the text were right.
    private mutating func report(_ message: String, at offset: Int) {
        record(SyntaxError(message: message, offset: offset))
    }

    private mutating func record(_ error: SyntaxError) {
        guard index > quietIndex + 1, problems.count < Parser.maximumProblems else { return }
        problems.append(error)
        if problems.count == Parser.maximumProblems { index = tokens.count - 1 }
    }

    /// Skips to the next `,`, `)`, `]` or `}` outside the brackets opened while skipping (or to the end),
    /// without consuming it: the list or call being parsed continues from there.
    private mutating func synchronize() {
        var depth = 0
        scan: while current.kind != .end {
            if case .punctuation(let text) = current.kind {
                switch text {
                case "(", "[", "{": depth += 1
                case ")", "]", "}":
                    if depth == 0 { break scan }
                    depth -= 1
                case ",":
                    if depth == 0 { break scan }
                default: break
                }
            }
            _ = advance()
        }
        quietIndex = index
    }

    /// After stray text at the top level: on to just past the next top-level `,`, or to the end.
    private mutating func skipPastComma() {
        while current.kind != .end {
            synchronize()
            if isPunctuation(",") {
                _ = advance()
                return
            }
            if current.kind != .end { _ = advance() }
        }
    }

    // MARK: tokens

    private var current: Token { tokens[index] }

    private func isPunctuation(_ text: String) -> Bool {
        if case .punctuation(let found) = current.kind { return found == text }
        return false
    }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        consumedEnd = max(consumedEnd, token.end)
        return token
    }

    private mutating func expect(_ text: String, _ context: String) throws(SyntaxError) -> Token {
        guard isPunctuation(text) else {
            throw SyntaxError(message: "expected '\(text)' \(context), found \(current.quoted)", offset: current.offset)
        }
        return advance()
    }

    // MARK: nodes

    /// A node whose text runs from `start` (default: its offset or its first child's start) to the last
    /// token consumed.
    private mutating func make(_ kind: Expr.Kind, at offset: Int, start: Int? = nil, children: [Expr]) throws(SyntaxError) -> Expr {
        let depth = 1 + children.reduce(0) { max($0, depths[$1.id]) }
        guard depth <= Parser.maximumDepth else {
            throw SyntaxError(message: "expression nests too deeply (more than \(Parser.maximumDepth) levels)", offset: offset)
        }
        let node = Expr(id: depths.count, offset: offset, kind: kind)
        depths.append(depth)
        let lower = start ?? children.reduce(offset) { min($0, ranges[$1.id].lowerBound) }
        let upper = children.reduce(max(consumedEnd, offset)) { max($0, ranges[$1.id].upperBound) }
        ranges.append(lower..<upper)
        return node
    }

    private mutating func call(_ function: String, at offset: Int, target: Expr? = nil, _ arguments: [Expr]) throws(SyntaxError) -> Expr {
        try make(.call(function: function, target: target, arguments: arguments), at: offset,
                 children: (target.map { [$0] } ?? []) + arguments)
    }

    // MARK: grammar

    private mutating func expression() throws(SyntaxError) -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Parser.maximumDepth else {
            throw SyntaxError(message: "expression nests too deeply (more than \(Parser.maximumDepth) levels)", offset: current.offset)
        }
        let condition = try binary(above: 0)
        guard isPunctuation("?") else { return condition }
        return try conditional(condition)
    }

    // The functions on the recursive path (expression, binary, unary, member, primary, and one of
    // parenthesized, listLiteral, mapLiteral) are kept small, with the rest of the work in helpers
    // that return before the parser descends, so that each nesting level costs little stack.

    private mutating func conditional(_ condition: Expr) throws(SyntaxError) -> Expr {
        let question = advance()
        let whenTrue = try binary(above: 0)
        _ = try expect(":", "in a conditional expression")
        let whenFalse = try expression()
        return try call(Operator.conditional, at: question.offset, [condition, whenTrue, whenFalse])
    }

    /// The binary operator at the current token and its precedence (higher binds tighter), if any.
    private var binaryOperator: (function: String, precedence: Int)? {
        switch current.kind {
        case .inKeyword: return (Operator.in, 3)
        case .punctuation(let text):
            switch text {
            case "||": return (Operator.logicalOr, 1)
            case "&&": return (Operator.logicalAnd, 2)
            case "<", "<=", ">", ">=", "==", "!=": return (Operator.binary[text]!, 3)
            case "+", "-": return (Operator.binary[text]!, 4)
            case "*", "/", "%": return (Operator.binary[text]!, 5)
            default: return nil
            }
        default: return nil
        }
    }

    /// Operators binding tighter than `minimum`, left-associative, by precedence climbing: one
    /// frame per precedence level in use rather than one per grammar rule, so that nesting costs
    /// little stack.
    private mutating func binary(above minimum: Int) throws(SyntaxError) -> Expr {
        var left = try unary()
        while let (function, precedence) = binaryOperator, precedence > minimum {
            let token = advance()
            let right = try binary(above: precedence)
            left = try call(function, at: token.offset, [left, right])
        }
        return left
    }

    private mutating func unary() throws(SyntaxError) -> Expr {
        if isPunctuation("!") || isPunctuation("-") { return try prefixed() }
        return try member()
    }

    /// `!x`, `--x`, `-1`: prefix operators, folding `-` into a number literal.
    private mutating func prefixed() throws(SyntaxError) -> Expr {
        var operators: [Token] = []
        let symbol = current.kind
        while current.kind == symbol {
            operators.append(advance())
            guard operators.count <= Parser.maximumDepth else {
                throw SyntaxError(message: "expression nests too deeply (more than \(Parser.maximumDepth) levels)", offset: current.offset)
            }
        }
        var operand: Expr
        if symbol == .punctuation("-"), current.isNumber, let literal = try negativeLiteral(at: operators.last!.offset) {
            operators.removeLast()
            operand = try member(startingWith: literal)
        } else {
            operand = try member()
        }
        let function = symbol == .punctuation("!") ? Operator.logicalNot : Operator.negate
        for token in operators.reversed() {
            operand = try call(function, at: token.offset, [operand])
        }
        return operand
    }

    /// `-` directly before a number is part of the literal, so that `-9223372036854775808` is an int.
    private mutating func negativeLiteral(at offset: Int) throws(SyntaxError) -> Expr? {
        switch current.kind {
        case .intLiteral(let digits, let radix):
            let token = advance()
            guard let magnitude = UInt64(digits, radix: radix), magnitude <= UInt64(Int64.max) + 1 else {
                report("int literal out of range: '-\(radix == 16 ? "0x" : "")\(digits)'", at: token.offset)
                return try make(.literal(.int(0)), at: offset, children: [])
            }
            let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            return try make(.literal(.int(value)), at: offset, children: [])
        case .doubleLiteral(let text):
            _ = advance()
            return try make(.literal(.double(-(Double(text) ?? .nan))), at: offset, children: [])
        default:
            return nil
        }
    }

    private mutating func member() throws(SyntaxError) -> Expr {
        try member(startingWith: try primary())
    }

    /// Selections, calls, indexes and `Type{...}` after an operand.
    private mutating func member(startingWith start: Expr) throws(SyntaxError) -> Expr {
        var operand = start
        while true {
            if isPunctuation(".") {
                let dot = advance()
                let (field, fieldToken) = try selector(after: dot)
                if isPunctuation("("), case .identifier = fieldToken.kind {
                    _ = advance()
                    let arguments = try expressionList(closing: ")")
                    operand = try receiverCall(field, target: operand, arguments: arguments, at: fieldToken.offset)
                } else {
                    operand = try make(.select(operand: operand, field: field, testOnly: false), at: dot.offset, children: [operand])
                }
            } else if isPunctuation("[") {
                let bracket = advance()
                let key = try expression()
                _ = try expect("]", "to close the index")
                operand = try call(Operator.index, at: bracket.offset, [operand, key])
            } else if isPunctuation("{"), let typeName = operand.qualifiedName, isTypeName(operand) {
                operand = try objectLiteral(typeName: typeName, at: operand.offset)
            } else {
                return operand
            }
        }
    }

    /// Only a plain dotted name can name a type in `Type{...}`.
    private func isTypeName(_ operand: Expr) -> Bool {
        switch operand.kind {
        case .identifier: true
        case .select(let inner, _, false): isTypeName(inner)
        default: false
        }
    }

    private mutating func selector(after dot: Token) throws(SyntaxError) -> (String, Token) {
        let token = advance()
        switch token.kind {
        case .identifier(let name), .quotedIdentifier(let name): return (name, token)
        case .trueKeyword, .falseKeyword, .nullKeyword, .inKeyword:
            throw SyntaxError(message: "keyword \(token.quoted) cannot be a field name", offset: token.offset)
        default:
            throw SyntaxError(message: "expected a field name after '.', found \(token.quoted)", offset: token.offset)
        }
    }

    private mutating func primary() throws(SyntaxError) -> Expr {
        if isPunctuation("(") { return try parenthesized() }
        if isPunctuation("[") { return try listLiteral() }
        if isPunctuation("{") { return try mapLiteral(at: advance().offset) }
        return try atom()
    }

    private mutating func parenthesized() throws(SyntaxError) -> Expr {
        let open = advance().offset
        let inner = try expression()
        try closeParenthesis(around: inner, openedAt: open)
        return inner
    }

    /// The `)` after a parenthesized expression, whose text then includes the parentheses.
    private mutating func closeParenthesis(around inner: Expr, openedAt open: Int) throws(SyntaxError) {
        let close = try expect(")", "to close the parenthesis")
        ranges[inner.id] = open..<close.end
    }

    private mutating func listLiteral() throws(SyntaxError) -> Expr {
        let bracket = advance()
        let elements = try expressionList(closing: "]")
        return try make(.list(elements), at: bracket.offset, children: elements)
    }

    /// A literal or a name (with its call arguments, if any).
    private mutating func atom() throws(SyntaxError) -> Expr {
        let token = advance()
        switch token.kind {
        case .intLiteral(let digits, let radix):
            guard let value = Int64(digits, radix: radix) else {
                report("int literal out of range: \(token.quoted)", at: token.offset)
                return try make(.literal(.int(0)), at: token.offset, children: [])
            }
            return try make(.literal(.int(value)), at: token.offset, children: [])
        case .uintLiteral(let digits, let radix):
            guard let value = UInt64(digits, radix: radix) else {
                report("uint literal out of range: \(token.quoted)", at: token.offset)
                return try make(.literal(.uint(0)), at: token.offset, children: [])
            }
            return try make(.literal(.uint(value)), at: token.offset, children: [])
        case .doubleLiteral(let text):
            return try make(.literal(.double(Double(text) ?? .nan)), at: token.offset, children: [])
        case .stringLiteral(let text): return try make(.literal(.string(text)), at: token.offset, children: [])
        case .bytesLiteral(let bytes): return try make(.literal(.bytes(bytes)), at: token.offset, children: [])
        case .trueKeyword: return try make(.literal(.bool(true)), at: token.offset, children: [])
        case .falseKeyword: return try make(.literal(.bool(false)), at: token.offset, children: [])
        case .nullKeyword: return try make(.literal(.null), at: token.offset, children: [])
        case .identifier(let name):
            return try identifier(name, token: token, rooted: false)
        case .punctuation("."):
            let next = advance()
            guard case .identifier(let name) = next.kind else {
                throw SyntaxError(message: "expected a name after a leading '.', found \(next.quoted)", offset: next.offset)
            }
            return try identifier(name, token: next, rooted: true, at: token.offset)
        case .end:
            throw SyntaxError(message: "unexpected end of input, expected an expression", offset: token.offset)
        case .punctuation(",") , .punctuation(")"), .punctuation("]"), .punctuation("}"):
            // Left in place: the list or call around it resumes from this token.
            index -= 1
            throw SyntaxError(message: "unexpected \(token.quoted), expected an expression", offset: token.offset)
        default:
            throw SyntaxError(message: "unexpected \(token.quoted), expected an expression", offset: token.offset)
        }
    }

    private mutating func identifier(_ name: String, token: Token, rooted: Bool, at offset: Int? = nil) throws(SyntaxError) -> Expr {
        guard !Lexer.reservedWords.contains(name) else {
            // Thrown, not recorded: what follows `if` or `let` is not CEL either, and would only add errors.
            throw SyntaxError(message: "reserved word '\(name)' cannot be used as a name", offset: token.offset)
        }
        let qualified = rooted ? "." + name : name
        if isPunctuation("(") {
            _ = advance()
            let arguments = try expressionList(closing: ")")
            return try globalCall(qualified, arguments: arguments, at: offset ?? token.offset)
        }
        return try make(.identifier(qualified), at: offset ?? token.offset, children: [])
    }

    /// Arguments or list elements; an element with an error is recorded and skipped, and the rest are parsed.
    private mutating func expressionList(closing: String) throws(SyntaxError) -> [Expr] {
        var items: [Expr] = []
        if isPunctuation(closing) { _ = advance(); return items }
        let context = closing == ")" ? "to close the argument list" : "to close the list"
        repeat {
            if let item = expressionOrRecovery() { items.append(item) }
        } while try !listEnds(closing: closing, context, trailingComma: closing == "]")
        return items
    }

    /// After an element of a list, a call, a map or a record literal: true when the closing bracket
    /// (consumed) ends it, false after a `,` (consumed) when another element follows. Anything else
    /// is reported once, and parsing resumes at the next `,` or bracket, so that the elements after
    /// a mistake are still checked.
    private mutating func listEnds(closing: String, _ context: String, trailingComma: Bool) throws(SyntaxError) -> Bool {
        if !isPunctuation(","), !isPunctuation(closing) {
            recover(from: SyntaxError(message: "expected '\(closing)' \(context), found \(current.quoted)", offset: current.offset))
        }
        if isPunctuation(",") {
            _ = advance()
            if trailingComma, isPunctuation(closing) { _ = advance(); return true }
            return false
        }
        // The closing bracket, or (after a recovery) another construct's bracket or the end, already reported.
        _ = try expect(closing, context)
        return true
    }

    private mutating func mapLiteral(at offset: Int) throws(SyntaxError) -> Expr {
        var entries: [Expr.MapEntry] = []
        var children: [Expr] = []
        if isPunctuation("}") { _ = advance(); return try make(.map([]), at: offset, children: []) }
        repeat {
            do {
                let key = try expression()
                let colon = try expect(":", "between a map key and its value")
                let value = try expression()
                entries.append(Expr.MapEntry(key: key, value: value, offset: colon.offset))
                children += [key, value]
            } catch {
                recover(from: error)
            }
        } while try !listEnds(closing: "}", "to close the map", trailingComma: true)
        return try make(.map(entries), at: offset, children: children)
    }

    private mutating func objectLiteral(typeName: String, at offset: Int) throws(SyntaxError) -> Expr {
        _ = advance()
        var fields: [Expr.FieldInit] = []
        if isPunctuation("}") { _ = advance(); return try make(.object(typeName: typeName, fields: []), at: offset, children: []) }
        repeat {
            do {
                fields.append(try fieldInitializer())
            } catch {
                recover(from: error)
            }
        } while try !listEnds(closing: "}", "to close '\(typeName){'", trailingComma: true)
        return try make(.object(typeName: typeName, fields: fields), at: offset, children: fields.map(\.value))
    }

    /// `name: value` in a record literal.
    private mutating func fieldInitializer() throws(SyntaxError) -> Expr.FieldInit {
        let token = advance()
        guard case .identifier(let name) = token.kind else {
            throw SyntaxError(message: "expected a field name, found \(token.quoted)", offset: token.offset)
        }
        _ = try expect(":", "after the field name '\(name)'")
        return Expr.FieldInit(name: name, value: try expression(), offset: token.offset)
    }

    // MARK: macros

    private mutating func globalCall(_ name: String, arguments: [Expr], at offset: Int) throws(SyntaxError) -> Expr {
        if expandsMacros, name == "has", arguments.count == 1 {
            guard case .select(let operand, let field, false) = arguments[0].kind else {
                report("has() needs a field selection, such as has(entry.note)", at: arguments[0].startOffset)
                return try call(name, at: offset, arguments)
            }
            return try make(.select(operand: operand, field: field, testOnly: true), at: arguments[0].offset, start: offset, children: [operand])
        }
        return try call(name, at: offset, arguments)
    }

    private mutating func receiverCall(_ name: String, target: Expr, arguments: [Expr], at offset: Int) throws(SyntaxError) -> Expr {
        if let namespace = target.qualifiedName {
            let qualified = (namespace.hasPrefix(".") ? String(namespace.dropFirst()) : namespace) + "." + name
            if expandsMacros, let expanded = try namespacedMacro(qualified, arguments: arguments, at: target.offset) {
                return expanded
            }
            if options.qualifiedFunctions.contains(qualified) {
                return try call(qualified, at: target.offset, arguments)
            }
        }
        let kind = Expr.Comprehension.Kind(rawValue: name)
        guard expandsMacros, let kind, arguments.count == 2 || (kind == .map && arguments.count == 3) else {
            return try call(name, at: offset, target: target, arguments)
        }
        guard case .identifier(let variable) = arguments[0].kind, !variable.hasPrefix(".") else {
            report("the first argument of \(name)() must be a simple name, such as e", at: arguments[0].startOffset)
            return try call(name, at: offset, target: target, arguments)
        }
        let comprehension = Expr.Comprehension(
            kind: kind, variable: variable, range: target,
            body: arguments.last!, filter: arguments.count == 3 ? arguments[1] : nil)
        return try make(.comprehension(comprehension), at: offset, children: [target] + arguments.dropFirst())
    }

    /// `cel.bind`, `math.greatest` and `math.least`, when their extension is on; nil for any other name.
    private mutating func namespacedMacro(_ name: String, arguments: [Expr], at offset: Int) throws(SyntaxError) -> Expr? {
        switch name {
        case "cel.bind" where options.bindings: return try bind(arguments, at: offset)
        case "math.greatest" where options.math: return try extremum(name, function: "math.@max", arguments, at: offset)
        case "math.least" where options.math: return try extremum(name, function: "math.@min", arguments, at: offset)
        default: return nil
        }
    }

    /// `cel.bind(name, init, body)`: `body` with `name` standing for the value of `init`.
    private mutating func bind(_ arguments: [Expr], at offset: Int) throws(SyntaxError) -> Expr {
        guard arguments.count == 3 else {
            report("cel.bind() takes 3 arguments (a name, its value, an expression using it), not \(arguments.count)", at: offset)
            return try call("cel.bind", at: offset, arguments)
        }
        guard case .identifier(let variable) = arguments[0].kind, !variable.hasPrefix(".") else {
            report("the first argument of cel.bind() must be a simple name, such as x", at: arguments[0].startOffset)
            return try call("cel.bind", at: offset, arguments)
        }
        let binding = Expr.Binding(variable: variable, initializer: arguments[1], body: arguments[2])
        return try make(.bind(binding), at: offset, children: [arguments[1], arguments[2]])
    }

    /// `math.greatest(...)` and `math.least(...)` as cel-go expands them: one argument (a number or a list)
    /// or two are passed as they are, three or more as one list. Arguments that cannot be numbers
    /// (a string literal, a map) are refused here.
    private mutating func extremum(_ name: String, function: String, _ arguments: [Expr], at offset: Int) throws(SyntaxError) -> Expr {
        switch arguments.count {
        case 0:
            report("\(name)() needs at least one argument", at: offset)
            return try call(function, at: offset, arguments)
        case 1:
            if !Parser.mayBeNumber(arguments[0]) && !Parser.isListOfNumbers(arguments[0]) {
                report("\(name)() needs numbers or a non-empty list of numbers", at: arguments[0].startOffset)
            }
            return try call(function, at: offset, arguments)
        default:
            if let wrong = arguments.first(where: { !Parser.mayBeNumber($0) }) {
                report("\(name)() arguments must be numbers", at: wrong.startOffset)
            }
            if arguments.count == 2 { return try call(function, at: offset, arguments) }
            let list = try make(.list(arguments), at: arguments[0].offset, children: arguments)
            return try call(function, at: offset, [list])
        }
    }

    /// Whether an argument could be a number: a numeric literal, or anything not a literal or a constructor.
    private static func mayBeNumber(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .literal(.int), .literal(.uint), .literal(.double): true
        case .literal, .list, .map, .object: false
        default: true
        }
    }

    private static func isListOfNumbers(_ expr: Expr) -> Bool {
        guard case .list(let elements) = expr.kind else { return false }
        return !elements.isEmpty && elements.allSatisfy(mayBeNumber)
    }
}
