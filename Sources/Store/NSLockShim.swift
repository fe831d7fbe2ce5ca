import Foundation

/// `NSLock` with a closure form, for the few values the driver callbacks share.
final class NSLockShim: @unchecked Sendable {
    private let lock = NSLock()

    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
