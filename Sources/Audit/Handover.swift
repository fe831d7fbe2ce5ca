import Foundation

/// A bounded queue from one producing task to any number of consuming tasks: `put`
/// waits while `capacity` items are waiting, `take` while none is. Stages joined by it
/// run freely, each at its own pace, and memory holds at most `capacity` items in
/// between. `close` ends it at once (a stage failed): `put` then refuses, `take` gives nil.
final class Handover<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    /// Waiting items, oldest first (at most `capacity`: taking the first moves a few).
    private var items: [Element] = []
    private var finished = false
    private var closed = false
    /// The producer, waiting for room.
    private var producer: CheckedContinuation<Void, Never>?
    /// Consumers waiting for an item (nil: there will be none).
    private var consumers: [CheckedContinuation<Element?, Never>] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The number of items waiting to be taken.
    var waiting: Int {
        lock.withLock { items.count }
    }

    /// Hands an item over, waiting for room; false when the handover was closed.
    func put(_ item: Element) async -> Bool {
        while true {
            let outcome: PutOutcome = lock.withLock {
                if closed { return .refused }
                if !consumers.isEmpty { return .handed(consumers.removeFirst()) }
                guard items.count < capacity else { return .full }
                items.append(item)
                return .queued
            }
            switch outcome {
            case .refused: return false
            case .queued: return true
            case .handed(let consumer):
                consumer.resume(returning: item)
                return true
            case .full:
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let waits = lock.withLock {
                        guard !closed, items.count >= capacity else { return false }
                        producer = continuation
                        return true
                    }
                    if !waits { continuation.resume() }
                }
            }
        }
    }

    private enum PutOutcome {
        case refused, queued, full
        case handed(CheckedContinuation<Element?, Never>)
    }

    /// The next item, waiting for one; nil once the producer has finished and every item
    /// is taken, or at once when the handover was closed.
    func take() async -> Element? {
        await withCheckedContinuation { continuation in
            let (item, producer): (Element??, CheckedContinuation<Void, Never>?) = lock.withLock {
                if closed { return (.some(nil), nil) }
                guard !items.isEmpty else {
                    if finished { return (.some(nil), nil) }
                    consumers.append(continuation)
                    return (nil, nil)
                }
                let item = items.removeFirst()
                defer { self.producer = nil }
                return (.some(item), self.producer)
            }
            producer?.resume()
            if let item { continuation.resume(returning: item) }
        }
    }

    /// No more items will come: consumers get the ones waiting, then nil.
    func finish() {
        end { finished = true }
    }

    /// Ends the handover at once: items waiting are dropped, `put` refuses, `take` gives nil.
    func close() {
        end {
            closed = true
            items.removeAll()
        }
    }

    private func end(_ mark: () -> Void) {
        let (producer, consumers) = lock.withLock {
            mark()
            defer {
                self.producer = nil
                self.consumers = []
            }
            return (self.producer, self.consumers)
        }
        producer?.resume()
        for consumer in consumers { consumer.resume(returning: nil) }
    }
}

extension Handover {
    /// Runs a stage's `body`, closing the handover when it fails, so that the other
    /// stages stop rather than wait for items that will not come, or for room.
    func closing<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch {
            close()
            throw error
        }
    }
}
