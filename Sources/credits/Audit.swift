import ArgumentParser
import Audit
import Explainer
import Foundation
import Store

extension Credits {
    /// `credits audit` (SPEC section 9): every finding rule over every client of the store.
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Run every finding rule over every client of the store and list what they find, worst first.",
            discussion: """
                Each client is looked at over the default window (35 days) ending at its generated_at, or --now. \
                A client whose rows are bad is listed as rule bad-data. Exits 0 when nothing is a warning, \
                1 when something is, 2 on a usage or store error.
                """)

        /// The three forms of the audit.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, csv
        }

        @OptionGroup var store: StoreOptions

        @Option(help: "text for a terminal, json for programs, csv for a spreadsheet.")
        var format: Format = .text

        @Option(help: "The least severe findings to list: warning, or info for all.")
        var severity: FindingSeverity = .info

        @Option(help: "How many clients to check at once (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: ArgumentHelp("What \"now\" is for every client (default: each client's generated_at).", valueName: "when"))
        var now: String?

        @Option(name: .long, help: ArgumentHelp("Read policy.yaml and the rules from this folder instead of the built-in ones.", valueName: "dir"))
        var rules: String?

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        }

        func run() throws {
            let audit = ClientAudit(pack: try RulePackLoading.load(RulePackLoading.files(rules: rules, limit: .standard)), now: now, jobs: jobs)
            let progress = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)
            let report: ClientAudit.Report
            do {
                report = try store.withStore(readOnly: true) { store in try await audit.run(store) { progress.show($0) } }
            } catch let error as ClientAudit.NowError {
                throw SnapshotOptions.usageError("--now: \(error.message)")
            }
            progress.clear()
            for problem in Set(report.problems).sorted() { SnapshotOptions.printError(problem) }
            let shown = report.rows(atLeast: severity)
            switch format {
            case .text: print(report.text(shown), terminator: "")
            case .json: print(report.json(shown), terminator: "")
            case .csv: print(report.csv(shown), terminator: "")
            }
            if report.hasWarnings { throw ExitCode(1) }
        }
    }
}

extension FindingSeverity: ExpressibleByArgument {}

/// The audit's progress on standard error, rewritten in place: clients done of the
/// total, the rate and the time left. Only on a terminal: piped output stays clean.
private final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ progress: ClientAudit.Progress) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(progress.done) / elapsed : 0
        let left = rate > 0 ? Int((Double(progress.total - progress.done) / rate).rounded(.up)) : 0
        let line = "\r\(progress.done)/\(progress.total) clients, \(Int(rate))/s, \(left) s left\u{1B}[K"
        lock.withLock { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
