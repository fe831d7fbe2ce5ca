import Store
import Diagnostics
import Foundation
import Hummingbird
import Ledger

extension Console {
    /// The pages (SPEC section 10): sign-in, clients, a client's overview, log and
    /// questions, and a pasted snapshot. Every page is a GET with a stable URL but
    /// sign-in, sign-out and the paste form, which are POSTs with a form token.
    func addPageRoutes(_ routes: inout RouteTable) {
        routes.add(.get, "/") { _, _ in Response.redirect(to: ConsoleURL.clients(), type: .found) }
        routes.add(.get, "/signin") { request, _ in
            if try await Authentication.session(request, agents: agents) != nil {
                return Response.redirect(to: ConsoleURL.clients(), type: .found)
            }
            let next = Self.safeNext(FormFields.query(request)["next"])
            return Layout(session: nil).page("Sign in", SignInPage.render(next: next))
        }
        routes.add(.post, "/signin") { request, context in try await signIn(request, context) }
        routes.add(.post, "/signout") { request, context in
            let form = try await FormFields.body(request, context: context)
            try Self.checkFormToken(form, context)
            if let (_, hash) = try await Authentication.session(request, agents: agents) {
                try await agents.deleteSession(idHash: hash)
            }
            var response = Response.redirect(to: ConsoleURL.signIn(), type: .found)
            response.setCookie(sessionCookie(value: "", maxAge: 0))
            return response
        }
        routes.add(.get, "/clients") { request, context in
            let search = FormFields.query(request)["q"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let found = try await clients.clients(matching: search, limit: Self.searchLimit)
            return Layout(context).page("Clients", ClientsPage.render(search: search, clients: found, limit: Self.searchLimit))
        }
        routes.add(.get, "/clients/{id}") { request, context in
            let snapshot = try await loadClient(context, action: "overview")
            return Layout(context).page(snapshot.client.name, OverviewPage(console: self, snapshot: snapshot).render())
        }
        routes.add(.get, "/clients/{id}/log") { request, context in
            let snapshot = try await loadClient(context, action: "log")
            let query = FormFields.query(request)
            let log = CreditsLog(snapshot: snapshot, policy: policy, timeZone: snapshot.client.timeZone)
            let highlight = query["entry"]
            let number: Int
            if let text = query["page"] {
                guard let page = Int(text), log.page(page) != nil else {
                    throw ConsoleError(.badRequest, "page '\(text.prefix(20))' is out of range: the log has \(log.pageCount) \(log.pageCount == 1 ? "page" : "pages")")
                }
                number = page
            } else {
                number = highlight.flatMap { LogPage.page(of: $0, in: log) } ?? 1
            }
            return Layout(context).page("Credits log of \(snapshot.client.name)",
                                        LogPage(log: log, page: log.page(number)!, highlight: highlight).render())
        }
        routes.add(.get, "/clients/{id}/ask") { request, context in
            let form = QuestionForm(parameters: FormFields.query(request))
            let snapshot = try await loadClient(context, action: form.expected == nil ? "ask" : "explain")
            let page = AskPage(console: self, snapshot: snapshot, form: form)
            guard form.expected != nil else { return Layout(context).page("Ask about \(snapshot.client.name)", page.form()) }
            do throws(ConsoleError) {
                let question = try form.checked()
                let explanation = try await explainOffThread(snapshot, question)
                let command = reproduceCommand(explanation, source: ["--client", snapshot.client.id])
                return Layout(context).page("Answer for \(snapshot.client.name)", page.answer(explanation, command: command))
            } catch {
                return Layout(context).page("Ask about \(snapshot.client.name)", status: error.status, page.form(error: error.message))
            }
        }
        routes.add(.get, "/paste") { _, context in
            Layout(context).page("Paste a snapshot", PastePage(console: self, session: context.session).render())
        }
        routes.add(.post, "/paste") { request, context in
            let fields = try await FormFields.body(request, context: context)
            try Self.checkFormToken(fields, context)
            var page = PastePage(console: self, session: context.session)
            // Browsers send a textarea's lines with CRLF; the snapshot is read as the file it came from.
            page.text = (fields["snapshot"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            page.form = QuestionForm(parameters: fields)
            do throws(ConsoleError) {
                let snapshot = try readPasted(page.text)
                let explanation = try await explainOffThread(snapshot, try page.form.checked())
                let command = reproduceCommand(explanation, source: ["--snapshot", "SNAPSHOT.yaml"])
                if let agent = context.agent { try? await agents.recordAccess(AccessRecord(at: Date(), agent: agent, client: snapshot.client.id, action: "paste")) }
                return Layout(context).page("Answer for \(snapshot.client.name)", page.answer(explanation, command: command))
            } catch {
                page.problem = error
                return Layout(context).page("Paste a snapshot", status: error.status, page.render())
            }
        }
    }

    /// The client the path names, with the look recorded in the access log; 404 when there is none.
    func loadClient(_ context: ConsoleContext, action: String) async throws -> Snapshot {
        let id = try context.parameters.require("id")
        let snapshot: Snapshot?
        do {
            snapshot = try await clients.snapshot(of: id)
        } catch let error as DiagnosticsError {
            context.logger.error("client rows do not read", metadata: ["client": "\(id)", "error": "\(error.description)"])
            throw ConsoleError(.internalServerError, "the store's rows for client '\(id)' break the contract: \(error.diagnostics.first?.message ?? "")")
        }
        guard let snapshot else { throw ConsoleError.noClient(id) }
        if let agent = context.agent {
            try await agents.recordAccess(AccessRecord(at: Date(), agent: agent, client: id, action: action))
        }
        return snapshot
    }

    /// A pasted snapshot, read as a file is; its first error as a 400 with line and column.
    func readPasted(_ text: String) throws(ConsoleError) -> Snapshot {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ConsoleError(.badRequest, "paste a snapshot (YAML or JSON): the text is empty")
        }
        do throws(DiagnosticsError) {
            return try SnapshotReader.read(text: text, name: "pasted snapshot", policy: policy)
        } catch {
            let first = error.diagnostics.first
            var problem = ConsoleError(.badRequest, first?.message ?? "the snapshot does not read",
                                       line: first?.location?.line, column: first?.location?.column)
            problem.details = error.diagnostics
            throw problem
        }
    }

    /// Signs an agent in: rate limited per agent and per address, the password checked
    /// against its bcrypt hash (a made-up name costs as much time as a real one).
    private func signIn(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let form = try await FormFields.body(request, context: context)
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let next = Self.safeNext(form["next"])
        func refuse(_ message: String, status: HTTPResponse.Status, retryAfter: Int? = nil) -> Response {
            var response = Layout(session: nil).page("Sign in", status: status, SignInPage.render(next: next, name: name, error: message))
            if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
        if let wait = await limiter.retryAfter(agent: name, address: context.remoteAddress) {
            return refuse("Too many failed sign-ins. Try again in \((wait + 59) / 60) \(wait > 60 ? "minutes" : "minute").",
                          status: .tooManyRequests, retryAfter: wait)
        }
        let hash = name.isEmpty ? nil : try await agents.passwordHash(of: name)
        let valid = Secrets.verify(password, hash: hash ?? Self.unusedHash)
        guard let _ = hash, valid else {
            await limiter.recordFailure(agent: name, address: context.remoteAddress)
            return refuse("That name and password do not match an agent.", status: .unauthorized)
        }
        await limiter.recordSuccess(agent: name)
        let id = Secrets.randomToken()
        let session = AgentSession(agent: name, formToken: Secrets.randomToken(), expires: Date().addingTimeInterval(options.sessionLifetime))
        try await agents.saveSession(session, idHash: Secrets.digest(id))
        context.signedIn.value = name
        var response = Response.redirect(to: next, type: .found)
        response.setCookie(sessionCookie(value: id, maxAge: Int(options.sessionLifetime)))
        return response
    }

    private func sessionCookie(value: String, maxAge: Int) -> Cookie {
        Cookie(name: Self.sessionCookie, value: value, maxAge: maxAge, path: "/", secure: options.secureCookies,
               httpOnly: true, sameSite: .strict)
    }

    /// A bcrypt hash no password matches, checked when the name is unknown so that
    /// the answer takes as long as for a real agent.
    private static let unusedHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhu5Wq1pPp1jNQ1pK1CqdzgzJ2b8vb5oQy"

    /// Where to go after sign-in: a path on this site, else the clients page.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.hasPrefix("/signin") else { return ConsoleURL.clients() }
        return next
    }

    /// Every form that changes something carries the session's form token (CSRF).
    static func checkFormToken(_ form: [String: String], _ context: ConsoleContext) throws {
        guard let session = context.session, let token = form["form_token"],
              Secrets.digest(token) == Secrets.digest(session.formToken) else { throw ConsoleError.formExpired }
    }
}
