import CEL
import Diagnostics
import Foundation
import Ledger
import Yams

/// A loaded, checked rule pack: its rules (sorted by id), its policy, and the
/// CEL environment its expressions were compiled in.
public struct RulePack: Sendable {
    public let rules: [Rule]
    public let policy: Policy
    /// What loads but will be slow or surprising (`credits rules lint` prints them).
    public let warnings: [Diagnostic]
    /// The facts and functions every expression sees (for `credits expr`).
    let environment: CELEnvironment

    /// Whether loading reads each rule's examples (their snapshots, queries and
    /// expectations) or only checks that the rule has some.
    public enum Examples: Sendable {
        /// Read and check them: `credits rules lint` and `credits rules test`.
        case read
        /// Leave them: explaining never runs them, and reading 70 example snapshots was
        /// half of what a small `credits explain` took.
        case skip
    }

    /// Loads and checks every rule of `files` once; throws every problem found, each at
    /// its place (`Rules/causes/x.yaml:12:19: error: ...`). `fallbackPolicy` is the
    /// policy text used when the pack has no `policy.yaml` of its own.
    public static func load(_ files: RuleFiles, fallbackPolicy: String? = nil,
                            examples: Examples = .read) throws(DiagnosticsError) -> RulePack {
        if files.rulePaths.isEmpty {
            throw DiagnosticsError([Diagnostic(message: "no rules in '\(files.folder)': a rule is a .yaml file in its causes/ or findings/ folder")])
        }
        let policyFile = try files.policy(fallback: fallbackPolicy)
        let policy = try Policy.load(text: policyFile.text, name: policyFile.name)
        var loader = RuleLoader(files: files, policy: policy, examples: examples)
        let rules = loader.loadAll()
        if !loader.diagnostics.isEmpty { throw DiagnosticsError(loader.diagnostics) }
        return RulePack(rules: rules, policy: policy, warnings: loader.warnings, environment: loader.base)
    }

    /// Compiles one expression over the facts (no item), for `credits expr`.
    public func compile(_ expression: String) throws(DiagnosticsError) -> CELProgram {
        try environment.compile(expression, name: "<expression>")
    }
}

/// What an expression of a rule must give, and how a rule author reads that.
struct ResultKind {
    let types: [CELType]
    let wording: String

    static let bool = ResultKind(types: [.bool], wording: "true or false (a bool)")
    static let int = ResultKind(types: [.int], wording: "a whole number (an int)")
}

/// Walks rule files and compiles them; collects every problem instead of stopping.
struct RuleLoader {
    let files: RuleFiles
    let base: CELEnvironment
    /// The pack's policy: examples' snapshots are checked against its plans.
    let policy: Policy
    /// Whether the examples are read.
    let examples: RulePack.Examples
    /// Per `for:`, the environment of conditions and amounts, and that of messages.
    let environments: [Iteration: (item: CELEnvironment, message: CELEnvironment)]
    var diagnostics: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    static let ruleKeys = ["id", "kind", "title", "severity", "for", "when", "amount", "claims", "cites", "links", "group",
                           "weight", "story", "message", "advice", "checks", "examples"]
    static let exampleKeys = ["name", "snapshot", "query", "expect"]
    static let queryKeys = ["expected", "actual", "since", "until", "now", "tz"]
    static let expectKeys = ["fires", "amount", "entries", "count", "message", "status", "explained", "best"]

    init(files: RuleFiles, policy: Policy, examples: RulePack.Examples = .read) {
        self.files = files
        self.policy = policy
        self.examples = examples
        base = FactSchema.baseEnvironment(functions: RuleFunctions(policy: policy))
        var environments: [Iteration: (CELEnvironment, CELEnvironment)] = [:]
        for iteration in Iteration.allCases {
            var item = base
            for variable in FactSchema.itemVariables(iteration) { item.declareVariable(variable.name, type: variable.type) }
            var message = item
            for variable in FactSchema.groupVariables(iteration) { message.declareVariable(variable.name, type: variable.type) }
            environments[iteration] = (item, message)
        }
        self.environments = environments
    }

    mutating func loadAll() -> [Rule] {
        var rules: [Rule] = []
        var seen: [String: String] = [:]
        for path in files.rulePaths {
            guard let rule = load(path) else { continue }
            if let other = seen[rule.id] {
                diagnostics.append(Diagnostic(message: "rule id '\(rule.id)' is used twice (also in \(other))", location: rule.location))
                continue
            }
            seen[rule.id] = files.displayPath(path)
            rules.append(rule)
        }
        return rules.sorted { $0.id < $1.id }
    }

    /// One rule file; nil (with diagnostics) when anything in it is wrong.
    mutating func load(_ path: String) -> Rule? {
        let before = diagnostics.count
        let file = SourceFile(name: files.displayPath(path), text: files.files[path] ?? "")
        let document = YAMLDocument(file, diagnostics: &diagnostics)
        let start = SourceLocation(file: file.name, line: 1, column: 1)
        guard let root = document.root else {
            if diagnostics.count == before { diagnostics.append(Diagnostic(message: "the rule file is empty", location: start)) }
            return nil
        }
        guard let map = document.mapping(root, what: "a rule", allowed: Self.ruleKeys,
                                         required: ["id", "kind", "title", "when", "message", "examples"],
                                         diagnostics: &diagnostics)
        else { return nil }

        let id = map["id"].flatMap { document.string($0, key: "id", diagnostics: &diagnostics) } ?? ""
        let fileID = String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".yaml", with: "")
        if let node = map["id"], !id.isEmpty, id != fileID {
            diagnostics.append(document.error("rule id '\(id)' must be the file's name, '\(fileID)'", at: node))
        }
        let kind = map["kind"].flatMap { document.word($0, key: "kind", as: RuleKind.self, diagnostics: &diagnostics) }
        let title = map["title"].flatMap { document.string($0, key: "title", diagnostics: &diagnostics) } ?? ""
        var severity: FindingSeverity?
        if let node = map["severity"] {
            severity = document.word(node, key: "severity", as: FindingSeverity.self, diagnostics: &diagnostics)
            if kind == .cause { diagnostics.append(document.error("a cause has no 'severity' (only findings do)", at: map.values["severity"]!.key)) }
        } else if kind == .finding {
            diagnostics.append(document.error("a finding needs 'severity' (warning or info)", at: root))
        }
        let iteration = map["for"].map { document.word($0, key: "for", as: Iteration.self, diagnostics: &diagnostics) } ?? .entries
        let grouping = map["group"].flatMap { document.word($0, key: "group", as: Grouping.self, diagnostics: &diagnostics) } ?? .each
        var weight = 0.5
        if let node = map["weight"] {
            if let value = node.scalar.flatMap({ Double($0.string) }), (0...1).contains(value) {
                weight = value
            } else {
                diagnostics.append(document.error("'weight' must be a number from 0 to 1, not '\(node.scalar?.string ?? "a list")'", at: node))
            }
        }
        let story = map["story"].flatMap { document.word($0, key: "story", as: StoryRole.self, diagnostics: &diagnostics) } ?? .alone
        guard let iteration, let environment = environments[iteration] else { return nil }

        let condition = map["when"].flatMap { compile($0, key: "when", in: environment.item, expecting: .bool, document: document) }
        var amount: RuleExpression?
        var claims: IdListExpression?
        if kind == .cause {
            amount = map["amount"].map { compile($0, key: "amount", in: environment.item, expecting: .int, document: document) }
                ?? defaultExpression(Self.defaultAmount(iteration), key: "amount", iteration: iteration, at: root, document: document)
            claims = map["claims"].map { idList($0, key: "claims", in: environment.item, document: document) }
                ?? defaultExpression(Self.defaultClaims(iteration), key: "claims", iteration: iteration, at: root, document: document)
                    .map { IdListExpression(parts: [$0]) }
        } else if kind == .finding {
            // A finding that accounts for tokens (a refund that never came) says how many: it
            // is then a cause of the difference too. Claims default to none (no movement
            // holds tokens that never moved).
            amount = map["amount"].flatMap { compile($0, key: "amount", in: environment.item, expecting: .int, document: document) }
            claims = map["claims"].flatMap { idList($0, key: "claims", in: environment.item, document: document) }
            if map.values["amount"] == nil, let node = map.values["claims"] {
                diagnostics.append(document.error("'claims' needs 'amount': a finding without one accounts for no tokens", at: node.key))
            }
        }
        let cites = map["cites"].map { idList($0, key: "cites", in: environment.item, document: document) }
            ?? compileDefault(Self.defaultCites(iteration), key: "cites", in: environment.item, at: root, document: document)
                .map { IdListExpression(parts: [$0]) }
        let links = map["links"].flatMap { idList($0, key: "links", in: environment.item, document: document) }
        let message = map["message"].flatMap { template($0, key: "message", in: environment.message, document: document) }
        var advice: [MessageTemplate] = []
        if let node = map["advice"] {
            let items = node.sequence.map { Array($0) } ?? [node]
            for item in items {
                if let line = template(item, key: "advice", in: environment.message, document: document) { advice.append(line) }
            }
        }
        var checks: Set<NextCheck> = []
        if let node = map["checks"] {
            if let sequence = node.sequence {
                for item in sequence {
                    if let check = document.word(item, key: "checks", as: NextCheck.self, diagnostics: &diagnostics) { checks.insert(check) }
                }
            } else {
                diagnostics.append(document.error("'checks' must be a list such as [billing-date, auto-reload]", at: node))
            }
        }
        var examples: [RuleExample] = []
        if let node = map["examples"] {
            if let sequence = node.sequence, !sequence.isEmpty {
                for item in sequence where self.examples == .read {
                    if let example = self.example(item, rulePath: path, document: document) { examples.append(example) }
                }
            } else {
                diagnostics.append(document.error("'examples' must list at least one example", at: node))
            }
        }

        guard diagnostics.count == before, let kind, let condition, let message, let cites else { return nil }
        let expressions = [("when", condition)] + [amount].compactMap { $0.map { ("amount", $0) } }
            + (claims?.parts ?? []).map { ("claims", $0) } + cites.parts.map { ("cites", $0) }
            + (links?.parts ?? []).map { ("links", $0) }
            + message.expressions.map { ("message", $0) } + advice.flatMap(\.expressions).map { ("advice", $0) }
        warnAboutScans(expressions, iteration: iteration, file: file)
        checkCost(item: expressions.filter { $0.0 != "message" && $0.0 != "advice" },
                  message: expressions.filter { $0.0 == "message" || $0.0 == "advice" },
                  iteration: iteration, grouping: grouping, file: file)
        guard diagnostics.count == before else { return nil }
        var rule = Rule(id: id, kind: kind, title: title, severity: severity, iteration: iteration, condition: condition,
                        amount: amount, claims: claims, cites: cites, links: links, grouping: grouping, weight: weight, story: story,
                        message: message, advice: advice, examples: examples, location: start)
        rule.checks = checks
        return rule
    }

    /// A rule that looks at each entry or creative and reads all of `entries` or
    /// `creatives` in one of its expressions scans the list once per item: quadratic, and
    /// minutes over a long window. It loads, with a warning that says what to do instead.
    private mutating func warnAboutScans(_ expressions: [(key: String, expression: RuleExpression)],
                                         iteration: Iteration, file: SourceFile) {
        let item: String
        switch iteration {
        case .entries: item = "entry"
        case .creatives: item = "creative"
        default: return
        }
        for (key, expression) in expressions {
            for list in ["entries", "creatives"] where expression.program.variables.contains(list) {
                warnings.append(file.diagnostic(
                    "'\(key)' reads all of '\(list)' for each \(item) it looks at, which over a long window is slow "
                        + "(the list times itself); look items up by id instead, with \(list)_by_id[...]",
                    at: expression.location, severity: .warning))
            }
        }
    }

    static func defaultAmount(_ iteration: Iteration) -> String? {
        switch iteration {
        case .entries: "entry.amount"
        case .movements: "movement.amount"
        default: nil
        }
    }

    static func defaultClaims(_ iteration: Iteration) -> String? {
        switch iteration {
        case .entries: "[entry.id]"
        case .movements: "[movement.id]"
        default: nil
        }
    }

    static func defaultCites(_ iteration: Iteration) -> String {
        switch iteration {
        case .entries: "[entry.id]"
        case .movements: "movement.entries"
        case .creatives: "creative.charges"
        default: "[]"
        }
    }

    private mutating func defaultExpression(
        _ source: String?, key: String, iteration: Iteration, at node: Node, document: YAMLDocument
    ) -> RuleExpression? {
        guard let source else {
            diagnostics.append(document.error("a cause that looks at \(iteration.rawValue) needs '\(key)'", at: node))
            return nil
        }
        return compileDefault(source, key: key, in: environments[iteration]!.item, at: node, document: document)
    }

    private mutating func compileDefault(
        _ source: String, key: String, in environment: CELEnvironment, at node: Node, document: YAMLDocument
    ) -> RuleExpression? {
        do {
            return RuleExpression(program: try environment.compile(source, name: key), source: source, location: document.location(of: node))
        } catch {
            diagnostics.append(document.error("the default \(key) '\(source)' does not compile: \(error.diagnostics.map(\.message).joined(separator: "; "))", at: node))
            return nil
        }
    }

    /// An expression written as a YAML scalar, its errors placed in the file.
    mutating func compile(
        _ node: Node, key: String, in environment: CELEnvironment, expecting: ResultKind?, document: YAMLDocument
    ) -> RuleExpression? {
        guard let scalar = node.scalar else {
            diagnostics.append(document.error("'\(key)' must be an expression written as text", at: node))
            return nil
        }
        let positions = ScalarPositions(scalar, in: document.file)
        return compile(scalar.string, start: 0, positions: positions, key: key, in: environment, expecting: expecting, document: document)
    }

    /// A piece of a scalar (the whole value, or the inside of a `{{ }}` hole).
    mutating func compile(
        _ source: String, start: Int, positions: ScalarPositions, key: String,
        in environment: CELEnvironment, expecting: ResultKind?, document: YAMLDocument
    ) -> RuleExpression? {
        let location = positions.location(ofScalar: start + (source.unicodeScalars.prefix { $0 == " " }.count))
        do {
            let program = try environment.compile(source, name: key)
            if let expecting, program.resultType != .dyn, !expecting.types.contains(program.resultType) {
                diagnostics.append(document.file.diagnostic(
                    "'\(key)' must give \(expecting.wording), not a value of type \(program.resultType)", at: location))
                return nil
            }
            return RuleExpression(program: program, source: source, location: location, positions: (positions, start))
        } catch {
            for problem in error.diagnostics {
                let place = problem.location.map { positions.location(of: $0, inPieceAt: start, piece: source) } ?? location
                diagnostics.append(document.file.diagnostic(problem.message, at: place))
            }
            return nil
        }
    }

    /// `claims:` or `cites:`, one expression or a YAML list of them.
    mutating func idList(_ node: Node, key: String, in environment: CELEnvironment, document: YAMLDocument) -> IdListExpression? {
        let expected = ResultKind(types: [.string, .list(.string), .list(.dyn)], wording: "an id or a list of ids")
        let items = node.sequence.map { Array($0) } ?? [node]
        let parts = items.compactMap { compile($0, key: key, in: environment, expecting: expected, document: document) }
        return parts.count == items.count ? IdListExpression(parts: parts) : nil
    }

    /// A message or advice line with `{{ }}` holes.
    mutating func template(_ node: Node, key: String, in environment: CELEnvironment, document: YAMLDocument) -> MessageTemplate? {
        guard let scalar = node.scalar else {
            diagnostics.append(document.error("'\(key)' must be text", at: node))
            return nil
        }
        let positions = ScalarPositions(scalar, in: document.file)
        let parsed = MessageTemplate.holes(in: scalar.string)
        if let unclosed = parsed.unclosedAt {
            diagnostics.append(document.file.diagnostic("'{{' without '}}' in '\(key)'", at: positions.location(ofScalar: unclosed)))
            return nil
        }
        var pieces: [MessageTemplate.Piece] = []
        var failed = false
        for (index, hole) in parsed.holes.enumerated() {
            if !parsed.literals[index].isEmpty { pieces.append(.text(parsed.literals[index])) }
            if hole.text.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.append(document.file.diagnostic("empty '{{ }}' in '\(key)'", at: positions.location(ofScalar: hole.start)))
                failed = true
            } else if let expression = compile(hole.text, start: hole.start, positions: positions, key: key,
                                               in: environment, expecting: nil, document: document) {
                pieces.append(.hole(expression))
            } else {
                failed = true
            }
        }
        if let last = parsed.literals.last, !last.isEmpty { pieces.append(.text(last)) }
        return failed ? nil : MessageTemplate(pieces: pieces)
    }
}
