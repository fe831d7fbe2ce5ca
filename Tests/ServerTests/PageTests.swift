import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Store
import Testing

/// The pages a support agent works in: sign-in and sessions, each page, and its errors.
@Suite struct PageTests {
    /// Nothing but sign-in, /healthz and the stylesheet without a session: pages redirect to sign-in and back.
    @Test(arguments: ["/clients", "/clients/bluebird-bakery", "/clients/bluebird-bakery/log", "/clients/bluebird-bakery/ask?expected=200", "/paste", "/"])
    func pagesNeedASession(path: String) async throws {
        try await Fixture.withConsole { client, _ in
            for headers: HTTPFields in [[:], [.cookie: "credits_session=made-up"], Fixture.bearer] {
                try await client.execute(uri: path, method: .get, headers: headers) { response in
                    #expect(response.status == .found)
                    let location = try #require(response.headers[.location])
                    #expect(location.hasPrefix("/signin?next="))
                }
            }
        }
    }

    @Test func signInSetsAStrictHttpOnlyCookieWithExpiry() async throws {
        try await Fixture.withConsole { client, agents in
            try await client.execute(uri: "/signin", method: .post, headers: Fixture.form(),
                                     body: ByteBuffer(string: "name=ana&password=correct+horse+battery&next=%2Fclients%2Fbluebird-bakery")) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/clients/bluebird-bakery")
                let cookie = try #require(response.headers[.setCookie])
                for attribute in ["HttpOnly", "SameSite=Strict", "Max-Age=28800", "Path=/"] { #expect(cookie.contains(attribute)) }
                #expect(!cookie.contains("Secure"))
            }
            try #expect(await agents.sessionCount() == 1)
        }
    }

    /// `next` is only ever a path on this site.
    @Test(arguments: [("%2F%2Fevil.example", "/clients"), ("https%3A%2F%2Fevil.example", "/clients"), ("%2Fclients%3Fq%3Dx", "/clients?q=x")])
    func signInGoesBackOnlyToThisSite(next: String, location: String) async throws {
        try await Fixture.withConsole { client, _ in
            try await client.execute(uri: "/signin", method: .post, headers: Fixture.form(),
                                     body: ByteBuffer(string: "name=ana&password=correct+horse+battery&next=\(next)")) { response in
                #expect(response.headers[.location] == location)
            }
        }
    }

    @Test(arguments: ["name=ana&password=wrong", "name=nobody&password=correct+horse+battery", "name=&password=", ""])
    func wrongPasswordIsRefused(body: String) async throws {
        try await Fixture.withConsole { client, agents in
            try await client.execute(uri: "/signin", method: .post, headers: Fixture.form(), body: ByteBuffer(string: body)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(String(buffer: response.body).contains("That name and password do not match an agent."))
            }
            try #expect(await agents.sessionCount() == 0)
        }
    }

    @Test func signInIsRateLimited() async throws {
        try await Fixture.withConsole(limiter: SignInLimiter(perAgent: 3, perAddress: 100)) { client, _ in
            for _ in 0..<3 {
                try await client.execute(uri: "/signin", method: .post, headers: Fixture.form(), body: ByteBuffer(string: "name=ana&password=x")) { response in
                    #expect(response.status == .unauthorized)
                }
            }
            // Even the right password waits now.
            try await client.execute(uri: "/signin", method: .post, headers: Fixture.form(),
                                     body: ByteBuffer(string: "name=ana&password=correct+horse+battery")) { response in
                #expect(response.status == .tooManyRequests)
                // The first failure was a moment ago: about 15 minutes to wait (bcrypt is slow on purpose).
                let wait = Int(response.headers[.retryAfter] ?? "") ?? 0
                #expect(wait > 600 && wait <= 900)
                #expect(String(buffer: response.body).contains("Too many failed sign-ins. Try again in \((wait + 59) / 60) minutes."))
            }
        }
    }

    @Test func limiterCountsPerAddressToo() async throws {
        let limiter = SignInLimiter(perAgent: 5, perAddress: 2)
        let now = Date()
        await limiter.recordFailure(agent: "a", address: "10.0.0.1", now: now)
        await limiter.recordFailure(agent: "b", address: "10.0.0.1", now: now)
        #expect(await limiter.retryAfter(agent: "c", address: "10.0.0.1", now: now) == 900)
        #expect(await limiter.retryAfter(agent: "c", address: "10.0.0.2", now: now) == nil)
        #expect(await limiter.retryAfter(agent: "c", address: "10.0.0.1", now: now.addingTimeInterval(901)) == nil)
    }

    @Test func clientsPageSearchesAndEscapes() async throws {
        try await Fixture.withConsole { client, _ in
            let cookie = try await Fixture.signIn(client)
            try await client.execute(uri: "/clients?q=bluebird", method: .get, headers: cookie) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/clients/bluebird-bakery\">Bluebird Bakery</a>"))
                #expect(html.contains("<td>harbor-pine</td>"))
                #expect(html.contains("<td class=\"num\">112</td>"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.cacheControl] == "no-store")
            }
            try await client.execute(uri: "/clients?q=%3Cscript%3E", method: .get, headers: cookie) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!html.contains("<script>alert(1)"))
                #expect(html.contains("value=\"&lt;script&gt;\""))
            }
            try await client.execute(uri: "/clients?q=zzz", method: .get, headers: cookie) { response in
                #expect(String(buffer: response.body).contains("No client's id or name contains “zzz”."))
            }
        }
    }

    @Test func overviewShowsTheChecklist() async throws {
        try await Fixture.withConsole { client, agents in
            let cookie = try await Fixture.signIn(client)
            try await client.execute(uri: "/clients/bluebird-bakery", method: .get, headers: cookie) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                for text in ["Harbor &amp; Pine Creative", "Plan tokens", "Rolled-over tokens", "growth", "the 15th of each month", "next renewal Dec 15, 12:00 AM CST",
                             "Auto reload</dt><dd>off", "Creatives still in production", "Ten most recent entries", "Earlier reports"] {
                    #expect(html.contains(text), "\(text)")
                }
            }
            try await client.execute(uri: "/clients/script-client", method: .get, headers: cookie) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!html.contains("<script>alert"))
            }
            try #expect(await agents.accesses().map(\.client) == ["bluebird-bakery", "script-client"])
        }
    }

    @Test func logPageHighlightsACitedEntryOnItsPage() async throws {
        try await Fixture.withConsole { client, _ in
            let cookie = try await Fixture.signIn(client)
            try await client.execute(uri: "/clients/bluebird-bakery/log", method: .get, headers: cookie) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Newest first, times in America/Chicago."))
                #expect(html.contains("Page 1 of 2"))
                #expect(!html.contains("class=\"highlight\""))
            }
            try await client.execute(uri: "/clients/bluebird-bakery/log?entry=e-40317", method: .get, headers: cookie) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Page 2 of 2"))
                #expect(html.contains("<tr id=\"entry-e-40317\" class=\"highlight\">"))
            }
        }
    }

    @Test(arguments: [("/clients/bluebird-bakery/log?page=9", 400, "page &#39;9&#39; is out of range: the log has 2 pages"),
                      ("/clients/nobody", 404, "there is no client &#39;nobody&#39; in the store"),
                      ("/clients/nobody/log", 404, "there is no client &#39;nobody&#39; in the store"),
                      ("/nothing-here", 404, "there is no such page")])
    func pageErrors(path: String, status: Int, message: String) async throws {
        try await Fixture.withConsole { client, _ in
            let cookie = try await Fixture.signIn(client)
            try await client.execute(uri: path, method: .get, headers: cookie) { response in
                #expect(response.status.code == status)
                #expect(String(buffer: response.body).contains(message))
            }
        }
    }

    @Test func askAnswersWithCitedEntriesAndTheTicket() async throws {
        try await Fixture.withConsole { client, _ in
            let cookie = try await Fixture.signIn(client)
            try await client.execute(uri: "/clients/bluebird-bakery/ask", method: .get, headers: cookie) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("placeholder=\"shown: 112\""))
                #expect(html.contains("<form method=\"get\" action=\"/clients/bluebird-bakery/ask\""))
            }
            try await client.execute(uri: "/clients/bluebird-bakery/ask?expected=200", method: .get, headers: cookie) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Your balance is 88 tokens lower than you expected; the log explains all of it."))
                #expect(html.contains("<a class=\"entry-link\" href=\"/clients/bluebird-bakery/log?entry="))
                #expect(html.contains("<pre id=\"ticket-text\">Credit balance question: Bluebird Bakery (bluebird-bakery)"))
                #expect(html.contains("<pre id=\"ticket-markdown\">### Credit balance question"))
                #expect(html.contains("credits explain --client bluebird-bakery --expected 200 --actual 112"))
                #expect(html.contains("data-copy=\"ticket-text\""))
            }
        }
    }

    @Test(arguments: [("expected=abc", "&#39;expected&#39; must be a whole number of tokens, not &#39;abc&#39;"),
                      ("expected=200&actual=1.5", "&#39;actual&#39; must be a whole number of tokens, not &#39;1.5&#39;"),
                      ("expected=200&since=soon", "invalid time &#39;soon&#39; for since")])
    func askWithBadNumbers(query: String, message: String) async throws {
        try await Fixture.withConsole { client, _ in
            let cookie = try await Fixture.signIn(client)
            try await client.execute(uri: "/clients/bluebird-bakery/ask?\(query)", method: .get, headers: cookie) { response in
                #expect(response.status == .badRequest)
                let html = String(buffer: response.body)
                #expect(html.contains(message))
                #expect(html.contains("<form method=\"get\""))
            }
        }
    }

    @Test func pasteShowsErrorsWithLineColumnAndTheLine() async throws {
        try await Fixture.withConsole { client, _ in
            let cookie = try await Fixture.signIn(client)
            let page = try await client.execute(uri: "/paste", method: .get, headers: cookie) { String(buffer: $0.body) }
            let token = try Fixture.formToken(page)
            var headers = Fixture.form()
            headers[.cookie] = cookie[.cookie]
            let snapshot = "snapshot_version: 1\ngenerated_at: 2026-11-24T15:00:00Z\nclient: { id: a, name: A, plan: growth, billing_anchor: 2026-11-15, balance: 1.5 }\nentries: []\n"
            let body = "form_token=\(token)&expected=1&snapshot=" + ConsoleTestURL.component(snapshot)
            try await client.execute(uri: "/paste", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                let html = String(buffer: response.body)
                #expect(html.contains("line 3, column 78:"))
                #expect(html.contains("<pre class=\"source\">"))
                #expect(html.contains("balance: 1.5 }"))
            }
            let good = "form_token=\(token)&expected=200&snapshot=" + ConsoleTestURL.component(try Fixture.example("bluebird-bakery-in-flight.yaml"))
            try await client.execute(uri: "/paste", method: .post, headers: headers, body: ByteBuffer(string: good)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("the log explains all of it"))
            }
        }
    }

    /// Forms that change something need the session's form token.
    @Test(arguments: ["/paste", "/signout"])
    func formsNeedTheFormToken(path: String) async throws {
        try await Fixture.withConsole { client, agents in
            let cookie = try await Fixture.signIn(client)
            var headers = Fixture.form()
            headers[.cookie] = cookie[.cookie]
            for body in ["expected=1&snapshot=x", "form_token=forged&expected=1&snapshot=x"] {
                try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .forbidden)
                    #expect(String(buffer: response.body).contains("this form has expired or did not come from the console"))
                }
            }
            try #expect(await agents.sessionCount() == 1)
        }
    }

    @Test func signOutEndsTheSession() async throws {
        try await Fixture.withConsole { client, agents in
            let cookie = try await Fixture.signIn(client)
            let page = try await client.execute(uri: "/clients", method: .get, headers: cookie) { String(buffer: $0.body) }
            var headers = Fixture.form()
            headers[.cookie] = cookie[.cookie]
            try await client.execute(uri: "/signout", method: .post, headers: headers,
                                     body: ByteBuffer(string: "form_token=\(try Fixture.formToken(page))")) { response in
                #expect(response.status == .found)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try #expect(await agents.sessionCount() == 0)
            try await client.execute(uri: "/clients", method: .get, headers: cookie) { response in
                #expect(response.status == .found)
            }
        }
    }

    @Test func pasteBodyOverTheLimitIs413() async throws {
        try await Fixture.withConsole { client, _ in
            let cookie = try await Fixture.signIn(client)
            var headers = Fixture.form()
            headers[.cookie] = cookie[.cookie]
            let body = "snapshot=" + String(repeating: "x", count: Console.bodyLimit + 1)
            try await client.execute(uri: "/paste", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body).contains("the request is larger than the 1024 KiB the console accepts"))
            }
        }
    }

    @Test func staticAssetsAreServedWithoutASession() async throws {
        try await Fixture.withConsole { client, _ in
            for name in ConsoleAssets.names where name != "openapi.json" {
                try await client.execute(uri: "/static/\(name)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body) == ConsoleAssets.text(of: name))
                }
            }
        }
    }

    /// The embedded assets are the files in Sources/Server/Assets: run scripts/embed-console after editing one.
    @Test func embeddedAssetsMatchTheFiles() throws {
        let folder = Fixture.root.appendingPathComponent("Sources/Server/Assets")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(ConsoleAssets.names == names, "run scripts/embed-console")
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(ConsoleAssets.text(of: name) == text, "\(name) drifted: run scripts/embed-console")
        }
    }
}

enum ConsoleTestURL {
    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }
}
