import Testing

/// A malformed command line exits 2 like every other usage error (SPEC section 4),
/// with ArgumentParser's message naming the option.
@Test(arguments: [
    (["log", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml", "--page", "abc"],
     "Error: The value 'abc' is invalid for '--page <page>'"),
    (["explain", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml"],
     "Error: Missing expected argument '--expected <expected>'"),
    (["explain", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml", "--expected", "12.5"],
     "Error: The value '12.5' is invalid for '--expected <expected>'"),
    (["explain", "--snapshot", "seeds/examples/saltbush-wines-upgrade.yaml", "--expected", "10", "--format", "pdf"],
     "Error: The value 'pdf' is invalid for '--format <format>'. Please provide one of 'text', 'markdown' or 'json'."),
    (["refund"], "Error: Unexpected argument 'refund'"),
])
func malformedCommandLinesExitTwo(arguments: [String], firstLine: String) throws {
    let output = try BinaryRunner.run(arguments)
    #expect(output.status == 2)
    #expect(output.stdout == "")
    #expect(output.stderr.split(separator: "\n").first.map(String.init) == firstLine)
}

@Test func helpExitsZero() throws {
    let output = try BinaryRunner.run(["--help"])
    #expect(output.status == 0)
    #expect(output.stdout.contains("explain"))
}
