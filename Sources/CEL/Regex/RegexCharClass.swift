/// A set of Unicode scalar values, kept as sorted, disjoint, non-adjacent ranges, with the
/// operations RE2 builds its classes from: union, negation and case folding.
struct RegexCharClass: Hashable, Sendable {
    static let maxScalar: UInt32 = 0x10FFFF

    private(set) var ranges: [ClosedRange<UInt32>]

    /// The union of `ranges`, in any order, overlapping or not.
    init(_ ranges: [ClosedRange<UInt32>] = []) {
        self.ranges = Self.normalised(ranges)
    }

    static let any = RegexCharClass([0...maxScalar])

    var isEmpty: Bool { ranges.isEmpty }

    func union(_ other: RegexCharClass) -> RegexCharClass {
        RegexCharClass(ranges + other.ranges)
    }

    func negated() -> RegexCharClass {
        var gaps: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { gaps.append(next...(range.lowerBound - 1)) }
            guard range.upperBound < Self.maxScalar else { return RegexCharClass(gaps) }
            next = range.upperBound + 1
        }
        gaps.append(next...Self.maxScalar)
        return RegexCharClass(gaps)
    }

    /// The class plus every scalar that is case-equivalent to one of its members (RE2's
    /// `AddFoldedRange`: the simple case folding orbits of Unicode).
    func caseFolded() -> RegexCharClass {
        var added: [ClosedRange<UInt32>] = []
        let members = RegexCaseFolding.orbitMembers
        for range in ranges {
            // The members inside `range`, found by binary search, each bring their whole orbit.
            var index = Self.firstIndex(in: members, notBelow: range.lowerBound)
            while index < members.count, members[index] <= range.upperBound {
                added += RegexCaseFolding.orbit(of: members[index]).map { $0...$0 }
                index += 1
            }
        }
        return added.isEmpty ? self : RegexCharClass(ranges + added)
    }

    func contains(_ scalar: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < scalar {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].contains(scalar)
    }

    private static func firstIndex(in sorted: [UInt32], notBelow value: UInt32) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func normalised(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...Swift.max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
