import Store
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
            let details = problem.details.isEmpty ? "" : HTML.join(problem.details.map(diagnostic))
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

    /// `line 12, column 19: message`, then the line before it and the line itself, numbered,
    /// with a caret under the column (an error at the end of the text points at an empty line,
    /// which alone would show nothing).
    func diagnostic(_ diagnostic: Diagnostic) -> HTML {
        let place: HTML = diagnostic.location.map { "line \($0.line), column \($0.column): " } ?? ""
        guard let location = diagnostic.location else { return "<div class=\"diagnostic\"><p>\(diagnostic.message)</p></div>" }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let width = String(location.line).count
        func numbered(_ number: Int) -> String {
            let line = number - 1 < lines.count ? lines[number - 1] : ""
            return String(repeating: " ", count: width - String(number).count) + "\(number) | " + line
        }
        let before: HTML = location.line > 1 ? "\(numbered(location.line - 1))\n" : ""
        let caret = String(repeating: " ", count: width) + " | " + String(repeating: " ", count: max(0, location.column - 1)) + "^"
        let atEnd = location.line > lines.count || (location.line == lines.count && lines[location.line - 1].isEmpty)
        return """
            <div class="diagnostic"><p>\(place)\(diagnostic.message)\(atEnd ? " (at the end of the text)" : "")</p>\
            <pre class="source">\(before)<span class="at">\(numbered(location.line))</span>\n\(caret)</pre></div>
            """
    }
}
