import Explainer
import Dispatch
import Foundation
import Ledger

/// A balance question as a page's form or the query of its URL gives it: text, not yet checked.
struct QuestionForm: Sendable, Equatable {
    var expected: String?
    var actual: String?
    var since: String?
    var until: String?
    var now: String?

    /// Reads the query of `/clients/ID/ask?expected=200&actual=112&since=...`; empty fields count as absent.
    init(parameters: [String: String]) {
        func field(_ name: String) -> String? {
            parameters[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        expected = field("expected")
        actual = field("actual")
        since = field("since")
        until = field("until")
        now = field("now")
    }

    init(expected: String?, actual: String? = nil, since: String? = nil, until: String? = nil, now: String? = nil) {
        self.expected = expected
        self.actual = actual
        self.since = since
        self.until = until
        self.now = now
    }

    var queryItems: [(String, String?)] {
        [("expected", expected), ("actual", actual), ("since", since), ("until", until), ("now", now)]
    }

    /// The checked question; a number that is not a whole number within range is a 400.
    func checked() throws(ConsoleError) -> Question {
        guard let expected else { throw ConsoleError(.badRequest, "say which balance was expected: 'expected' is missing") }
        return Question(expected: try Question.amount(expected, name: "expected"),
                        actual: try actual.map { text throws(ConsoleError) in try Question.amount(text, name: "actual") },
                        since: since, until: until, now: now)
    }
}

/// A checked balance question: the numbers are whole and within range, the times
/// still as written (`ExplainQuery.resolve` reads them against the snapshot).
struct Question: Sendable {
    var expected: Int
    var actual: Int?
    var since: String?
    var until: String?
    var now: String?

    /// Balances are taken up to a million tokens either way (a plan gives a few hundred a
    /// month): far from overflowing `actual - expected`, and the explainer's search for the
    /// closest reachable sum walks the difference a token at a time, so a trillion would
    /// hold a core for hours.
    static let largest = 1_000_000

    static func amount(_ text: String, name: String) throws(ConsoleError) -> Int {
        guard let value = Int(text) else {
            throw ConsoleError(.badRequest, "'\(name)' must be a whole number of tokens, not '\(text.prefix(40))'")
        }
        return try checkedAmount(value, name: name)
    }

    static func checkedAmount(_ value: Int, name: String) throws(ConsoleError) -> Int {
        guard abs(value) <= largest else {
            throw ConsoleError(.badRequest, "'\(name)' must be between -\(largest) and \(largest), not \(value)")
        }
        return value
    }

    /// The question asked of `snapshot`; a time that does not read is a 400 with the explainer's words.
    func query(for snapshot: Snapshot) throws(ConsoleError) -> ExplainQuery {
        do throws(QueryError) {
            return try ExplainQuery.resolve(snapshot: snapshot, expected: expected, actual: actual, since: since, until: until, now: now)
        } catch {
            throw ConsoleError(.badRequest, error.message)
        }
    }

    /// The question as the query of a page's URL, for links to the answer.
    var form: QuestionForm {
        QuestionForm(expected: String(expected), actual: actual.map(String.init), since: since, until: until, now: now)
    }
}

extension Console {
    /// Asks `question` of `snapshot`: the search is bounded (`HypothesisSearch`'s work
    /// limit), so one request cannot hold a core; the answer says when it stopped early.
    func explain(_ snapshot: Snapshot, _ question: Question) throws(ConsoleError) -> Explanation {
        explainer.explain(snapshot, try question.query(for: snapshot))
    }

    /// The same, off Swift's cooperative threads (two on this machine), so that a long
    /// explanation cannot stall every other request, health checks and sign-ins included;
    /// and at most one per core at a time, so that a burst of questions waits its turn
    /// instead of dividing the cores between dozens of threads.
    func explainOffThread(_ snapshot: Snapshot, _ question: Question) async throws(ConsoleError) -> Explanation {
        let query = try question.query(for: snapshot)
        let explainer = explainer
        await explanations.acquire()
        let explanation = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: explainer.explain(snapshot, query))
            }
        }
        await explanations.release()
        return explanation
    }

    /// The command that reproduces an answer, for the ticket. `source` is `--client ID`
    /// (the store is added) or `--snapshot FILE`.
    func reproduceCommand(_ explanation: Explanation, source: [String]) -> String {
        var source = source
        if source.first == "--client", let store = options.storeArgument { source += ["--db", store] }
        return ReproduceCommand.text(explanation, source: source)
    }
}

/// Lets at most `limit` tasks through at once; the others wait in order.
actor TurnTaking {
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
