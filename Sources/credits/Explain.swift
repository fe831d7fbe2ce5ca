import ArgumentParser
import BuiltinRules
import Diagnostics
import Explainer
import Foundation
import Ledger

extension Credits {
    /// `credits explain` (SPEC section 4): why the balance is not what was expected.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain why a client's balance differs from the balance expected.",
            discussion: """
                Exits 0 when the log explains the difference (or there is none), 1 when something looks wrong \
                or part of the difference is unexplained (a ticket is due), 2 on a usage or input error.
                """
        )

        @OptionGroup var question: ExplainOptions
        @OptionGroup var why: WhyOptions

        func run() throws {
            let analysis = try question.analyze()
            let explanation = analysis.explanation
            let trace = try why.report(explanation, pack: analysis.pack)
            switch question.format {
            case .text: print(TextReport(width: TerminalWidth.current(environment: ProcessInfo.processInfo.environment, defaultWidth: TextReport.defaultWidth)).render(explanation) + (trace.map { "\n" + $0.text() } ?? ""), terminator: "")
            case .markdown: print(MarkdownReport().render(explanation) + (trace.map { "\n" + $0.markdown() } ?? ""), terminator: "")
            case .json:
                let ticket = explanation.needsTicket ? SupportTicket(command: question.command(explanation)).text(explanation) : nil
                var report = JSONReport(ticket: ticket).value(explanation)
                if let trace, case .object(let pairs) = report { report = .object(pairs + [("trace", trace.json())]) }
                print(report.rendered() + "\n", terminator: "")
            }
            if explanation.needsTicket { throw ExitCode(1) }
        }
    }
}

/// The options `explain` and `ticket` share, and the analysis they run.
struct ExplainOptions: ParsableArguments {
    /// The three layouts of a report.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @OptionGroup var input: SnapshotOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("The balance the customer expected (a negative one is written -200).", valueName: "tokens"),
            transform: TokenArgument.parse)
    var expected: Int

    @OptionGroup var window: WindowOptions

    @Option(help: "text for a terminal, markdown for a ticket or a chat, json for programs.")
    var format: Format = .text

    @Option(help: ArgumentHelp("How many explanations to show.", valueName: "n"))
    var top: Int = 3

    /// The checked inputs and the explanation.
    struct Analysis {
        let explanation: Explanation
        let problems: [RuleProblem]
        /// The rules it was explained with.
        let pack: RulePack
    }

    /// Loads the snapshot and the rules, asks the question; usage and input errors exit 2.
    func analyze() throws -> Analysis {
        guard top >= 1 else { throw SnapshotOptions.usageError("--top must be at least 1, not \(top)") }
        let loaded = try input.load()
        let pack = try RulePackLoading.load(loaded.ruleFiles)
        let query = try window.query(snapshot: loaded.snapshot, expected: expected, timeZone: input.tz)
        let explanation = Explainer(pack: pack, top: top).explain(loaded.snapshot, query)
        for problem in explanation.problems { SnapshotOptions.printError(problem.description) }
        return Analysis(explanation: explanation, problems: explanation.problems, pack: pack)
    }

    /// The command line that reproduces this analysis exactly.
    func command(_ explanation: Explanation) -> String {
        var options: [String] = []
        if let rules = input.rules { options += ["--rules", rules] }
        if top != 3 { options += ["--top", "\(top)"] }
        return ReproduceCommand.text(explanation, source: (try? input.sourceWords()) ?? [], options: options)
    }
}

/// The question's numbers and window, shared by `explain`, `ticket` and `expr`.
struct WindowOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("The balance seen (default: the snapshot's balance).", valueName: "tokens"),
            transform: TokenArgument.parse)
    var actual: Int?

    @Option(help: ArgumentHelp("Start of the window: a date (2026-11-20), a timestamp with offset, or a span back from now (7d, 48h). Default: 35 days before now.", valueName: "when"))
    var since: String?

    @Option(help: ArgumentHelp("End of the window (default: now).", valueName: "when"))
    var until: String?

    @Option(help: ArgumentHelp("What \"now\" is (default: the snapshot's generated_at).", valueName: "when"))
    var now: String?

    /// The question asked of a snapshot; a window that does not parse is a usage error (exit 2).
    func query(snapshot: Snapshot, expected: Int, timeZone: String?) throws -> ExplainQuery {
        do throws(QueryError) {
            return try ExplainQuery.resolve(snapshot: snapshot, expected: expected, actual: actual,
                                            since: since, until: until, now: now, timeZone: timeZone)
        } catch {
            throw SnapshotOptions.usageError(error.message(naming: { "--\($0.rawValue)" }))
        }
    }
}

/// Loads the rule pack `--rules DIR` names, else the built-in one; problems exit 2.
enum RulePackLoading {
    static func files(rules: String?, limit: InputLimit) throws -> RuleFiles {
        guard let rules else {
            return RuleFiles(folder: "Rules", files: Dictionary(uniqueKeysWithValues: BuiltinRules.files.map { ($0.path, $0.text) }))
        }
        return try SnapshotOptions.reportingDiagnostics { () throws(DiagnosticsError) in try RuleFiles.read(directory: rules, limit: limit) }
    }

    /// The pack of the rule folder `rules` (nil: the built-in one), for explaining.
    static func load(rules: String?, limit: InputLimit = .standard) throws -> RulePack {
        try load(files(rules: rules, limit: limit))
    }

    /// The pack for explaining: its examples are left to `credits rules test`.
    static func load(_ files: RuleFiles) throws -> RulePack {
        return try SnapshotOptions.reportingDiagnostics { () throws(DiagnosticsError) in
            try RulePack.load(files, fallbackPolicy: BuiltinRules.text(of: "policy.yaml"), examples: .skip)
        }
    }
}

/// `--expected` and `--actual`: whole numbers of tokens, negative ones written as
/// people write them (`--expected -200`), anything else a message saying what is wrong.
enum TokenArgument {
    static func parse(_ text: String) throws -> Int {
        do throws(TokenCountError) {
            return try TokenCount.parse(text)
        } catch {
            // ArgumentParser's message names the option and the value: add only why.
            throw ValidationError(error.reason)
        }
    }
}
