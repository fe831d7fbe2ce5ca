import ArgumentParser
import Explainer

extension Credits {
    /// `credits ticket` (SPEC section 8): the support-ticket text alone, always written.
    struct Ticket: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the support ticket for a balance question (text; markdown or its parts as JSON with --format).",
            discussion: "Exits as `credits explain` does: 0 explained, 1 a ticket is due, 2 on a usage or input error."
        )

        @OptionGroup var question: ExplainOptions

        func run() throws {
            let explanation = try question.analyze().explanation
            let ticket = SupportTicket(command: question.command(explanation))
            switch question.format {
            case .markdown: print(ticket.markdown(explanation), terminator: "")
            case .text: print(ticket.text(explanation), terminator: "")
            case .json: print(ticket.json(explanation).rendered())
            }
            if explanation.needsTicket { throw ExitCode(1) }
        }
    }
}
