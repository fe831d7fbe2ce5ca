@testable import Audit
import Testing

/// The audit's stages are joined by a `Handover`: every item reaches exactly one
/// consumer, in the order put, however small the room; `finish` lets the consumers
/// drain it; `close` stops both sides at once (a stage failed).
@Test(arguments: [(capacity: 1, consumers: 1), (capacity: 2, consumers: 3), (capacity: 64, consumers: 2)])
func everyItemReachesOneConsumerInOrder(capacity: Int, consumers: Int) async {
    let handover = Handover<Int>(capacity: capacity)
    let taken = await withTaskGroup(of: [Int].self) { group in
        group.addTask {
            for item in 0..<500 { #expect(await handover.put(item)) }
            handover.finish()
            return []
        }
        for _ in 0..<consumers {
            group.addTask {
                var items: [Int] = []
                while let item = await handover.take() { items.append(item) }
                return items
            }
        }
        var parts: [[Int]] = []
        for await part in group { parts.append(part) }
        return parts
    }
    for part in taken { #expect(part == part.sorted(), "each consumer gets its items in the order put") }
    #expect(taken.flatMap { $0 }.sorted() == Array(0..<500))
}

@Test func finishingLeavesTheItemsWaiting() async {
    let handover = Handover<String>(capacity: 4)
    #expect(await handover.put("a"))
    #expect(await handover.put("b"))
    handover.finish()
    #expect(await handover.take() == "a")
    #expect(await handover.take() == "b")
    #expect(await handover.take() == nil)
}

@Test func closingStopsBothSides() async {
    let handover = Handover<Int>(capacity: 1)
    #expect(await handover.put(1))
    // The producer waits for room, a consumer of another handover for an item: both are let go.
    let empty = Handover<Int>(capacity: 1)
    async let blockedPut = handover.put(2)
    async let blockedTake = empty.take()
    handover.close()
    empty.close()
    #expect(await blockedPut == false)
    #expect(await blockedTake == nil)
    #expect(await handover.take() == nil, "items waiting are dropped")
    #expect(await handover.put(3) == false)
}
