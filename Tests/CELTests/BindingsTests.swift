import CEL
import Testing

/// `cel.bind` (the bindings extension): values, nesting, shadowing, types, errors and being off by default.
struct BindingsTests {
    static let environment: CELEnvironment = {
        var environment = testEnvironment()
        environment.enable(.bindings)
        return environment
    }()

    @Test(arguments: [
        ("cel.bind(a, 'hello', cel.bind(b, 'world', a + b + b + a))", #""helloworldworldhello""#),
        ("cel.bind(first, entries.filter(e, e.amount < 0)[0], first.type + ' ' + string(first.amount))", #""submission -40""#),
        ("cel.bind(valid, [1, 2, 3], [2, 5].exists(v, v in valid))", "true"),
        // The inner binding hides the outer one and the declared variable, and only inside its body.
        ("cel.bind(x, 10, cel.bind(x, x + 1, x) + x)", "21"),
        ("cel.bind(x, 10, x) + x", "13"),
        ("cel.bind(entries, [1], entries.size())", "1"),
        // A binding inside a comprehension is evaluated per element; one outside, once.
        ("entries.map(e, cel.bind(a, e.amount, a * a))", "[1600, 105625, 7744]"),
        ("cel.bind(total, entries.map(e, e.amount), entries.map(e, total.size()))", "[3, 3, 3]"),
        ("[1, 2].all(v, cel.bind(w, v, w > 0))", "true"),
        ("cel.bind(m2, {'a': x}, m2.a + m2['a'])", "6"),
        ("cel.bind(e, entry, has(e.note))", "false"),
        ("cel.bind(unused, 1 / 0, 7)", "error at 1:20: division by zero in 1 / 0"),
        ("cel.bind(a, x, cel.bind(b, a, b))", "3"),
    ])
    func values(source: String, expected: String) {
        #expect(outcome(source, environment: Self.environment, bindings: testBindings) == expected)
    }

    @Test(arguments: [
        ("cel.bind(a, 1, a + 'x')", "<expression>:1:18: error: found no matching overload for '+' applied to '(int, string)'\n  cel.bind(a, 1, a + 'x')\n                   ^"),
        ("cel.bind(e, entry, e.amout)", "<expression>:1:21: error: no such field 'amout' on type 'Entry' (did you mean 'amount'?)\n  cel.bind(e, entry, e.amout)\n                      ^"),
        ("cel.bind(1, 2, 3)", "<expression>:1:10: error: the first argument of cel.bind() must be a simple name, such as x\n  cel.bind(1, 2, 3)\n           ^"),
        ("cel.bind(a.b, 2, 3)", "<expression>:1:10: error: the first argument of cel.bind() must be a simple name, such as x\n  cel.bind(a.b, 2, 3)\n           ^"),
        ("cel.bind(x + 1, 2, 3)", "<expression>:1:10: error: the first argument of cel.bind() must be a simple name, such as x\n  cel.bind(x + 1, 2, 3)\n           ^"),
        ("cel.bind(a, 2)", "<expression>:1:1: error: cel.bind() takes 3 arguments (a name, its value, an expression using it), not 2\n  cel.bind(a, 2)\n  ^"),
        ("cel.bind(a, 1, a) + a", "<expression>:1:21: error: undeclared reference to 'a' (did you mean 'd'?)\n  cel.bind(a, 1, a) + a\n                      ^"),
        ("cel.bind(a, nope, a)", "<expression>:1:13: error: undeclared reference to 'nope'\n  cel.bind(a, nope, a)\n              ^"),
    ])
    func errors(source: String, expected: String) {
        #expect(outcome(source, environment: Self.environment, bindings: testBindings) == expected)
    }

    @Test func theBoundNameHasTheTypeOfItsValue() throws {
        #expect(try Self.environment.compile("cel.bind(a, entries, a)").resultType == .list(.object("Entry")))
        #expect(try Self.environment.compile("cel.bind(a, 'x', cel.bind(a, 1, a))").resultType == .int)
        #expect(try Self.environment.compile("cel.bind(a, 1, [a])").resultType == .list(.int))
    }

    @Test func theValueIsComputedOnceForEveryUse() throws {
        var environment = Self.environment
        let calls = Counter()
        environment.declareFunction("count", overloads: [
            CELOverload(id: "count_int", parameters: [.int], result: .int) { arguments in
                calls.increment()
                return arguments[0]
            },
        ])
        let program = try environment.compile("cel.bind(a, count(x), a + a + a)")
        #expect(try program.evaluate(["x": .int(2)]) == .int(6))
        #expect(calls.value == 1)
    }

    @Test func boundNamesAreNotVariables() throws {
        #expect(try Self.environment.compile("cel.bind(a, x, a + x)").variables == ["x"])
        var unchecked = Self.environment
        unchecked.checksTypes = false
        #expect(outcome("cel.bind(a, y * 2, [a, a])", environment: unchecked, bindings: ["y": .int(4)]) == "[8, 8]")
    }

    @Test func offByDefault() {
        #expect(outcome("cel.bind(a, 1, a)") == """
            <expression>:1:1: error: undeclared function 'cel.bind' (it is in the bindings extension, which this environment does not enable)
              cel.bind(a, 1, a)
              ^
            """)
        var unexpanded = Self.environment
        unexpanded.expandsMacros = false
        // Without macros, `cel.bind` is an ordinary call, and no function has that name.
        #expect(outcome("cel.bind(a, 1, a)", environment: unexpanded) == """
            <expression>:1:1: error: undeclared reference to 'cel'
              cel.bind(a, 1, a)
              ^
            <expression>:1:5: error: undeclared function 'bind'
              cel.bind(a, 1, a)
                  ^
            <expression>:1:10: error: undeclared reference to 'a' (did you mean 'd'?)
              cel.bind(a, 1, a)
                       ^
            <expression>:1:16: error: undeclared reference to 'a' (did you mean 'd'?)
              cel.bind(a, 1, a)
                             ^
            """)
    }
}
