import CEL
import Foundation
import Synchronization
import Testing

/// The front door: activations, sharing a program between threads, and the cost budget.
struct ProgramTests {
    @Test func activationBindsBySlotOrNameAndIsReusable() throws {
        let program = try testEnvironment().compile("entries.filter(e, e.amount < x).size() + size(name)")
        #expect(program.variables == ["entries", "name", "x"])
        #expect(program.slot(of: "m") == nil)
        var activation = program.makeActivation()
        let entriesSlot = try #require(program.slot(of: "entries"))
        activation[entriesSlot] = testBindings["entries"]
        activation["x"] = .int(0)
        activation["name"] = .string("ab")
        activation["unused"] = .int(1)
        #expect(try program.evaluate(&activation) == .int(4))
        activation["x"] = .int(1000)
        #expect(try program.evaluate(&activation) == .int(5))
        #expect(activation["x"] == .int(1000))
        activation["name"] = nil
        #expect(throws: CELError("no value bound for variable 'name'", location: .init(file: "<expression>", line: 1, column: 47))) {
            try program.evaluate(&activation)
        }
    }

    @Test func anActivationBelongsToTheProgramThatMadeIt() throws {
        let first = try testEnvironment().compile("x + 1")
        let second = try testEnvironment().compile("x + 1")
        var activation = first.makeActivation()
        activation["x"] = .int(1)
        #expect(try first.evaluate(&activation) == .int(2))
        #expect(throws: CELError("this activation was made by another program; use this program's makeActivation()")) {
            try second.evaluate(&activation)
        }
    }

    @Test func oneProgramEvaluatesFromManyThreadsAtOnce() throws {
        let program = try testEnvironment().compile("entries.map(e, e.amount * x).filter(a, a < 0).size() == 2 && x > 0")
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            var activation = program.makeActivation()
            activation["entries"] = testBindings["entries"]
            for round in 1...2000 {
                activation["x"] = .int(Int64(round))
                let byActivation = try? program.evaluate(&activation)
                let byDictionary = try? program.evaluate(["entries": testBindings["entries"]!, "x": .int(Int64(round + thread))])
                if byActivation != .bool(true) || byDictionary != .bool(true) { failures.withLock { $0 += 1 } }
            }
        }
        #expect(failures.withLock { $0 } == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func hostileComprehensionStopsAtTheCostLimit() throws {
        var environment = CELEnvironment()
        environment.declareVariable("big", type: .list(.int))
        environment.costLimit = 1_000_000
        let program = try environment.compile("big.map(a, big.map(b, big.map(c, a + b + c))).size()")
        let big = CELValue.list((0..<1000).map { .int(Int64($0)) })
        #expect(throws: CELError("evaluation cost limit exceeded (the expression does too much work for its input)",
                                 location: .init(file: "<expression>", line: 1, column: 27))) {
            try program.evaluate(["big": big])
        }
        environment.costLimit = 100
        let small = try environment.compile("big.exists(a, a == 999)")
        #expect(throws: CELError.self) { try small.evaluate(["big": big]) }
    }

    /// Values that grow at each step are paid for by their size, and one replace that would
    /// multiply its input past what a string may hold is refused before it is built.
    @Test(.timeLimit(.minutes(1)), arguments: [
        // Doubling a string 40 times would make a terabyte.
        ((0..<40).reduce("'0123456789'") { inner, _ in "cel.bind(s, \(inner), s + s)" },
         "evaluation cost limit exceeded (the expression does too much work for its input)"),
        // The same with lists.
        ((0..<40).reduce("[1, 2]") { inner, _ in "cel.bind(l, \(inner), l + l)" },
         "evaluation cost limit exceeded (the expression does too much work for its input)"),
        // Each step multiplies the string by 1,000 in one call.
        ((0..<4).reduce("'aaaaaaaaaa'") { inner, _ in "cel.bind(s, \(inner), s.replace('a', s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s))" },
         "replace would build a string of"),
    ])
    func growingValuesStopAtTheCostLimit(_ source: String, _ message: String) throws {
        let program = try CELEnvironment(extensions: [.bindings, .strings]).compile(source)
        do {
            let value = try program.evaluate([:])
            Issue.record("evaluated to a value of \(value.type)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func resultTypeIsTheCheckedType() throws {
        let environment = testEnvironment()
        #expect(try environment.compile("x + 1").resultType == .int)
        #expect(try environment.compile("entries[0]").resultType == .object("Entry"))
        #expect(try environment.compile("m").resultType == .map(key: .string, value: .int))
        #expect(try environment.compile("d").resultType == .dyn)
        #expect(try environment.compile("[1, 'a']").resultType == .list(.dyn))
        var unchecked = environment
        unchecked.checksTypes = false
        #expect(try unchecked.compile("x + 1").resultType == .dyn)
    }
}

extension ProgramTests {
    @Test func regexMatchesCostInProportionToTheText() throws {
        var environment = CELEnvironment()
        environment.declareVariable("texts", type: .list(.string))
        environment.costLimit = 20_000
        let program = try environment.compile("texts.exists(t, t.matches('(a|b)*c'))")
        let long = CELValue.string(String(repeating: "ab", count: 50_000))
        #expect(throws: CELError("evaluation cost limit exceeded (the expression does too much work for its input)",
                                 location: .init(file: "<expression>", line: 1, column: 19))) {
            try program.evaluate(["texts": .list([long])])
        }
        #expect(try program.evaluate(["texts": .list([.string("abc")])]) == .bool(true))
    }
}

extension ProgramTests {
    /// The deepest expressions the parser accepts compile and evaluate on a 512 KiB thread stack (a
    /// secondary thread on macOS), even in a debug build, whose frames are several times larger.
    @Test func deepestAcceptedExpressionsFitASmallStack() throws {
        let sources = [
            String(repeating: "(", count: 99) + "1" + String(repeating: ")", count: 99),
            Array(repeating: "x", count: 100).joined(separator: " + "),
            String(repeating: "[", count: 99) + "1" + String(repeating: "]", count: 99),
            String(repeating: "x > 0 ? 1 : ", count: 49) + "2",
            String(repeating: "[1].map(a, ", count: 49) + "a" + String(repeating: ")", count: 49),
        ]
        let outcomes = Mutex<[String]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let results = sources.map { outcome($0, environment: testEnvironment(), bindings: testBindings) }
            outcomes.withLock { $0 = results }
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        let results = outcomes.withLock { $0 }
        #expect(results.count == 5)
        #expect(results.first == "1")
        #expect(results.dropFirst().first == "300")
        #expect(results.allSatisfy { !$0.contains("error") }, "\(results)")
    }
}
