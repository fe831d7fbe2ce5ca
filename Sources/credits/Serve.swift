import ArgumentParser
import Foundation
import Hummingbird
import Ledger
import Logging
import Server
import Store

extension Credits {
    /// `credits serve` (SPEC section 10): the support console and its JSON API over the store.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the support console (pages for support agents) and its JSON API over the client store.",
            discussion: """
                Agents sign in with a name and password from `credits agents add NAME`; scripts call the API \
                with a token from `credits agents token NAME`. `--demo` serves a demo store in a temporary \
                folder, with a demo agent whose password is printed once. Stops on SIGTERM or SIGINT after \
                the requests under way.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(help: "The address to listen on (127.0.0.1: this machine only).")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on.")
        var port = 8080

        @Flag(help: "Serve a demo store (the example clients) from a temporary folder, with a demo agent.")
        var demo = false

        @Flag(help: "Mark the session cookie Secure: set it when the console is reached over TLS (a TLS proxy in front).")
        var secureCookies = false

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535, not \(port)") }
            if demo && store.db != nil { throw ValidationError("--demo makes a store of its own: leave out --db") }
        }

        func run() throws {
            let pack = try RulePackLoading.load(rules: nil)
            let url: StoreURL
            let demoFolder: URL?
            if demo {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credits-demo-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                url = try StoreURL("sqlite:" + folder.appendingPathComponent("demo.sqlite").path)
                demoFolder = folder
            } else {
                url = try store.url()
                demoFolder = nil
            }
            defer { if let demoFolder { try? FileManager.default.removeItem(at: demoFolder) } }
            let options = {
                var options = Console.Options()
                options.secureCookies = secureCookies
                options.storeArgument = self.demo ? nil : url.description
                return options
            }()
            let (host, port, demo) = (host, port, demo)
            let logger = Self.logger()
            try StoreOptions.blocking {
                do {
                    if demo { try await DemoStore.fill(url, policy: pack.policy) }
                    // Client data through a read-only connection; the agents' tables through another.
                    try await Store.withStore(url) { agents in
                        guard try await agents.schemaVersion() != nil else {
                            throw StoreError("it has no tables yet: run `credits db init --db \(url)` first")
                        }
                        try await agents.migrate([.agentTables])
                        try await Store.withStore(url, readOnly: true) { clients in
                            let console = Console(clients: StoreClients(store: clients, policy: pack.policy), agents: agents,
                                                  pack: pack, options: options)
                            Self.say("credits serve: the support console is at http://\(host):\(port)/ (store \(url))")
                            if demo {
                                let password = Secrets.randomPassword()
                                try await agents.saveAgent(DemoStore.agent, passwordHash: Secrets.hashPassword(password))
                                Self.say("demo agent: \(DemoStore.agent)")
                                Self.say("demo password: \(password)   (shown once; the demo store is deleted when the server stops)")
                            }
                            Self.say("Stop with Ctrl-C.")
                            try await console.application(host: host, port: port, logger: logger).runService()
                        }
                    }
                } catch let error as StoreError {
                    throw SnapshotOptions.usageError("the store \(url): \(error.message)")
                }
            }
        }

        /// A line on standard output, written at once (a script waits for the address and the password).
        static func say(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        /// One line per request on standard error, `key=value` pairs after the time and level.
        static func logger() -> Logger {
            var logger = Logger(label: "credits.serve") { label in StreamLogHandler.standardError(label: label) }
            logger.logLevel = .info
            return logger
        }
    }
}
