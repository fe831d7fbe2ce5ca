import ArgumentParser
import Explainer

extension Credits {
    /// `credits ticket` (SPEC section 8): the support-ticket text alone, always written.
    struct Ticket: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the support ticket for a balance question (text, or markdown with --format markdown).",
            discussion: "Exits as `credits explain` does: 0 explained, 1 a ticket is due, 2 on a usage or input error."
        )

        @OptionGroup var question: ExplainOptions

        func run() throws {
            let explanation = try question.analyze().explanation
            let ticket = SupportTicket(command: question.command(explanation))
            switch question.format {
            case .markdown: print(ticket.markdown(explanation), terminator: "")
            case .text, .json: print(ticket.text(explanation), terminator: "")
            }
            if explanation.needsTicket { throw ExitCode(1) }
        }
    }
}
