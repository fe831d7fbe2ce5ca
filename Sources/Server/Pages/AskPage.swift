import Explainer
import Foundation
import Ledger

/// Ask: the expected balance (the actual one defaults to the balance shown) and an
/// optional window; the answer is the explainer's report, each cited entry linked to
/// its row of the log, then the ticket in text and Markdown with a copy button.
struct AskPage {
    let console: Console
    let snapshot: Snapshot
    let form: QuestionForm

    func form(error: String? = nil) -> HTML {
        let client = snapshot.client
        return """
            \(Self.heading(snapshot, current: "Ask about the balance"))
            \(error.map { Piece.note("error", "\($0)") })
            \(Self.questionForm(clientID: client.id, form: form, balance: client.balance))
            """
    }

    func answer(_ explanation: Explanation, command: String) -> HTML {
        let id = snapshot.client.id
        let report = ReportHTML(link: { code in
            snapshot.entry(id: code) != nil ? ConsoleURL.log(id, entry: code) : nil
        })
        return """
            \(Self.heading(snapshot, current: "Answer"))
            \(Self.answerBody(explanation, report: report, command: command, json: nil))
            <details class="again"><summary>Ask again with other numbers</summary>
            \(Self.questionForm(clientID: id, form: form, balance: snapshot.client.balance))
            </details>
            """
    }

    /// The answer's body, shared with a pasted snapshot's answer: the status, the report, the ticket.
    static func answerBody(_ explanation: Explanation, report: ReportHTML, command: String, json: String?) -> HTML {
        let ticket = SupportTicket(command: command)
        let status = explanation.status
        let due: HTML = status.needsTicket
            ? "A ticket is due: send this to the account manager."
            : "No ticket is needed (the log explains it); here it is for your records."
        return """
            <div class="verdict \(status.rawValue)">
              <span class="badge \(status.rawValue)">\(status.rawValue.replacingOccurrences(of: "_", with: " "))</span>
              <span>expected \(explanation.query.expected), sees \(explanation.query.actual), difference \(Piece.amount(explanation.delta))</span>
            </div>
            <article class="report">
            \(report.render(MarkdownReport().render(explanation)))
            </article>
            <section class="ticket" id="ticket">
              <h2>Ticket</h2>
              <p class="hint">\(due)</p>
              <div class="copyable">
                <div class="copy-head"><h3>Text</h3><button type="button" class="copy" data-copy="ticket-text">Copy text</button></div>
                <pre id="ticket-text">\(ticket.text(explanation))</pre>
              </div>
              <div class="copyable">
                <div class="copy-head"><h3>Markdown</h3><button type="button" class="copy" data-copy="ticket-markdown">Copy Markdown</button></div>
                <pre id="ticket-markdown">\(ticket.markdown(explanation))</pre>
              </div>
            </section>
            """
    }

    static func heading(_ snapshot: Snapshot, current: String) -> HTML {
        let client = snapshot.client
        return """
            <p class="crumbs"><a href="/clients">Clients</a> › <a href="\(ConsoleURL.client(client.id))">\(client.name)</a> › \(current)</p>
            <h1>\(current) <small>\(client.name)</small></h1>
            <p class="tabs"><a href="\(ConsoleURL.client(client.id))">Overview</a> <a href="\(ConsoleURL.log(client.id))">Credits log</a> <strong>Ask about the balance</strong></p>
            """
    }

    /// The question as a GET form, so that the answer has a URL to paste into a ticket.
    static func questionForm(clientID: String, form: QuestionForm, balance: Int) -> HTML {
        """
        <form method="get" action="\(ConsoleURL.ask(clientID))" class="question">
          <h2 class="wide">What balance did the customer expect?</h2>
          \(questionFields(form, balance: balance))
          <button type="submit">Explain</button>
        </form>
        """
    }

    /// The fields of a question, shared with the paste form.
    static func questionFields(_ form: QuestionForm, balance: Int?) -> HTML {
        """
        <label>Balance the customer expected <input name="expected" inputmode="numeric" value="\(form.expected ?? "")" required placeholder="e.g. 200"></label>
        <label>Balance they see <input name="actual" inputmode="numeric" value="\(form.actual ?? "")" placeholder="\(balance.map { "shown: \($0)" } ?? "the snapshot's balance")"></label>
        <label>Since <input name="since" value="\(form.since ?? "")" placeholder="35 days back"></label>
        <label>Until <input name="until" value="\(form.until ?? "")" placeholder="now"></label>
        <p class="hint wide">Since and until: a date (2026-11-01), a time with its offset (2026-11-20T10:14:00-06:00), or a span back from now (7d, 48h).</p>
        """
    }
}
