import Dispatch
import Foundation

/// The few steps whose cost grows with a long log (building an item's facts, evaluating
/// rules over every item) split over the machine's cores. Each part is a pure function of
/// its slice, and results come back in the order of the slices: the answer is the same
/// however many cores ran it.
enum Parallel {
    /// How lists are cut: into at most `cores` parts of at least `itemsPerPart` items.
    struct Split: Sendable {
        var cores: Int
        var itemsPerPart: Int

        /// One part per core, each of at least 8,192 items: below that, splitting costs more
        /// than it saves, and a store's audit or the console already runs clients side by side.
        /// Asked once: the core count reads the process's control-group files each time.
        static let machine = Split(cores: ProcessInfo.processInfo.activeProcessorCount, itemsPerPart: 8_192)
        /// One part, on the calling thread.
        static let none = Split(cores: 1, itemsPerPart: 1)
    }

    /// `items` cut into contiguous slices, in order (one slice for a short list).
    static func parts<Item>(_ items: [Item], _ split: Split) -> [ArraySlice<Item>] {
        let count = max(1, min(split.cores, items.count / max(split.itemsPerPart, 1)))
        let size = (items.count + count - 1) / max(count, 1)
        return stride(from: 0, to: max(items.count, 1), by: max(size, 1)).map { items[$0..<min($0 + size, items.count)] }
    }

    /// `body` of each input, each on a thread of its own (the calling thread alone for one input),
    /// the results in the order of the inputs.
    static func map<Input: Sendable, Result: Sendable>(_ inputs: [Input], _ body: @Sendable (Input) -> Result) -> [Result] {
        guard inputs.count > 1 else { return inputs.map(body) }
        let results = Results<Result>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.set(index, body(inputs[index]))
        }
        return results.all
    }

    /// Whether `count` items make a list long enough to split, or to run beside other work.
    static func isLong(_ count: Int) -> Bool {
        count >= Split.machine.itemsPerPart
    }

    /// Two independent steps side by side when `together` (a long log's), else one after the other.
    /// The calling thread takes part (as in `map`): it never waits for a thread that is not there,
    /// so a caller on a busy pool (the console's) cannot deadlock.
    static func both<A: Sendable, B: Sendable>(together: Bool, _ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        guard together, Split.machine.cores > 1 else { return (first(), second()) }
        let a = Results<A>(count: 1), b = Results<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a.set(0, first()) } else { b.set(0, second()) }
        }
        return (a.all[0], b.all[0])
    }

    /// The `map` of each item, the items cut in `parts`, joined in order.
    static func map<Item: Sendable, Result: Sendable>(items: [Item], split: Split = .machine,
                                                       _ transform: @Sendable (Item) -> Result) -> [Result] {
        let parts = parts(items, split)
        guard parts.count > 1 else { return items.map(transform) }
        return map(parts) { part in part.map(transform) }.flatMap { $0 }
    }
}

/// One slot per part, each written once by the thread that ran it.
private final class Results<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
    }

    var all: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
