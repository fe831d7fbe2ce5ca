import Store

/// Clients: search by id or name, with account and balance.
enum ClientsPage {
    static func render(search: String, clients: [ClientSummary], limit: Int) -> HTML {
        let rows: [[HTML]] = clients.map { client in
            ["<a href=\"\(ConsoleURL.client(client.id))\">\(client.name)</a>",
             "<code>\(client.id)</code>",
             "\(client.account ?? "—")",
             "\(client.balance)",
             "<a href=\"\(ConsoleURL.log(client.id))\">log</a> · <a href=\"\(ConsoleURL.ask(client.id))\">ask</a>"]
        }
        let summary: HTML = switch clients.count {
        case 0: search.isEmpty ? "The store has no clients yet: import snapshots with <code>credits db import</code>." : "No client's id or name contains “\(search)”."
        case limit: "The first \(limit) matches; type more of the name to narrow them."
        case 1: "1 client."
        default: "\(clients.count) clients."
        }
        return """
            <h1>Clients</h1>
            <form method="get" action="/clients" class="search">
              <label>Client id or name <input type="search" name="q" value="\(search)" placeholder="bluebird, acme…" autofocus></label>
              <button type="submit">Search</button>
            </form>
            <p class="hint">\(summary)</p>
            \(clients.isEmpty ? "" : Piece.table(["Client", "Id", "Account", "Balance", ""], rows, classes: ["", "", "", "num", ""]))
            """
    }
}
