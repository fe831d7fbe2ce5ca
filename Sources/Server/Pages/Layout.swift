import Store
import Hummingbird

/// The frame every page shares: the title, the navigation with the agent's name
/// and a sign-out form (which carries the session's form token), and the content.
struct Layout {
    /// The signed-in agent's session; nil on sign-in and error pages before sign-in.
    let session: AgentSession?

    init(_ context: ConsoleContext) {
        session = context.session
    }

    init(session: AgentSession?) {
        self.session = session
    }

    func page(_ title: String, status: HTTPResponse.Status = .ok, _ content: HTML) -> Response {
        let nav: HTML = session.map { session in
            """
            <nav>
              <a href="/clients">Clients</a>
              <a href="/paste">Paste a snapshot</a>
              <span class="agent">Signed in as \(session.agent)</span>
              <form method="post" action="/signout" class="inline">
                \(Self.formToken(session))
                <button type="submit" class="link">Sign out</button>
              </form>
            </nav>
            """
        } ?? ""
        let html: HTML = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>\(title) · credits</title>
              <link rel="stylesheet" href="/static/console.css">
            </head>
            <body>
              <header><a class="brand" href="/clients">credits <span>support console</span></a>\(nav)</header>
              <main>
            \(content)
              </main>
              <script src="/static/console.js"></script>
            </body>
            </html>

            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html.markup)))
    }

    /// The hidden field every form that changes something carries.
    static func formToken(_ session: AgentSession) -> HTML {
        "<input type=\"hidden\" name=\"form_token\" value=\"\(session.formToken)\">"
    }
}

/// Small pieces the pages share.
enum Piece {
    /// `+50`, `-88`, `0`, with a class for the colour of the sign.
    static func amount(_ n: Int) -> HTML {
        let kind = n > 0 ? "plus" : n < 0 ? "minus" : "zero"
        return "<span class=\"amount \(kind)\">\(n > 0 ? "+" : "")\(n)</span>"
    }

    /// `112 tokens`.
    static func tokens(_ n: Int) -> HTML {
        "\(n) \(abs(n) == 1 ? "token" : "tokens")"
    }

    /// A table with a header row; cells are already HTML.
    static func table(_ head: [String], _ rows: [[HTML]], classes: [String] = [], rowAttributes: [HTML] = []) -> HTML {
        let header = HTML.join(head.enumerated().map { index, title in
            "<th\(cellClass(classes, index))>\(title)</th>"
        })
        let body = HTML.join(rows.enumerated().map { rowIndex, row in
            let attributes = rowIndex < rowAttributes.count ? rowAttributes[rowIndex] : ""
            let cells = HTML.join(row.enumerated().map { index, cell in "<td\(cellClass(classes, index))>\(cell)</td>" })
            return "<tr\(attributes)>\(cells)</tr>\n"
        })
        return "<table><thead><tr>\(header)</tr></thead><tbody>\n\(body)</tbody></table>"
    }

    private static func cellClass(_ classes: [String], _ index: Int) -> HTML {
        index < classes.count && !classes[index].isEmpty ? " class=\"\(classes[index])\"" : ""
    }

    /// A message box: `error`, `warning`, `info` or `ok`.
    static func note(_ kind: String, _ content: HTML) -> HTML {
        "<div class=\"note \(kind)\">\(content)</div>"
    }
}
