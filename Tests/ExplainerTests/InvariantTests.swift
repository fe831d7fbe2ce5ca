import Foundation
import Ledger
import Testing
@testable import Explainer

/// SPEC section 5's promises, checked on every rule example and on every example
/// snapshot of `seeds/examples` under several questions.
struct InvariantTests {
    /// What breaks a promise, worded for the failure message; empty when all hold.
    static func violations(_ explanation: Explanation) -> [String] {
        var problems: [String] = []
        var holds: [String: Int] = [:]
        for entry in explanation.snapshot.entries { holds[entry.id] = entry.amount }
        for movement in explanation.replay.movements { holds[movement.id] = movement.amount }
        for (rank, hypothesis) in explanation.hypotheses.enumerated() {
            let sum = hypothesis.causes.reduce(0) { $0 + $1.amount }
            if sum != hypothesis.explained { problems.append("hypothesis \(rank + 1): causes add up to \(sum), not \(hypothesis.explained)") }
            if hypothesis.explained + hypothesis.unexplained != explanation.delta {
                problems.append("hypothesis \(rank + 1): explained + unexplained is not the difference")
            }
            var taken: [String: Int] = [:]
            for cause in hypothesis.causes {
                let claimed = cause.claims.reduce(0) { $0 + $1.amount }
                // A finding's tokens may be in no movement at all (a refund that never came).
                if claimed != cause.amount && !(cause.finding != nil && cause.claims.isEmpty) { problems.append("\(cause.rule): claims \(claimed) for an amount of \(cause.amount)") }
                for claim in cause.claims { taken[claim.movement, default: 0] += claim.amount }
            }
            for (movement, amount) in taken {
                let available = holds[movement] ?? 0
                if (amount < 0) != (available < 0) || abs(amount) > abs(available) {
                    problems.append("hypothesis \(rank + 1) takes \(amount) out of \(movement), which holds \(available)")
                }
            }
        }
        if let firstInexact = explanation.hypotheses.firstIndex(where: { !$0.isExact }),
           explanation.hypotheses[firstInexact...].contains(where: \.isExact) {
            problems.append("an exact hypothesis ranks below an inexact one")
        }
        if explanation.explained + explanation.unexplained != explanation.delta { problems.append("top level does not add up") }
        // Second edition: hypotheses are high or medium, coincidences low and exact.
        if explanation.hypotheses.contains(where: { $0.confidence == .low }) { problems.append("a hypothesis has confidence low") }
        if explanation.coincidences.contains(where: { $0.confidence != .low || !$0.isExact }) {
            problems.append("a coincidence is not low, or not exact")
        }
        let history = explanation.history
        if history.opening + history.lines.reduce(0, { $0 + $1.amount }) != history.closing {
            problems.append("the bridge does not add up: \(history.opening) + lines != \(history.closing)")
        }
        if let moment = explanation.balanceWas, moment.balance != explanation.query.expected {
            problems.append("balance_was \(moment.balance) is not the expected \(explanation.query.expected)")
        }
        let expected = ExplanationStatus.of(delta: explanation.delta, best: explanation.hypotheses.first, findings: explanation.findings)
        if explanation.status != expected { problems.append("status \(explanation.status) should be \(expected)") }
        return problems
    }

    @Test func everyRuleExampleKeepsThePromises() throws {
        let pack = try Support.builtinPack()
        let outcomes = ExampleRunner(pack: pack).runAll()
        #expect(!outcomes.isEmpty)
        for outcome in outcomes {
            #expect(Self.violations(outcome.explanation) == [], "\(outcome.rule): \(outcome.example)")
        }
    }

    @Test func everyRuleExamplePasses() throws {
        let outcomes = ExampleRunner(pack: try Support.builtinPack()).runAll()
        #expect(outcomes.filter { !$0.passed }.map(\.line) == [])
    }

    static let seedFiles: [String] = {
        let folder = Support.root.appendingPathComponent("seeds/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }()

    @Test(arguments: seedFiles)
    func everyExampleSnapshotKeepsThePromises(_ name: String) throws {
        let pack = try Support.builtinPack()
        let snapshot = try SnapshotReader.read(path: Support.root.appendingPathComponent("seeds/examples/\(name)").path, policy: pack.policy)
        let balance = snapshot.client.balance
        let window = snapshot.entries.filter { snapshot.generatedAt.timeIntervalSince($0.at) < 35 * 86_400 }
        // The balance before each of the last entries, and a few round numbers.
        var expectations = Set([balance, balance + 1, balance - 100, balance + 88, 200, 0])
        for count in 1...min(6, window.count) {
            expectations.insert(balance - window.suffix(count).reduce(0) { $0 + $1.amount })
        }
        for expected in expectations.sorted() {
            let query = try ExplainQuery.resolve(snapshot: snapshot, expected: expected)
            let explanation = Explainer(pack: pack).explain(snapshot, query)
            #expect(Self.violations(explanation) == [], "\(name), expected \(expected)")
            #expect(explanation.problems.map(\.description) == [], "\(name), expected \(expected)")
        }
    }

    @Test func theSeedExamplesAreThere() {
        #expect(Self.seedFiles.count >= 5)
    }
}
