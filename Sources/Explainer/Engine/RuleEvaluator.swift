import CEL
import Foundation
import Ledger

/// Runs every rule of a pack over one question's facts: the candidate causes the
/// search combines, the findings, and the problems rules ran into.
struct RuleEvaluator {
    let facts: Facts
    /// What the question may spend evaluating its rules (tests give less, to see where it stops).
    var budget = RuleEvaluator.questionBudget
    /// How a long list of items is cut over the cores (tests cut short ones too).
    var split = Parallel.Split.machine

    struct Output {
        var causes: [Cause] = []
        var findings: [Finding] = []
        var problems: [RuleProblem] = []
        /// Where the question's budget ran out, when it did: the items after it were not looked at.
        var stopped: RuleBudgetStop?
        /// For each cause, by position, what its message is written from until `write` writes it
        /// (nil once written, and for a finding's cause, which has the finding's message).
        var unwritten: [Unwritten?] = []
        /// What is left of the question's budget for messages.
        var messageBudget = CELBudget(total: RuleEvaluator.questionBudget)
    }

    /// A cause's rule and matches, kept to write its message when an answer shows it: a
    /// whole-history window has tens of thousands of candidate causes and shows a handful.
    struct Unwritten {
        fileprivate let shared: Shared
        var rule: Rule { shared.rule }
        let group: [Match]
        let amount: Int
        /// The globals the rule saw (a `rest` rule's facts differ from the question's).
        let globals: [String: CELValue]
    }

    /// A rule behind one reference, so that the loop over every item does not copy its fields.
    fileprivate final class Shared: Sendable {
        let rule: Rule
        init(_ rule: Rule) { self.rule = rule }
    }

    /// A rule's expressions made ready for one question: each one's activation holds the
    /// facts' globals, set once; an item's own names (`entry`, `creative`) go into slots
    /// found once. The loop over every item copies no dictionary of names.
    fileprivate struct BoundRule: RuleBindings {
        let shared: Shared
        private var activations: [CELActivation]
        /// For each expression, the slot of each of an item's names (nil: it does not read it).
        private let itemSlots: [[CELSlot?]]
        private var item: [(name: String, value: CELValue)] = []
        /// What `when` needs of one of an item's names (`entry.type == "submission"`), by the
        /// name's position: items that cannot hold are skipped without an evaluation.
        private let itemGuard: (position: Int, guard: CELFieldGuard)?
        /// The values the guarded field may have, as a list: one or two short strings, compared
        /// faster than hashed.
        let admitted: [String]

        init(_ shared: Shared, globals: [String: CELValue], itemNames: [String]) {
            self.shared = shared
            let found = shared.rule.condition.fieldGuard
            itemGuard = found.flatMap { found in itemNames.firstIndex(of: found.guard.variable).map { ($0, found.guard) } }
            admitted = itemGuard == nil ? [] : found?.values ?? []
            let expressions = shared.rule.matchExpressions
            activations = expressions.map { expression in
                var activation = expression.program.makeActivation()
                for (name, slot) in expression.slots { activation[slot] = globals[name] }
                return activation
            }
            itemSlots = expressions.map { expression in itemNames.map { name in expression.slots.first { $0.name == name }?.slot } }
        }

        /// The item name and field `when` is guarded on.
        var guardedField: GuardedField? {
            itemGuard.map { GuardedField(position: $0.position, field: $0.guard.field) }
        }

        /// The item the next evaluations are about.
        mutating func bind(_ item: Facts.Item) {
            self.item = item.bindings
        }

        mutating func evaluate(_ expression: RuleExpression, number: Int, budget: inout CELBudget) throws(CELError) -> CELValue {
            for (position, slot) in itemSlots[number].enumerated() {
                if let slot { activations[number][slot] = item[position].value }
            }
            return try expression.evaluate(&activations[number], budget: &budget)
        }
    }

    /// What all the rules of one question may spend evaluating their conditions, amounts,
    /// claims and cites over every item (in the units of CEL's cost limit), and again
    /// their messages: a question answers in seconds whatever its rules and its log.
    /// About 5 s of evaluation on this project's machines; a 100,000-entry log with the
    /// built-in rules spends a tenth of it.
    public static let questionBudget = 100_000_000

    /// One item a rule matched.
    struct Match {
        let item: Facts.Item
        let amount: Int
        let claims: [String]
        let cites: [String]
        let links: [String]
    }

    /// A rule that fails on many items reports its first few failures, then how many more.
    static let problemsShownPerRule = 3

    func run(_ rules: [Rule]) -> Output {
        var output = Output()
        DisplayTime.$format.withValue(facts.query.time) {
            // Item by item, then rule by rule: each item's bindings are built once for all
            // the rules that look at that kind of item.
            let shared = rules.map(Shared.init)
            var matches: [[Match]] = Array(repeating: [], count: rules.count)
            var failures: [[RuleProblem]] = Array(repeating: [], count: rules.count)
            var budget = CELBudget(total: budget)
            for iteration in Iteration.allCases where output.stopped == nil {
                guard let items = facts.items[iteration], let first = items.first else { continue }
                // The rules of this kind of item (by index in `rules`), each made ready once.
                let selected = rules.indices.filter { rules[$0].iteration == iteration }
                guard !selected.isEmpty else { continue }
                let kind = KindRules(selected.map { shared[$0] }, globals: facts.globals, first: first)
                let pass = kind.run(over: Parallel.parts(items, split), budget: &budget, time: facts.query.time)
                for (k, index) in selected.enumerated() {
                    matches[index] = pass.matches[k]
                    failures[index] = pass.failures[k]
                }
                output.stopped = pass.stopped
            }
            // Each cause rule's causes stand alone (a long log's rules build them on every core);
            // findings write their messages from the question's budget, in order.
            let causeRules = rules.indices.filter { rules[$0].kind == .cause }
            let cores = causeRules.reduce(0, { $0 + matches[$1].count }) >= split.itemsPerPart ? split.cores : 1
            let matched = matches
            let built = Parallel.map(Parallel.parts(causeRules, Parallel.Split(cores: cores, itemsPerPart: 1))) { part in
                part.map { index in causes(shared[index], matched[index]) }
            }.flatMap { $0 }
            var causesOf = Dictionary(uniqueKeysWithValues: zip(causeRules, built))
            for (index, rule) in rules.enumerated() {
                output.problems += failures[index].prefix(Self.problemsShownPerRule)
                if failures[index].count > Self.problemsShownPerRule {
                    output.problems.append(RuleProblem(
                        rule: rule.id, message: "and \(failures[index].count - Self.problemsShownPerRule) more items like these", location: nil))
                }
                if let own = causesOf.removeValue(forKey: index) {
                    output.causes += own.causes.map { $0.renumbered(output.causes.count + $0.order) }
                    output.unwritten += own.unwritten
                    output.problems += own.problems
                } else {
                    for group in groups(matches[index], by: rule.grouping) { finding(rule, group, into: &output) }
                }
            }
        }
        return output
    }

    /// The rules of one kind of item made ready for one question, and their pass over the items:
    /// item by item, then rule by rule, so that each item's bindings are set once for all of them.
    fileprivate struct KindRules: Sendable {
        let bound: [BoundRule]
        /// The guarded fields, each read once per item for all the rules; for each rule, the
        /// position of its field among them and the values it admits.
        let guarded: [GuardedField]
        /// For each guarded field, the values some rule admits, numbered: an item's value is
        /// looked up once, not compared with each rule's values.
        let valueNumbers: [[String: Int]]
        /// For each rule guarded on a field, whether it admits each of that field's numbered values.
        let admits: [[Bool]]
        /// Where each guarded field is among the first item's fields: items of one kind share
        /// their fields, so this finds the others' without a search.
        let guardPlaces: [Int]
        let guardOf: [Int?]
        let itemNames: [String]

        init(_ rules: [Shared], globals: [String: CELValue], first: Facts.Item) {
            let itemNames = first.bindings.map(\.name)
            self.itemNames = itemNames
            let bound = rules.map { BoundRule($0, globals: globals, itemNames: itemNames) }
            self.bound = bound
            let guarded = Array(Set(bound.compactMap(\.guardedField))).sorted { ($0.position, $0.field) < ($1.position, $1.field) }
            self.guarded = guarded
            guardPlaces = guarded.map { $0.place(in: first) ?? -1 }
            let guardOf = bound.map { one in one.guardedField.flatMap(guarded.firstIndex(of:)) }
            self.guardOf = guardOf
            let valueNumbers = guarded.indices.map { field in
                let values = Set(bound.indices.filter { guardOf[$0] == field }.flatMap { bound[$0].admitted })
                return Dictionary(uniqueKeysWithValues: values.sorted().enumerated().map { ($0.element, $0.offset) })
            }
            self.valueNumbers = valueNumbers
            admits = bound.indices.map { k in
                guard let field = guardOf[k] else { return [] }
                var admits = Array(repeating: false, count: valueNumbers[field].count)
                for value in bound[k].admitted { admits[valueNumbers[field][value]!] = true }
                return admits
            }
        }

        /// What the rules found, by rule, and where the budget ran out.
        struct Pass: Sendable {
            var matches: [[Match]]
            var failures: [[RuleProblem]]
            var stopped: RuleBudgetStop?
            var spent = 0

            init(rules: Int) {
                matches = Array(repeating: [], count: rules)
                failures = Array(repeating: [], count: rules)
            }
        }

        /// Every item of the parts, from `budget`. The parts run on the machine's cores, each
        /// from a copy of what is left; they are joined in order while what they spent
        /// fits, and a part that would not have fit runs again from what was really left. So
        /// the matches, the failures and where the budget ran out are those of one pass in order.
        func run(over parts: [ArraySlice<Facts.Item>], budget: inout CELBudget, time: TimeFormat) -> Pass {
            guard parts.count > 1 else { return pass(parts[0], budget: &budget) }
            let start = budget
            let passes = Parallel.map(parts) { part in
                DisplayTime.$format.withValue(time) {
                    var copy = start
                    return pass(part, budget: &copy)
                }
            }
            var joined = Pass(rules: bound.count)
            for (part, found) in zip(parts, passes) {
                var found = found
                if found.stopped == nil && found.spent <= budget.remaining {
                    budget.spend(found.spent)
                } else {
                    found = pass(part, budget: &budget)
                }
                for k in bound.indices {
                    joined.matches[k] += found.matches[k]
                    joined.failures[k] += found.failures[k]
                }
                joined.spent += found.spent
                joined.stopped = found.stopped
                if found.stopped != nil { break }
            }
            return joined
        }

        /// The items in order, on this thread.
        private func pass(_ items: ArraySlice<Facts.Item>, budget: inout CELBudget) -> Pass {
            var bound = self.bound
            var found = Pass(rules: bound.count)
            let before = budget.spent
            // Each guarded field's value for the item, by number: -1 when no rule admits it, nil
            // when it is no string (the rules then decide by evaluating).
            var numbers = [Int?](repeating: nil, count: guarded.count)
            items: for item in items {
                assert(item.bindings.map(\.name) == itemNames, "every item of one kind binds the same names, in one order")
                for k in guarded.indices {
                    numbers[k] = guarded[k].value(in: item, place: guardPlaces[k]).map { valueNumbers[k][$0] ?? -1 }
                }
                for k in bound.indices {
                    // A rule's `when` cannot hold for an item whose guarded field has another value.
                    if let field = guardOf[k], let number = numbers[field], number < 0 || !admits[k][number] { continue }
                    // The rule is read in place through its shared reference: a copy of it per item
                    // and rule retains every field of it.
                    let shared = bound[k].shared
                    bound[k].bind(item)
                    do throws(CELError) {
                        if let match = try RuleEvaluator.match(shared.rule, item, &bound[k], budget: &budget) { found.matches[k].append(match) }
                    } catch {
                        if budget.ranOut {
                            found.stopped = RuleBudgetStop(rule: shared.rule.id, item: item.id, budget: budget.total)
                            break items
                        }
                        found.failures[k].append(RuleProblem(rule: shared.rule.id, message: "\(error.message) (for \(item.id))",
                                                             location: error.location?.description))
                    }
                }
            }
            found.spent = budget.spent - before
            return found
        }
    }

    /// The rule's match for one item, or nil when its condition is false, with its names by dictionary.
    static func match(_ rule: Rule, _ item: Facts.Item, _ bindings: [String: CELValue]) throws(CELError) -> Match? {
        var budget = CELBudget(total: .max)
        var named = NamedBindings(values: bindings)
        return try match(rule, item, &named, budget: &budget)
    }

    /// The same, spending from a question's budget; the expressions are evaluated in the order
    /// of `Rule.matchExpressions` (their number, for `bindings`).
    static func match(_ rule: Rule, _ item: Facts.Item, _ bindings: inout some RuleBindings,
                      budget: inout CELBudget) throws(CELError) -> Match? {
        var number = 0
        func value(_ expression: RuleExpression) throws(CELError) -> CELValue {
            defer { number += 1 }
            return try bindings.evaluate(expression, number: number, budget: &budget)
        }
        guard try bool(rule.condition, value(rule.condition)) else { return nil }
        var amount = 0
        if let expression = rule.amount { amount = try int(expression, value(expression)) }
        var claims: [String] = []
        if let list = rule.claims { claims = try ids(list, value) }
        var cites: [String] = []
        if let list = rule.cites { cites = try ids(list, value) }
        var links: [String] = []
        if let list = rule.links { links = try ids(list, value) }
        return Match(item: item, amount: amount, claims: claims, cites: cites, links: links)
    }

    /// Matches put together by the rule's `group:`, in the order their first item came.
    func groups(_ matches: [Match], by grouping: Grouping) -> [[Match]] {
        guard grouping != .each else { return matches.map { [$0] } }
        var groups: [[Match]] = []
        var positions: [String: Int] = [:]
        for match in matches {
            let key = switch grouping {
            case .each, .all: ""
            case .perCreative: match.item.creativeKey
            case .perDay: match.item.day ?? match.item.at.map(facts.query.time.day) ?? ""
            case .perKind: match.item.kind
            }
            if let position = positions[key] {
                groups[position].append(match)
            } else {
                positions[key] = groups.count
                groups.append([match])
            }
        }
        return groups
    }

    /// A cause rule's causes, one per group of its matches, numbered from 0, and its problems.
    private func causes(_ shared: Shared, _ matches: [Match]) -> Output {
        var output = Output()
        for group in groups(matches, by: shared.rule.grouping) { cause(shared, group, into: &output) }
        return output
    }

    /// A cause, its message left to `write`.
    private func cause(_ shared: Shared, _ group: [Match], into output: inout Output) {
        let rule = shared.rule
        let amount = group.reduce(0) { $0 + $1.amount }
        guard amount != 0, !group.isEmpty, let claims = claims(rule, group, into: &output) else { return }
        output.causes.append(cause(rule, group, amount: amount, claims: claims, texts: ("", []), order: output.causes.count))
        output.unwritten.append(Unwritten(shared: shared, group: group, amount: amount, globals: facts.globals))
    }

    /// Writes the messages of the causes at `positions` (those an answer shows), in that order,
    /// from what is left of the question's message budget.
    func write(_ positions: some Sequence<Int>, in output: inout Output) {
        DisplayTime.$format.withValue(facts.query.time) {
            for position in positions {
                guard let unwritten = output.unwritten[position] else { continue }
                var budget = output.messageBudget
                let texts = render(unwritten.rule, unwritten.group, amount: unwritten.amount, globals: unwritten.globals,
                                   budget: &budget, into: &output)
                output.messageBudget = budget
                output.causes[position].text = texts?.message ?? ""
                output.causes[position].advice = texts?.advice ?? []
                output.unwritten[position] = nil
            }
        }
    }

    private func cause(_ rule: Rule, _ group: [Match], amount: Int, claims: (claims: [Claim], isPart: Bool),
                       texts: (message: String, advice: [String]), order: Int) -> Cause {
        var cause = Cause(
            rule: rule.id, title: rule.title, amount: amount, claims: claims.claims,
            entries: cited(group), text: texts.message, advice: texts.advice, weight: rule.weight,
            latest: group.compactMap(\.item.at).max(), order: order, story: rule.story, isPart: claims.isPart,
            links: Self.sortedOnce(group.flatMap(\.links)),
            finding: rule.kind == .finding ? rule.severity ?? .info : nil)
        cause.checks = rule.checks
        return cause
    }

    /// What a group's causes take out of the movements they claim, each up to what it holds,
    /// in the order listed; nil (with a problem) when they cannot hold the amount.
    /// Also whether it takes only part of one of them.
    private func claims(_ rule: Rule, _ group: [Match], into output: inout Output) -> (claims: [Claim], isPart: Bool)? {
        var tally = IdTally<(amount: Int, available: Int)>()
        for match in group {
            var remaining = match.amount
            for id in match.claims where remaining != 0 {
                guard let available = facts.movements[id]?.amount else {
                    output.problems.append(RuleProblem(rule: rule.id, message: "claims '\(id)', which is no entry or movement", location: nil))
                    return nil
                }
                guard (available < 0) == (remaining < 0) else { continue }
                let position = tally.position(of: id, initial: (0, available))
                let room = abs(available) - abs(tally[position].amount)
                let take = min(abs(remaining), max(0, room)) * (remaining < 0 ? -1 : 1)
                guard take != 0 else { continue }
                tally[position].amount += take
                remaining -= take
            }
            // A finding's tokens may be in no movement at all (a refund that never came).
            if remaining != 0 && !(rule.kind == .finding && match.claims.isEmpty) {
                output.problems.append(RuleProblem(
                    rule: rule.id,
                    message: "a cause of \(match.amount) for \(match.item.id) cannot be taken out of what it claims (\(match.claims.joined(separator: ", ")))",
                    location: nil))
                return nil
            }
        }
        // The movements claimed, in the order first claimed, with what the group takes of each.
        let claimed = tally.items.filter { $0.value.amount != 0 }
        return (claimed.map { Claim(movement: $0.id, amount: $0.value.amount) },
                claimed.contains { abs($0.value.amount) < abs($0.value.available) })
    }

    /// A finding, its message written now: findings are few, and every one is shown.
    private func finding(_ rule: Rule, _ group: [Match], into output: inout Output) {
        var budget = output.messageBudget
        let texts = render(rule, group, amount: 0, globals: facts.globals, budget: &budget, into: &output)
        output.messageBudget = budget
        guard let texts else { return }
        output.findings.append(Finding(
            rule: rule.id, title: rule.title, severity: rule.severity ?? .info, entries: cited(group),
            text: texts.message, advice: texts.advice, checks: rule.checks))
        // A finding that accounts for tokens is a cause of the difference too.
        let amount = group.reduce(0) { $0 + $1.amount }
        guard rule.amount != nil, amount != 0, let claims = claims(rule, group, into: &output) else { return }
        output.causes.append(cause(rule, group, amount: amount, claims: claims, texts: texts, order: output.causes.count))
        output.unwritten.append(nil)
    }

    /// The entries a group cites, each once, oldest first.
    private func cited(_ group: [Match]) -> [String] {
        var ordered: [(id: String, order: Int)] = []
        for match in group {
            for id in match.cites { if let order = facts.movements[id]?.order { ordered.append((id, order)) } }
        }
        ordered.sort { $0.order < $1.order }
        // An entry's order is its own: equal orders are the same entry, next to each other once sorted.
        var ids: [String] = []
        for (index, one) in ordered.enumerated() where index == 0 || ordered[index - 1].order != one.order { ids.append(one.id) }
        return ids
    }

    /// Strings sorted, each once (no set for the one or two of most causes).
    private static func sortedOnce(_ strings: [String]) -> [String] {
        var result: [String] = []
        for string in strings.sorted() where result.last != string { result.append(string) }
        return result
    }

    /// What a group's message and advice see: its first item's names, `items`, `count` and `amount`.
    static func groupBindings(_ group: [Match], amount: Int, globals: [String: CELValue]) -> [String: CELValue]? {
        guard let first = group.first else { return nil }
        var bindings = Facts.bindings(of: first.item, globals: globals)
        bindings["items"] = .list(group.map(\.item.value))
        bindings["count"] = .int(Int64(group.count))
        bindings["amount"] = .int(Int64(amount))
        return bindings
    }

    /// The rule's message and advice for a group. A message that cannot be written (it
    /// fails, or spends more than its limit) does not drop the cause or finding: its title
    /// stands in, and the problem is reported.
    private func render(_ rule: Rule, _ group: [Match], amount: Int, globals: [String: CELValue], budget: inout CELBudget,
                        into output: inout Output) -> (message: String, advice: [String])? {
        guard let bindings = Self.groupBindings(group, amount: amount, globals: globals) else { return nil }
        do throws(CELError) {
            let message = try rule.message.render(bindings, budget: &budget)
            var advice: [String] = []
            for line in rule.advice { advice.append(try line.render(bindings, budget: &budget)) }
            return (message, advice)
        } catch {
            output.problems.append(RuleProblem(rule: rule.id, message: error.message, location: error.location?.description))
            let count = group.count == 1 ? "1 item" : "\(group.count) items"
            return ("\(rule.title) (\(count); the rule's message could not be written: \(error.message)).", [])
        }
    }

    private static func bool(_ expression: RuleExpression, _ value: CELValue) throws(CELError) -> Bool {
        guard case .bool(let result) = value else {
            throw CELError("'\(expression.source)' gave \(value), not true or false", location: expression.location)
        }
        return result
    }

    private static func int(_ expression: RuleExpression, _ value: CELValue) throws(CELError) -> Int {
        guard case .int(let result) = value else {
            throw CELError("'\(expression.source)' gave \(value), not a whole number", location: expression.location)
        }
        return Int(result)
    }

    private static func ids(_ list: IdListExpression, _ value: (RuleExpression) throws(CELError) -> CELValue) throws(CELError) -> [String] {
        var ids: [String] = []
        for part in list.parts {
            let value = try value(part)
            switch value {
            case .string(let id): if !id.isEmpty { ids.append(id) }
            case .list(let items):
                for item in items {
                    guard case .string(let id) = item else {
                        throw CELError("'\(part.source)' gave \(item) in its list, not an id", location: part.location)
                    }
                    if !id.isEmpty { ids.append(id) }
                }
            default:
                throw CELError("'\(part.source)' gave \(value), not an id or a list of ids", location: part.location)
            }
        }
        return ids
    }
}

/// Where a rule's expressions find their names while `RuleEvaluator.match` evaluates them.
protocol RuleBindings {
    /// Evaluates `expression`, the `number`th of its rule's `matchExpressions`.
    mutating func evaluate(_ expression: RuleExpression, number: Int, budget: inout CELBudget) throws(CELError) -> CELValue
}

/// Names by dictionary: for traces and coverage, which look at one rule and item at a time.
struct NamedBindings: RuleBindings {
    let values: [String: CELValue]

    func evaluate(_ expression: RuleExpression, number: Int, budget: inout CELBudget) throws(CELError) -> CELValue {
        try expression.evaluate(values, budget: &budget)
    }
}

/// An item's name (by position) and one of its fields, which a rule's `when` is guarded on.
private struct GuardedField: Hashable {
    let position: Int
    let field: String

    /// The field's value for `item` when it is a string; `place` is where it was in another item.
    func value(in item: Facts.Item, place: Int) -> String? {
        guard case .object(let object) = item.bindings[position].value,
              case .string(let value)? = object.value(at: place, named: field) else { return nil }
        return value
    }

    /// Where the field is among `item`'s fields.
    func place(in item: Facts.Item) -> Int? {
        guard case .object(let object) = item.bindings[position].value else { return nil }
        return object.place(of: field)
    }
}

/// Where a question's evaluation budget ran out: the rule that was running and the item
/// it was looking at. Items after it were not looked at by any rule, so the answer may
/// miss causes and findings: it says so, and a ticket is due.
public struct RuleBudgetStop: Sendable, Hashable {
    /// The rule's id.
    public let rule: String
    /// The entry, creative or other item's id.
    public let item: String
    /// The budget that ran out.
    public let budget: Int
}
