import ArgumentParser
import Explainer

extension Credits {
    /// `credits expr` (SPEC section 4): one CEL expression over a snapshot's facts,
    /// for a rule author trying a condition before writing it into a rule.
    struct Expr: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate one CEL expression over a snapshot's facts (see Rules/README.md) and print its value.",
            discussion: "Exits 0 when it printed the value, 2 when the expression or the input is wrong."
        )

        @Argument(help: ArgumentHelp("The expression, e.g. 'creatives.filter(c, c.in_flight).map(c, c.title)'.", valueName: "expr"))
        var expression: String

        @OptionGroup var input: SnapshotOptions

        @Option(parsing: .unconditional, help: ArgumentHelp("The balance expected, for query.expected and query.delta (default: the shown balance).", valueName: "tokens"),
                transform: TokenArgument.parse)
        var expected: Int?

        @OptionGroup var window: WindowOptions

        func run() throws {
            let loaded = try input.load()
            let pack = try RulePackLoading.load(loaded.ruleFiles)
            let query = try window.query(snapshot: loaded.snapshot, expected: expected ?? loaded.snapshot.client.balance,
                                         timeZone: input.tz)
            do throws(ExpressionError) {
                print(try pack.evaluate(expression, snapshot: loaded.snapshot, query: query))
            } catch {
                SnapshotOptions.printError(error.description)
                throw ExitCode(2)
            }
        }
    }
}
