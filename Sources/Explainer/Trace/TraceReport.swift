import Foundation
import Ledger

/// Rule traces in words (text for a terminal, markdown for a ticket) and as JSON (the `"trace"` key).
/// The words are built once, as lines with a depth; text indents them, markdown makes them bullets.
public struct TraceReport {
    /// The traces, in pack order.
    public let traces: [RuleTrace]
    /// One rule asked about (`--why RULE`): every item and candidate; otherwise one line a rule.
    public let detailed: Bool

    public init(traces: [RuleTrace], detailed: Bool) {
        self.traces = traces
        self.detailed = detailed
    }

    /// A line of the account and how deep it sits.
    struct Line {
        let depth: Int
        let text: String
    }

    public func text() -> String {
        lines().map { String(repeating: "  ", count: $0.depth) + ($0.depth > 0 ? "- " : "") + $0.text }.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        lines().map { $0.depth == 0 ? "### \($0.text)" : String(repeating: "  ", count: $0.depth - 1) + "- " + $0.text }
            .joined(separator: "\n") + "\n"
    }

    func lines() -> [Line] {
        guard detailed else {
            return [Line(depth: 0, text: "Why each rule did or did not fire")]
                + traces.map { Line(depth: 1, text: "\($0.rule): \(Self.verdict($0))") }
        }
        return traces.flatMap(Self.details)
    }

    private static func details(_ trace: RuleTrace) -> [Line] {
        var lines = [Line(depth: 0, text: "Why: rule \(trace.rule) (\(trace.title)): \(verdict(trace))")]
        let noun = nouns(trace.iteration)
        lines.append(Line(depth: 1, text: "It looked at \(count(trace.looked, noun)): `when` held for \(trace.held), "
            + "was false for \(trace.notHeld)\(trace.failed > 0 ? ", failed on \(trace.failed)" : "")."))
        for item in trace.items { lines.append(Line(depth: 2, text: sentence(item))) }
        if trace.looked > trace.items.count {
            let rest = trace.looked - trace.items.count
            lines.append(Line(depth: 2, text: "and \(rest) more \(rest == 1 ? noun.singular : noun.plural)"))
        }
        if trace.notHeld > 0, !trace.falseParts.isEmpty {
            lines.append(Line(depth: 1, text: "False parts, most common first:"))
            for (parts, items) in trace.falseParts {
                let said = parts.map { "`\($0.expression)` (\($0.location))" }.joined(separator: " and ")
                lines.append(Line(depth: 2, text: "\(said): false for \(count(items, noun))"))
            }
        }
        if let outside = trace.outsideWindow {
            let near = outside.isCut ? " (of the \(WholeLog.reach) entries nearest it on each side)" : ""
            lines.append(Line(depth: 1, text: "Outside the window it holds for \(count(outside.count, noun))\(near), the latest: \(sentence(outside.latest))"))
        }
        if trace.kind == .cause {
            lines.append(Line(depth: 1, text: trace.candidates.isEmpty
                ? "It proposed no cause, so the search had nothing of it to use."
                : "What the search did with its \(count(trace.candidates.count, ("cause", "causes"))):"))
            for candidate in trace.candidates { lines.append(Line(depth: 2, text: disposition(candidate))) }
        }
        return lines
    }

    /// What `when` gave for one item, as a sentence.
    static func sentence(_ item: ItemTrace) -> String {
        switch item.outcome {
        case .held(let amount?, let claims):
            return "\(item.subject): held: \(signed(amount))\(claims.isEmpty ? "" : ", claiming \(claims.joined(separator: ", "))")"
        case .held(nil, _):
            return "\(item.subject): held"
        case .notHeld(let parts) where parts.isEmpty:
            return "\(item.subject): not held"
        case .notHeld(let parts):
            return parts.map { $0.sentence(about: item.subject) }.joined(separator: "; and ")
        case .failed(let message):
            return "\(item.subject): the rule failed: \(message)"
        }
    }

    /// The one-line account of a rule.
    static func verdict(_ trace: RuleTrace) -> String {
        let noun = nouns(trace.iteration)
        if let scope = trace.scope, trace.held == 0 { return "did not fire: \(scope)" }
        switch trace.verdict {
        case .fired(let items):
            var said = "fired on \(count(items, noun))\(trace.scope.map { " (\($0))" } ?? "")"
            if trace.kind == .cause {
                let first = trace.candidates.filter { if case .inFirst = $0.disposition { true } else { false } }.count
                said += "; \(count(trace.candidates.count, ("cause", "causes"))), \(first) in the first hypothesis"
            }
            return said
        case .outsideWindow(let items, let latest, let isCut):
            let near = isCut ? " (of the \(WholeLog.reach) entries nearest it on each side)" : ""
            return "did not fire in the window; it holds for \(count(items, noun)) outside it\(near), the latest \(latest.subject)"
        case .nothingToLookAt:
            return "did not fire: there are no \(noun.plural) to look at\(trace.iteration == .entries || trace.iteration == .movements ? " in the window" : "")"
        case .falseEverywhere(let parts, let items, let total):
            let example = trace.items.first { item in
                if case .notHeld(let found) = item.outcome { return found.map(\.expression) == parts.map(\.expression) }
                return false
            }
            let instance = example.map { "; e.g. " + sentence($0) } ?? ""
            let said = parts.map { "`\($0.expression)`" }.joined(separator: " and ") + (parts.count == 1 ? " is" : " are")
            let many = total == 1 ? "the only \(noun.singular)" : items == total ? "all \(count(total, noun))" : "\(items) of \(count(total, noun))"
            let rest = total - items - trace.failed
            let others = rest > 0 ? " (other parts are false for the other \(count(rest, noun)))" : ""
            return "did not fire: \(said) false for \(many)\(others)\(instance)"
        case .failed(let items):
            let message = trace.items.lazy.compactMap { if case .failed(let message) = $0.outcome { message } else { nil } }.first
            return "failed on \(count(items, noun))\(message.map { ": \($0)" } ?? "")"
        }
    }

    static func disposition(_ candidate: CandidateDisposition) -> String {
        let cause = "\(signed(candidate.amount)) (claiming \(candidate.claims.joined(separator: ", ")))"
        switch candidate.disposition {
        case .inFirst: return "\(cause): in the first hypothesis"
        case .inOther(let rank, let reason): return "\(cause): in hypothesis \(rank), which ranks lower: \(reason)"
        case .inCoincidence(let rank):
            return "\(cause): only in coincidence \(rank): it adds up only with movements nothing links to it"
        case .claimedByOther(let rule, let amount, let movement):
            return "\(cause): left out: the first hypothesis's \(rule) cause (\(signed(amount))) claims the same movement \(movement)"
        case .beforeBalance(let balance, _, let local, let after):
            return "\(cause): left out: it came before the balance was \(balance) (\(local)\(after.map { ", after \($0)" } ?? "")), "
                + "where the first hypothesis starts: the difference is what moved since then"
        case .belowShown: return "\(cause): left out: it may add up with other causes, but the search ranks such answers below the ones shown (--top shows more)"
        case .noCombination: return "\(cause): left out: no combination with it adds up to the difference"
        case .noDifference: return "\(cause): not used: the balance is what was expected"
        }
    }

    static func signed(_ amount: Int) -> String { amount > 0 ? "+\(amount)" : "\(amount)" }

    static func count(_ number: Int, _ noun: (singular: String, plural: String)) -> String {
        "\(number) \(number == 1 ? noun.singular : noun.plural)"
    }

    static func nouns(_ iteration: Iteration) -> (singular: String, plural: String) {
        switch iteration {
        case .entries: ("entry", "entries")
        case .creatives: ("creative", "creatives")
        case .movements: ("unrecorded movement", "unrecorded movements")
        case .otherClients: ("other client", "other clients")
        case .reports: ("report", "reports")
        case .client: ("client", "clients")
        }
    }

    // MARK: JSON

    /// The `"trace"` value: one object a rule.
    public func json() -> JSONValue {
        .array(traces.map { trace in
            var pairs: [(String, JSONValue)] = [
                ("rule", .string(trace.rule)), ("kind", .string(trace.kind.rawValue)), ("for", .string(trace.iteration.rawValue)),
                ("scope", .string(trace.scope)), ("looked", .int(trace.looked)), ("held", .int(trace.held)), ("not_held", .int(trace.notHeld)),
                ("failed", .int(trace.failed)), ("verdict", Self.json(trace.verdict)), ("text", .string(Self.verdict(trace))),
            ]
            if detailed {
                pairs.append(("items", .array(trace.items.map(Self.json))))
                pairs.append(("false_parts", .array(trace.falseParts.map { parts, items in
                    .object([("parts", .array(parts.map { Self.json($0) })), ("items", .int(items))])
                })))
                pairs.append(("candidates", .array(trace.candidates.map(Self.json))))
            }
            return .object(pairs)
        })
    }

    private static func json(_ verdict: RuleTrace.Verdict) -> JSONValue {
        switch verdict {
        case .fired(let items): .object([("kind", .string("fired")), ("items", .int(items))])
        case .outsideWindow(let items, let latest, let isCut):
            .object([("kind", .string("outside_window")), ("items", .int(items)), ("latest", .string(latest.id)), ("stopped_early", .bool(isCut))])
        case .nothingToLookAt: .object([("kind", .string("nothing_to_look_at"))])
        case .falseEverywhere(let parts, let items, _):
            .object([("kind", .string("false_everywhere")), ("items", .int(items)), ("false_parts", .array(parts.map { json($0) }))])
        case .failed(let items): .object([("kind", .string("failed")), ("items", .int(items))])
        }
    }

    private static func json(_ item: ItemTrace) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("id", .string(item.id)), ("subject", .string(item.subject))]
        switch item.outcome {
        case .held(let amount, let claims):
            pairs += [("held", .bool(true)), ("amount", amount.map(JSONValue.int) ?? .null), ("claims", .array(claims.map(JSONValue.string)))]
        case .notHeld(let parts):
            pairs += [("held", .bool(false)), ("false_parts", .array(parts.map { json($0) }))]
        case .failed(let message):
            pairs += [("held", .null), ("error", .string(message))]
        }
        pairs.append(("text", .string(sentence(item))))
        return .object(pairs)
    }

    private static func json(_ part: FalsePart) -> JSONValue {
        .object([
            ("expression", .string(part.expression)), ("location", .string(part.location)), ("words", .string(part.words)),
            ("values", .array(part.values.map { .object([("expression", .string($0.expression)), ("value", .string($0.value))]) })),
        ])
    }

    private static func json(_ candidate: CandidateDisposition) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("amount", .int(candidate.amount)), ("claims", .array(candidate.claims.map(JSONValue.string)))]
        switch candidate.disposition {
        case .inFirst: pairs.append(("search", .string("first_hypothesis")))
        case .inOther(let rank, let reason): pairs += [("search", .string("other_hypothesis")), ("rank", .int(rank)), ("reason", .string(reason))]
        case .inCoincidence(let rank): pairs += [("search", .string("coincidence")), ("rank", .int(rank))]
        case .claimedByOther(let rule, let amount, let movement):
            pairs += [("search", .string("claimed_by_other")), ("by_rule", .string(rule)), ("by_amount", .int(amount)), ("movement", .string(movement))]
        case .beforeBalance(let balance, let at, _, let after):
            let utc = TimeFormat(zone: TimeZone(identifier: "UTC")!)
            pairs += [("search", .string("before_balance")), ("balance", .int(balance)), ("at", .string(utc.iso(at))),
                      ("after_entry", .string(after))]
        case .belowShown: pairs.append(("search", .string("below_shown")))
        case .noCombination: pairs.append(("search", .string("no_combination")))
        case .noDifference: pairs.append(("search", .string("no_difference")))
        }
        pairs.append(("text", .string(disposition(candidate))))
        return .object(pairs)
    }
}
