import ArgumentParser
import Ledger

extension Credits {
    /// `credits log` (SPEC section 4): the credits page, replayed.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the credits log replayed: newest first, with the balance after each row by bucket.",
            discussion: "Exits 0 when it printed the log (a replay that does not match the shown balance included), 2 on bad input."
        )

        /// The two forms of the log.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var input: SnapshotOptions

        @Option(help: "The page to show, from 1 (newest first).")
        var page: Int = 1

        @Option(help: "text for a person at a terminal, json for scripts.")
        var format: Format = .text

        func run() throws {
            let loaded = try input.load()
            let log = CreditsLog(snapshot: loaded.snapshot, policy: loaded.policy, timeZone: loaded.displayZone)
            guard let shown = log.page(page) else {
                let pages = log.pageCount == 1 ? "1 page" : "\(log.pageCount) pages"
                throw SnapshotOptions.usageError("page \(page) is out of range: the log has \(pages)")
            }
            switch format {
            case .text: print(log.text(shown), terminator: "")
            case .json: print(log.json(shown).rendered())
            }
        }
    }
}
