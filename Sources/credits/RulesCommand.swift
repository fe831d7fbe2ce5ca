import ArgumentParser
import BuiltinRules
import Diagnostics
import Explainer

extension Credits {
    /// `credits rules lint|test [DIR]` (SPEC section 4).
    struct RulesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "Check rule files and run the examples written in them.",
            subcommands: [Lint.self, Test.self]
        )
    }
}

extension Credits.RulesCommand {
    /// `credits rules lint [DIR]`: every problem, `file:line:col`, exit 1 when any.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every rule (YAML shape, expressions, messages, examples); exits 1 when any problem is found.")

        @Argument(help: ArgumentHelp("A rules folder laid out like Rules/ (default: the built-in pack).", valueName: "dir"),
                  completion: .directory)
        var directory: String?

        @OptionGroup var inputLimit: InputLimitOptions

        func run() throws {
            let pack = try Credits.RulesCommand.loadOrReport(directory, limit: try inputLimit.limit())
            let examples = pack.rules.reduce(0) { $0 + $1.examples.count }
            for warning in pack.warnings { print(warning.description) }
            let warnings = pack.warnings.count == 1 ? " (1 warning above)" : pack.warnings.isEmpty ? "" : " (\(pack.warnings.count) warnings above)"
            print("\(pack.rules.count) rules, \(examples) examples: no problems found\(warnings)")
        }
    }

    /// `credits rules test [DIR]`: one line per example, then `N passed, M failed`.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the examples written in the rules; exits 1 when one fails.")

        @Argument(help: ArgumentHelp("A rules folder laid out like Rules/ (default: the built-in pack).", valueName: "dir"),
                  completion: .directory)
        var directory: String?

        @Flag(help: "Also say which parts of each rule's when and message conditions the examples never make both true and false (exit 1 when a part is left uncovered).")
        var coverage = false

        @OptionGroup var inputLimit: InputLimitOptions

        func run() throws {
            let pack = try Credits.RulesCommand.loadOrReport(directory, limit: try inputLimit.limit())
            let outcomes = ExampleRunner(pack: pack).runAll()
            for outcome in outcomes {
                print(outcome.line)
                if let trace = outcome.trace {
                    print(TraceReport(traces: [trace], detailed: true).text().split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
                }
            }
            let failed = outcomes.filter { !$0.passed }.count
            print("\(outcomes.count - failed) passed, \(failed) failed")
            var uncovered = 0
            if coverage {
                let report = CoverageReport(RuleCoverage.measure(pack, outcomes: outcomes))
                print(report.text(), terminator: "")
                uncovered = report.uncovered
            }
            if failed > 0 || uncovered > 0 { throw ExitCode(1) }
        }
    }

    /// Loads the pack; its problems are printed (standard output: they are the command's
    /// result) and become exit 1.
    static func loadOrReport(_ directory: String?, limit: InputLimit) throws -> RulePack {
        let files = try RulePackLoading.files(rules: directory, limit: limit)
        do {
            return try RulePack.load(files, fallbackPolicy: BuiltinRules.text(of: "policy.yaml"))
        } catch {
            print(error.description)
            let count = error.diagnostics.count
            print(count == 1 ? "1 problem" : "\(count) problems")
            throw ExitCode(1)
        }
    }
}
