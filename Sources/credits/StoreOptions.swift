import ArgumentParser
import Diagnostics
import Dispatch
import Foundation
import Ledger
import Store

/// `--db URL`: the client store (SPEC section 9), else `CREDITS_DB`, else
/// `sqlite:credits.sqlite` in the current folder.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The client store: sqlite:PATH (or a path), or postgres://user:password@host:port/database. Default: $CREDITS_DB, else sqlite:credits.sqlite.", valueName: "url"))
    var db: String?

    /// The store's URL; one that does not parse is a usage error (exit 2).
    func url() throws -> StoreURL {
        let text = db ?? ProcessInfo.processInfo.environment["CREDITS_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? StoreURL.defaultText
        do throws(StoreError) {
            return try StoreURL(text)
        } catch {
            throw SnapshotOptions.usageError(error.message)
        }
    }

    /// Opens the store and runs `body` with it, from a command's synchronous `run()`:
    /// a store that cannot be opened or read is reported (`error: ...`) and exits 2, as
    /// are bad rows (each named by table, client, row and column).
    func withStore<Result: Sendable>(readOnly: Bool, _ body: @escaping @Sendable (Store) async throws -> Result) throws -> Result {
        let url = try self.url()
        return try StoreOptions.blocking {
            do {
                return try await Store.withStore(url, readOnly: readOnly, body)
            } catch let error as StoreError {
                throw SnapshotOptions.usageError("the store \(url): \(error.message)")
            } catch let error as DiagnosticsError {
                SnapshotOptions.printError(error.description)
                throw ExitCode(2)
            }
        }
    }

    /// Waits for async work from synchronous code: the commands stay `ParsableCommand`s,
    /// and the main thread is not one the async work needs.
    static func blocking<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) throws -> Result {
        let box = ResultBox<Result>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// The result handed from the task to the waiting thread (written before the signal, read after).
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    var result: Result<Value, any Error>?
}
