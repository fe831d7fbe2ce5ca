import Diagnostics
import Explainer
import Ledger

/// Paste a snapshot (YAML or JSON) for a client that is not in the store; its
/// errors are shown with line, column and the offending line.
struct PastePage {
    let console: Console
    let session: AgentSession?
    var text = ""
    var form = QuestionForm(expected: nil)
    var problem: ConsoleError?

    func render() -> HTML {
        let problems: HTML = problem.map { problem in
            let details = problem.details.isEmpty ? "" : HTML.join(problem.details.map(Self.diagnostic))
            return Piece.note("error", "<p>\(problem.details.isEmpty ? problem.message : "The snapshot does not read:")</p>\(details)")
        } ?? ""
        return """
            <h1>Paste a snapshot</h1>
            <p class="hint">For a client that is not in the store: paste its snapshot (YAML or JSON, as <code>credits explain --snapshot</code> reads) and ask.</p>
            \(problems)
            <form method="post" action="/paste" class="paste">
              \(session.map(Layout.formToken))
              <label class="wide">Snapshot <textarea name="snapshot" rows="18" spellcheck="false" required>\(text)</textarea></label>
              \(AskPage.questionFields(form, balance: nil))
              <button type="submit">Explain</button>
            </form>
            """
    }

    func answer(_ explanation: Explanation, command: String) -> HTML {
        let client = explanation.snapshot.client
        return """
            <p class="crumbs"><a href="/paste">Paste a snapshot</a> › Answer</p>
            <h1>Answer <small>\(client.name) (pasted snapshot)</small></h1>
            \(AskPage.answerBody(explanation, report: ReportHTML(), command: command, json: nil))
            """
    }

    /// `line 12, column 19: message`, then the line with a caret under the column.
    static func diagnostic(_ diagnostic: Diagnostic) -> HTML {
        let place: HTML = diagnostic.location.map { "line \($0.line), column \($0.column): " } ?? ""
        // The line and the caret under the column, as the command line prints them.
        let snippet = diagnostic.description.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        let source: HTML = snippet.isEmpty ? "" : "<pre class=\"source\">\(snippet)</pre>"
        return "<div class=\"diagnostic\"><p>\(place)\(diagnostic.message)</p>\(source)</div>"
    }
}
