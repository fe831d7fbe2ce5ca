import CEL
import Foundation

// Prints compile time and evaluations per second on one core for the issue's three expressions.
// Run in release mode: `swift run -c release bench-cel`.

struct Case {
    let label: String
    let expression: String
    let environment: CELEnvironment
    let bindings: [String: CELValue]
}

/// CPU time of this thread, so that other processes on a shared machine do not count against us.
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = threadCPUTime()
    try work()
    return threadCPUTime() - start
}

func entries(asObjects: Bool) -> CELValue {
    .list((0..<100).map { index in
        let fields: [String: CELValue] = index % 2 == 0
            ? ["type": .string("submission"), "amount": .int(-40)]
            : ["type": .string("plan_allocation"), "amount": .int(325)]
        if asObjects { return .object(CELObject(typeName: "Entry", fields: fields)) }
        return .map(CELMap(fields.sorted { $0.key > $1.key }.map { (.string($0.key), $0.value) }))
    })
}

var scalars = CELEnvironment()
scalars.declareVariable("x", type: .int)
scalars.declareVariable("y", type: .int)
scalars.declareVariable("name", type: .string)

var maps = CELEnvironment()
maps.declareVariable("entries", type: .list(.map(key: .string, value: .dyn)))

var objects = CELEnvironment()
objects.declareObjectType("Entry", fields: ["type": .string, "amount": .int])
objects.declareVariable("entries", type: .list(.object("Entry")))

let filter = #"entries.filter(e, e.type == "submission" && e.amount < 0).size()"#
let exists = "entries.exists(e, e.amount == -88)"
let cases = [
    Case(label: "(a) scalars", expression: #"x + y * 2 > 10 && name.startsWith("ab")"#, environment: scalars,
         bindings: ["x": .int(3), "y": .int(5), "name": .string("abc")]),
    Case(label: "(b) filter, maps", expression: filter, environment: maps, bindings: ["entries": entries(asObjects: false)]),
    Case(label: "(b) filter, objects", expression: filter, environment: objects, bindings: ["entries": entries(asObjects: true)]),
    Case(label: "(c) exists, maps", expression: exists, environment: maps, bindings: ["entries": entries(asObjects: false)]),
    Case(label: "(c) exists, objects", expression: exists, environment: objects, bindings: ["entries": entries(asObjects: true)]),
]

print("bench-cel: one thread, figures per second of its CPU time (\(CommandLine.arguments.contains("--quick") ? "0.2" : "1") s per figure)")
let budget = CommandLine.arguments.contains("--quick") ? 0.2 : 1.0
// `--only TEXT` runs the cases whose label contains TEXT (for profiling one of them).
let only = CommandLine.arguments.firstIndex(of: "--only").map { CommandLine.arguments[$0 + 1] }
for item in cases where only.map({ item.label.contains($0) }) ?? true {
    var program = try item.environment.compile(item.expression)
    let compileRuns = 2000
    let compileTime = try seconds { for _ in 0..<compileRuns { program = try item.environment.compile(item.expression) } }
    var activation = program.makeActivation()
    for (name, value) in item.bindings { activation[name] = value }
    let result = try program.evaluate(&activation)
    var count = 0
    var batch = 1000
    var elapsed = 0.0
    while elapsed < budget {
        elapsed += try seconds { for _ in 0..<batch { _ = try program.evaluate(&activation) } }
        count += batch
        batch = min(batch * 2, 1_000_000)
    }
    var dictionaryCount = 0
    var dictionaryElapsed = 0.0
    while dictionaryElapsed < budget / 4 {
        dictionaryElapsed += try seconds { for _ in 0..<1000 { _ = try program.evaluate(item.bindings) } }
        dictionaryCount += 1000
    }
    // Tracked evaluation (`CELProgram.tracking()`): what recording every sub-expression costs.
    var tracking = program.tracking()
    let trackingTime = seconds { for _ in 0..<compileRuns { tracking = program.tracking() } }
    var trackedCount = 0
    var trackedElapsed = 0.0
    while trackedElapsed < budget / 4 {
        trackedElapsed += seconds { for _ in 0..<1000 { _ = tracking.evaluate(&activation) } }
        trackedCount += 1000
    }
    let label = item.label.padding(toLength: 22, withPad: " ", startingAt: 0)
    let perSecond = Double(count) / elapsed
    let trackedPerSecond = Double(trackedCount) / trackedElapsed
    print("\(label) compile \(String(format: "%6.1f", compileTime / Double(compileRuns) * 1e6)) µs   "
        + "activation \(String(format: "%10.0f", perSecond))/s   "
        + "bindings dictionary \(String(format: "%10.0f", Double(dictionaryCount) / dictionaryElapsed))/s   = \(result)")
    print("\("".padding(toLength: 22, withPad: " ", startingAt: 0)) tracking plan \(String(format: "%6.1f", trackingTime / Double(compileRuns) * 1e6)) µs   "
        + "tracked \(String(format: "%10.0f", trackedPerSecond))/s (\(String(format: "%.1f", perSecond / trackedPerSecond))x the time of untracked)")
}
