import CEL
import Foundation
import Ledger

/// Traces rules over one explained question (`credits explain --why`): every rule's `when` evaluated
/// again, tracked, over the items it looked at, and its candidate causes followed into the search.
public struct RuleTracer: Sendable {
    public let pack: RulePack

    public init(pack: RulePack) {
        self.pack = pack
    }

    /// The trace of every rule of the pack, in pack order.
    public func traces(_ explanation: Explanation) -> [RuleTrace] {
        let facts = explanation.facts
        let whole = WholeLog(facts, policy: pack.policy)
        let disposition = SearchDisposition(explanation)
        return DisplayTime.$format.withValue(facts.query.time) {
            pack.rules.map { trace($0, facts, explanation, whole, disposition) }
        }
    }

    /// The trace of one rule, by id; nil when the pack has no such rule.
    public func trace(_ explanation: Explanation, rule id: String) -> RuleTrace? {
        guard let rule = pack.rules.first(where: { $0.id == id }) else { return nil }
        let facts = explanation.facts
        return DisplayTime.$format.withValue(facts.query.time) {
            trace(rule, facts, explanation, WholeLog(facts, policy: pack.policy), SearchDisposition(explanation))
        }
    }

    private func trace(_ rule: Rule, _ facts: Facts, _ explanation: Explanation, _ whole: WholeLog,
                       _ disposition: SearchDisposition) -> RuleTrace {
        let (given, scope) = Self.facts(for: rule, facts, explanation)
        return trace(rule, given, scope: scope, whole, disposition)
    }

    /// The facts a rule was given, and when they are narrower than the question's, what they are:
    /// a `rest` rule looks only at what moved since the balance was the expected number, and that
    /// no more specific cause names (the facts the explainer gave it).
    static func facts(for rule: Rule, _ facts: Facts, _ explanation: Explanation) -> (facts: Facts, scope: String?) {
        guard rule.story == .rest else { return (facts, nil) }
        let expected = explanation.query.expected
        guard explanation.delta != 0, let moment = explanation.balanceWas else {
            let why = explanation.delta == 0 ? "the balance is what was expected" : "the balance was never \(expected) in the period"
            return (facts, "it looks only at what moved since the balance was \(expected), and \(why)")
        }
        guard let rest = Explainer.restFacts(since: moment, history: explanation.history, facts: facts, causes: explanation.candidates) else {
            return (facts, "nothing moved since the balance was \(expected)")
        }
        let when = explanation.query.time.dateTime(moment.at)
        let left = rest.rest.isEmpty ? ", and each of those movements is named by a more specific cause" : ""
        return (rest.facts, "it looks at what moved since the balance was \(expected) (\(when)) that no more specific cause names\(left)")
    }

    private func trace(_ rule: Rule, _ facts: Facts, scope: String?, _ whole: WholeLog, _ disposition: SearchDisposition) -> RuleTrace {
        let tracking = rule.condition.program.tracking()
        let items = facts.items[rule.iteration] ?? []
        var shown: [ItemTrace] = []
        var (held, notHeld, failed) = (0, 0, 0)
        var partCounts: [String: (parts: [FalsePart], items: Int, first: Int)] = [:]
        for (index, item) in items.enumerated() {
            let traced = Self.item(item, rule, tracking, facts)
            switch traced.outcome {
            case .held: held += 1
            case .failed: failed += 1
            case .notHeld(let parts):
                notHeld += 1
                partCounts[parts.map(\.expression).joined(separator: "\n"), default: (parts, 0, index)].items += 1
            }
            if shown.count < RuleTrace.itemsShown { shown.append(traced) }
        }
        let falseParts = partCounts.values.sorted { ($1.items, $0.first) < ($0.items, $1.first) }.map { (parts: $0.parts, items: $0.items) }
        return RuleTrace(
            rule: rule, scope: scope, items: shown, looked: items.count, held: held, notHeld: notHeld, failed: failed,
            falseParts: falseParts, outsideWindow: held == 0 ? Self.outside(rule, tracking, whole, window: items) : nil,
            candidates: rule.kind == .cause ? disposition.candidates(of: rule.id) : [])
    }

    /// What `when` gave for one item, with the item's names bound.
    static func item(_ item: Facts.Item, _ rule: Rule, _ tracking: CELTrackingProgram, _ facts: Facts) -> ItemTrace {
        evaluate(item, rule, tracking, facts).trace
    }

    /// The same, with the tracked evaluation it comes from and the names it was evaluated with.
    static func evaluate(_ item: Facts.Item, _ rule: Rule, _ tracking: CELTrackingProgram, _ facts: Facts)
        -> (trace: ItemTrace, state: CELEvaluationState, bindings: [String: CELValue]) {
        let bindings = facts.bindings(of: item)
        let state = tracking.evaluate(bindings)
        return (trace(item, rule, state, bindings), state, bindings)
    }

    private static func trace(_ item: Facts.Item, _ rule: Rule, _ state: CELEvaluationState, _ bindings: [String: CELValue]) -> ItemTrace {
        let subjects = item.bindings.map { (name: $0.name, words: ItemSubject.words($0.value)) }
        let subject = subjects.first?.words ?? ItemSubject.words(item.value)
        switch state.result {
        case .success(.bool(true)):
            do throws(CELError) {
                let match = try RuleEvaluator.match(rule, item, bindings)
                let amount = rule.kind == .cause ? match?.amount : nil
                return ItemTrace(id: item.id, subject: subject, outcome: .held(amount: amount, claims: match?.claims ?? []))
            } catch {
                return ItemTrace(id: item.id, subject: subject, outcome: .failed(error.description))
            }
        case .success(.bool(false)):
            let parts = FalsePartFinder(state: state, expression: rule.condition, subjects: subjects).parts()
            return ItemTrace(id: item.id, subject: subject, outcome: .notHeld(parts))
        case .success(let value):
            return ItemTrace(id: item.id, subject: subject, outcome: .failed("'\(rule.condition.source)' gave \(value), not true or false"))
        case .failure(let error):
            let place = error.location.map(rule.condition.place(of:)) ?? rule.condition.location
            return ItemTrace(id: item.id, subject: subject, outcome: .failed("\(place): \(error.message)"))
        }
    }

    /// For a rule that held for nothing in the window: how many items of the whole log it holds for,
    /// and the latest of them. Checked with the plain program over one activation (a long log has
    /// 100,000 items); only the latest is traced.
    private static func outside(_ rule: Rule, _ tracking: CELTrackingProgram, _ log: WholeLog,
                                window: [Facts.Item]) -> (count: Int, latest: ItemTrace, isCut: Bool)? {
        guard rule.iteration == .entries || rule.iteration == .movements || rule.iteration == .creatives else { return nil }
        let whole = log.facts
        let inWindow = Set(window.map(\.id))
        let program = rule.condition.program
        var activation = program.makeActivation()
        for (name, value) in whole.globals { activation[name] = value }
        var count = 0
        var latest: Facts.Item?
        for item in whole.items[rule.iteration] ?? [] where !inWindow.contains(item.id) {
            for binding in item.bindings { activation[binding.name] = binding.value }
            guard (try? program.evaluate(&activation)) == .bool(true) else { continue }
            count += 1
            if latest == nil || (item.at ?? .distantPast) >= (latest?.at ?? .distantPast) { latest = item }
        }
        return latest.map { (count, Self.item($0, rule, tracking, whole), log.isCut) }
    }
}

/// The facts around the window, for the rules that held for nothing in it: up to `reach` entries
/// on each side of it (a long log has 100,000, and building facts for all of them takes seconds);
/// made the first time a rule needs them, once for all the rules of a trace.
final class WholeLog {
    /// How many entries before and after the window are looked at.
    static let reach = 5_000
    private let window: Facts
    private let policy: Policy
    /// Whether entries further from the window were left out.
    private(set) var isCut = false
    private(set) lazy var facts: Facts = {
        var query = window.query
        let times = window.snapshot.entries.map(\.at).sorted()
        let before = times.partitionPoint { $0 < query.since }
        let after = times.partitionPoint { $0 <= query.until }
        isCut = before > Self.reach || times.count - after > Self.reach
        query.since = before > Self.reach ? times[before - Self.reach] : .distantPast
        query.until = times.count - after > Self.reach ? times[after + Self.reach - 1] : .distantFuture
        return Facts(snapshot: window.snapshot, policy: policy, replay: window.replay, query: query)
    }()

    init(_ window: Facts, policy: Policy) {
        self.window = window
        self.policy = policy
    }
}

extension Array {
    /// The index of the first element for which `isAfter` is false, in an array where it is true for
    /// a prefix (binary search).
    fileprivate func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
