import ArgumentParser
import Foundation
import Ledger
import Server
import Store

extension Credits {
    /// `credits agents add|token|remove|log` (SPEC section 10): who may use the console.
    struct Agents: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the support agents who may sign in to `credits serve`, their API tokens, and the access log.",
            subcommands: [Add.self, Token.self, Remove.self, AccessLog.self]
        )
    }
}

extension Credits.Agents {
    /// `credits agents add NAME [--password-stdin]`: create an agent or set a new password.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an agent, or set a new password for one (which signs them out everywhere).",
            discussion: "Without --password-stdin, asks for the password twice on the terminal. Exits 0, or 2 on a usage or store error."
        )

        @Argument(help: "The agent's sign-in name.") var name: String
        @OptionGroup var store: StoreOptions
        @Flag(help: "Read the password from the first line of standard input (for scripts).") var passwordStdin = false

        func validate() throws { try Credits.Agents.checkName(name) }

        func run() throws {
            let password = try passwordStdin ? Credits.Agents.readLine() : Credits.Agents.ask()
            guard password.count >= 10 else { throw SnapshotOptions.usageError("the password must be at least 10 characters long") }
            let hash = Secrets.hashPassword(password)
            let name = name
            try store.withStore(readOnly: false) { store in
                try await Credits.Agents.prepare(store)
                try await store.saveAgent(name, passwordHash: hash)
            }
            print("agent '\(name)' can sign in")
        }
    }

    /// `credits agents token NAME`: a new API token, printed once.
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new API token for an agent (shown once; the store keeps only its hash).")

        @Argument(help: "The agent's name.") var name: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let token = Secrets.randomToken()
            let (name, hash) = (name, Secrets.digest(token))
            let saved = try store.withStore(readOnly: false) { store in
                try await Credits.Agents.prepare(store)
                return try await store.saveToken(agent: name, tokenHash: hash)
            }
            guard saved else { throw SnapshotOptions.usageError("there is no agent '\(name)': add one with `credits agents add \(name)`") }
            print(token)
        }
    }

    /// `credits agents remove NAME`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an agent with their tokens and sessions (the access log keeps their lines).")

        @Argument(help: "The agent's name.") var name: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let name = name
            let removed = try store.withStore(readOnly: false) { store in
                try await Credits.Agents.prepare(store)
                return try await store.removeAgent(name)
            }
            guard removed else { throw SnapshotOptions.usageError("there is no agent '\(name)'") }
            print("agent '\(name)' removed")
        }
    }

    /// `credits agents log`: which agent looked at which client, newest first.
    struct AccessLog: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Show the access log: which agent looked at which client and when, newest first.")

        @OptionGroup var store: StoreOptions
        @Option(help: "Only this agent's lines.") var agent: String?
        @Option(help: "Only the lines about this client.") var client: String?
        @Option(help: "How many lines at most.") var limit = 100

        func run() throws {
            let (agent, client, limit) = (agent, client, limit)
            let records = try store.withStore(readOnly: true) { store in
                try await store.accessLog(agent: agent, client: client, limit: limit)
            }
            if records.isEmpty { print("no one has looked at a client yet") }
            for record in records {
                print("\(ISOTimestamp.format(record.at, offsetSeconds: 0))  \(record.agent)  \(record.client)  \(record.action)")
            }
        }
    }

    /// The store's tables, and the console's, before touching agents.
    static func prepare(_ store: Store) async throws {
        if try await store.schemaVersion() == nil {
            throw StoreError("it has no tables yet: run `credits db init` first")
        }
        try await store.migrate([.agentTables])
    }

    static func checkName(_ name: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.@"))
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw ValidationError("an agent name is 1 to 64 letters, digits, '-', '_', '.' or '@', not '\(name)'")
        }
    }

    static func readLine() throws -> String {
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw SnapshotOptions.usageError("--password-stdin: standard input is empty")
        }
        return line
    }

    /// Asks twice on the terminal without echo.
    static func ask() throws -> String {
        guard isatty(STDIN_FILENO) != 0 else {
            throw SnapshotOptions.usageError("standard input is not a terminal: use --password-stdin to give the password")
        }
        guard let first = getpass("Password for the agent: ").map({ String(cString: $0) }),
              let second = getpass("Again: ").map({ String(cString: $0) }) else {
            throw SnapshotOptions.usageError("no password given")
        }
        guard first == second else { throw SnapshotOptions.usageError("the two passwords differ") }
        return first
    }
}
