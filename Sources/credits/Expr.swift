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

        @Option(help: "The balance expected, for query.expected and query.delta (default: the shown balance).")
        var expected: Int?

        @Option(help: "The balance seen (default: the snapshot's balance).")
        var actual: Int?

        @Option(help: ArgumentHelp("Start of the window (date, timestamp or span such as 7d).", valueName: "when"))
        var since: String?

        @Option(help: ArgumentHelp("End of the window (default: now).", valueName: "when"))
        var until: String?

        @Option(help: ArgumentHelp("What \"now\" is (default: the snapshot's generated_at).", valueName: "when"))
        var now: String?

        func run() throws {
            let loaded = try input.load()
            let pack = try RulePackLoading.load(rules: input.rules)
            let query: ExplainQuery
            do throws(QueryError) {
                query = try ExplainQuery.resolve(
                    snapshot: loaded.snapshot, expected: expected ?? loaded.snapshot.client.balance, actual: actual,
                    since: since, until: until, now: now, timeZone: input.tz)
            } catch {
                throw SnapshotOptions.usageError(error.message)
            }
            do throws(ExpressionError) {
                print(try pack.evaluate(expression, snapshot: loaded.snapshot, query: query))
            } catch {
                SnapshotOptions.printError(error.description)
                throw ExitCode(2)
            }
        }
    }
}
