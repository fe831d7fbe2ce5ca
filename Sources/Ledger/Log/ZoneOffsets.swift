import Foundation

/// A zone's offsets from UTC over a span of time, asked of the zone database once: asking
/// it for each entry of a long log costs a lookup under a lock each time, which the cores
/// building a long log's facts then wait on.
struct ZoneOffsets: Sendable {
    /// The instants covered.
    let span: ClosedRange<Date>
    /// The offset at the span's start, then after each transition within it, in order.
    private let offsets: [Int]
    /// The transitions (seconds since 1970), one fewer than `offsets`.
    private let transitions: [Double]

    /// At most this many transitions are kept (four centuries of summer time); the span ends
    /// at the last one kept, and instants after it are asked of the zone itself.
    static let transitionLimit = 800

    init(zone: TimeZone, span: ClosedRange<Date>) {
        var offsets = [zone.secondsFromGMT(for: span.lowerBound)]
        var transitions: [Double] = []
        var end = span.upperBound
        var after = span.lowerBound
        while let next = zone.nextDaylightSavingTimeTransition(after: after), next <= span.upperBound {
            guard transitions.count < Self.transitionLimit else {
                end = next.addingTimeInterval(-1)
                break
            }
            transitions.append(next.timeIntervalSince1970)
            offsets.append(zone.secondsFromGMT(for: next))
            after = next
        }
        self.span = span.lowerBound...max(span.lowerBound, end)
        self.offsets = offsets
        self.transitions = transitions
    }

    /// The zone's offset at `date`, or nil outside the span.
    func offset(at date: Date) -> Int? {
        guard span.contains(date) else { return nil }
        let seconds = date.timeIntervalSince1970
        // The number of transitions at or before `date`.
        var low = 0, high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= seconds { low = mid + 1 } else { high = mid }
        }
        return offsets[low]
    }
}
