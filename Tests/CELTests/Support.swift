import CEL
import Diagnostics
import Foundation

/// Compiles and evaluates, returning the value in CEL syntax, `error: message` for an evaluation error
/// (with its column), or the diagnostics text for a compile error.
func outcome(_ source: String, environment: CELEnvironment = CELEnvironment(), bindings: [String: CELValue] = [:]) -> String {
    let program: CELProgram
    do {
        program = try environment.compile(source)
    } catch {
        return error.description
    }
    do {
        return try program.evaluate(bindings).description
    } catch {
        return "error at \(error.location.map { "\($0.line):\($0.column)" } ?? "?"): \(error.message)"
    }
}

/// An environment with the variables and types most tests use.
func testEnvironment(checked: Bool = true) -> CELEnvironment {
    var environment = CELEnvironment()
    environment.checksTypes = checked
    environment.declareObjectType("Entry", fields: ["type": .string, "amount": .int, "note": .string])
    environment.declareVariable("entries", type: .list(.object("Entry")))
    environment.declareVariable("entry", type: .object("Entry"))
    environment.declareVariable("x", type: .int)
    environment.declareVariable("name", type: .string)
    environment.declareVariable("m", type: .map(key: .string, value: .int))
    environment.declareVariable("d", type: .dyn)
    return environment
}

func entry(_ type: String, _ amount: Int64) -> CELValue {
    .object(CELObject(typeName: "Entry", fields: ["type": .string(type), "amount": .int(amount)]))
}

let testBindings: [String: CELValue] = [
    "entries": .list([entry("submission", -40), entry("plan_allocation", 325), entry("submission", -88)]),
    "entry": entry("submission", -40),
    "x": .int(3),
    "name": .string("abc"),
    "m": .map(CELMap([(.string("a"), .int(1)), (.string("b"), .int(2))])),
    "d": .list([.int(1), .string("two")]),
]

/// A thread-safe tally for counting calls of a user function.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}
