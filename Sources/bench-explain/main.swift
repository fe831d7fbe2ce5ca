// Benchmarks of `credits explain` (run in release mode: `swift run -c release bench-explain`).
// Prints figures; never a pass/fail test.
import BuiltinRules
import Explainer
import Foundation
import Ledger

/// The process's CPU time so far, in milliseconds: on a shared, loaded machine the wall
/// time says more about the other processes than about this one.
func cpuTime() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
}

/// The best CPU time of `runs` runs of `body`, in milliseconds, and the wall time of that
/// run: the fastest run is the one least disturbed by others.
func measure(runs: Int = 7, _ body: () throws -> Void) rethrows -> (cpu: Double, wall: Double) {
    var best: (cpu: Double, wall: Double) = (.infinity, .infinity)
    for _ in 0..<runs {
        let start = ContinuousClock.now, cpuStart = cpuTime()
        try body()
        let cpu = cpuTime() - cpuStart
        let elapsed = ContinuousClock.now - start
        let wall = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        if cpu < best.cpu { best = (cpu, wall) }
    }
    return best
}

func format(_ time: (cpu: Double, wall: Double)) -> String {
    String(format: "%.1f ms CPU (%.1f ms wall)", time.cpu, time.wall)
}

let files = RuleFiles(folder: "Rules", files: Dictionary(uniqueKeysWithValues: BuiltinRules.files.map { ($0.path, $0.text) }))
let pack = try RulePack.load(files, examples: .skip)
var generated = LargeSnapshot.generate(entries: 100_000, creatives: 10_000)
// The shown balance is what the log replays to, as in a real snapshot.
let draft = try SnapshotReader.read(text: generated.text, name: "bench.json", policy: pack.policy)
let replayed = Replay.run(draft, policy: pack.policy).replayedBalance
generated.text = generated.text.replacingOccurrences(of: "\"balance\": 0}", with: "\"balance\": \(replayed)}")
print("times are the CPU time of the best of 7 runs (3 for the whole history and 10^12), with that run's wall time; cores: \(ProcessInfo.processInfo.activeProcessorCount)")
print("generated snapshot: \(generated.text.utf8.count / 1024) KiB of JSON, 100000 entries, 10000 creatives")

var snapshot: Snapshot!
let load = try measure { snapshot = try SnapshotReader.read(text: generated.text, name: "bench.json", policy: pack.policy) }
print("load (read and check JSON): \(format(load))")

let replay = Replay.run(snapshot, policy: pack.policy)
let shown = replay.replayedBalance
let expiry = replay.movements.filter { $0.entries.contains(generated.renewal) }.reduce(0) { $0 + $1.amount }
let expected = shown - generated.delta - expiry
print("the six causes: a renewal (+325), its expiry (\(expiry)), four submissions in production; difference \(generated.delta + expiry)")
// BENCH_ONLY=whole or BENCH_ONLY=search runs one part (the whole-history window takes seconds).
let only = ProcessInfo.processInfo.environment["BENCH_ONLY"]
for (label, since) in [("35-day window", nil as String?), ("7-day window", "7d")] where only == nil {
    let query = try ExplainQuery.resolve(snapshot: snapshot, expected: expected, actual: shown, since: since)
    var explanation: Explanation!
    let explainOnly = measure { explanation = Explainer(pack: pack).explain(snapshot, query) }
    let fromJSON = try measure {
        let fresh = try SnapshotReader.read(text: generated.text, name: "bench.json", policy: pack.policy)
        explanation = Explainer(pack: pack).explain(fresh, query)
    }
    let best = explanation.hypotheses.first
    print("explain, \(label): \(format(explainOnly)) after loading, \(format(fromJSON)) from JSON "
        + "(\(String(format: "%.2f", fromJSON.cpu / load.cpu))x load); \(explanation.candidates.count) candidate causes; "
        + "status \(explanation.status.rawValue), best answer \(best?.causes.count ?? 0) causes "
        + "(\(best?.causes.map(\.rule).joined(separator: ", ") ?? "")), stopped early: \(explanation.stoppedEarly)")
}

// The whole history as the window: every one of the 100,000 entries is a candidate cause
// (rules that scanned the log for each entry made this take minutes). Best of three runs: on a
// machine shared with other work, one run says little about the wall time of the parts that
// run on every core.
if only == nil || only == "whole" {
    let query = try ExplainQuery.resolve(snapshot: snapshot, expected: expected, actual: shown, since: "2000-01-01")
    // Each run's answer is kept until all are timed: an answer's facts are let go when its
    // caller is done with it (the command, once it has printed it), not within the question.
    var explanations: [Explanation] = []
    let time = measure(runs: 3) { explanations.append(Explainer(pack: pack).explain(snapshot, query)) }
    let explanation = explanations.last!
    let best = explanation.hypotheses.first
    print("explain, whole history (\(snapshot.entries.count) entries): \(format(time)) after loading; "
        + "\(explanation.candidates.count) candidate causes, \(explanation.findings.count) findings; "
        + "status \(explanation.status.rawValue), best answer \(best?.causes.count ?? 0) causes "
        + "(\(Set(best?.causes.map(\.rule) ?? []).sorted().joined(separator: ", ")), confidence \(best?.confidence.rawValue ?? "-"), "
        + "balance_was \(explanation.balanceWas?.afterEntry ?? "null"); stopped early: \(explanation.stoppedEarly)")
    // The search alone, on the same candidates: what its budget bounds.
    let search = StorySearch()
    var claimed: [String: Int] = [:]
    for cause in explanation.candidates {
        for claim in cause.claims { claimed[claim.movement] = snapshot.entry(id: claim.movement)?.amount ?? claim.amount }
    }
    var result: StorySearch.Result!
    let searchTime = measure(runs: 1) {
        result = search.run(explanation.candidates.filter { $0.story != .rest }, movements: claimed, delta: query.delta,
                            since: query.since, until: query.until)
    }
    print("  its search alone (\(explanation.candidates.count) candidates): \(format(searchTime)), \(result.steps) of \(search.budget) steps; "
        + "stopped early: \(result.stoppedEarly)")
}

// A difference of 10^12 over the 35-day window: no sum comes near it, and the search must
// not walk towards it token by token.
if only == nil {
    let query = try ExplainQuery.resolve(snapshot: snapshot, expected: shown - 1_000_000_000_000, actual: shown)
    // Each run's answer is kept until all are timed: an answer's facts are let go when its
    // caller is done with it (the command, once it has printed it), not within the question.
    var explanations: [Explanation] = []
    let time = measure(runs: 3) { explanations.append(Explainer(pack: pack).explain(snapshot, query)) }
    let explanation = explanations.last!
    print("explain, difference of 10^12 (35-day window): \(format(time)) after loading; status \(explanation.status.rawValue); "
        + "stopped early: \(explanation.stoppedEarly)")
}

// A busy window: routine work up to three days ago, about two thousand entries in the window.
if only == nil {
    var busy = LargeSnapshot.generate(entries: 100_000, creatives: 10_000, quietDays: 3)
    let draft = try SnapshotReader.read(text: busy.text, name: "busy.json", policy: pack.policy)
    let balance = Replay.run(draft, policy: pack.policy).replayedBalance
    busy.text = busy.text.replacingOccurrences(of: "\"balance\": 0}", with: "\"balance\": \(balance)}")
    let snapshot = try SnapshotReader.read(text: busy.text, name: "busy.json", policy: pack.policy)
    for expected in [balance + 192, balance + 1_001, balance - 20_000] {
        let query = try ExplainQuery.resolve(snapshot: snapshot, expected: expected, actual: balance)
        var explanation: Explanation!
        let time = measure { explanation = Explainer(pack: pack).explain(snapshot, query) }
        let window = snapshot.entries.filter { $0.at >= query.since && $0.at <= query.until }.count
        let best = explanation.hypotheses.first
        print("explain, busy 35-day window (\(window) entries), difference \(query.delta): \(format(time)) after loading; "
            + "\(explanation.candidates.count) candidate causes; status \(explanation.status.rawValue), "
            + "best answer explains \(best?.explained ?? 0) with \(best?.causes.count ?? 0) causes; stopped early: \(explanation.stoppedEarly)")
    }
}

for (label, causes, delta) in SearchCases.all() where only == nil || only == "search" {
    let search = StorySearch()
    var result: StorySearch.Result!
    let since = Date(timeIntervalSince1970: 0), until = Date(timeIntervalSince1970: 35 * 86_400)
    let time = measure { result = search.run(causes.causes, movements: causes.movements, delta: delta, since: since, until: until) }
    let best = result.hypotheses.first
    print("search, \(label): \(format(time)) (budget \(search.budget) steps, used \(result.steps)); best explains \(best?.explained ?? 0) of \(delta) "
        + "with \(best?.causes.count ?? 0) causes (confidence \(best?.confidence.rawValue ?? "-")), "
        + "\(result.coincidences.count) coincidences; stopped early: \(result.stoppedEarly)")
}
