import CEL
import Testing

/// `CELProgram.fieldGuard`: what an expression needs of one field to be true, so that a rule
/// engine may skip items without evaluating. Nil wherever that is not certain.
@Test(arguments: [
    ("entry.type == \"submission\"", ["submission"]),
    ("\"submission\" == entry.type", ["submission"]),
    ("entry.type == \"submission\" && entry.amount < x", ["submission"]),
    ("entry.amount < x && entry.type == \"submission\"", ["submission"]),
    ("(entry.type == \"a\" || entry.type == \"b\") && x > 0", ["a", "b"]),
    ("entry.type in [\"a\", \"b\"] && entry.type == \"b\"", ["b"]),
    ("entry.type == \"a\" && entry.type == \"b\"", []),
    ("entry.type in [\"a\", \"b\"]", ["a", "b"]),
] as [(String, Set<String>)])
func guardsAreFoundInTopLevelConjuncts(source: String, values: Set<String>) throws {
    let program = try testEnvironment().compile(source)
    let found = try #require(program.fieldGuard)
    #expect(found.variable == "entry" && found.field == "type" && found.values == values)
}

@Test(arguments: [
    "entry.type != \"submission\"",
    "!(entry.type == \"submission\")",
    "entry.type == \"a\" || x > 0",
    "entry.type == \"a\" || entry.note == \"b\"",
    "entry.type == name",
    "entries.exists(e, e.type == \"a\")",
    "cel.bind(entry, entries[0], entry.type == \"a\")",
    "entry.type in [\"a\", name]",
    "x > 0",
])
func noGuardWhereItIsNotCertain(source: String) throws {
    var environment = testEnvironment()
    environment.enable(.bindings)
    let program = try environment.compile(source)
    #expect(program.fieldGuard == nil)
}
