/// Drops answers padded with causes that cancel each other out.
///
/// An answer whose causes hold a proper, non-empty part adding up to 0 explains
/// exactly what the rest of it explains: "-2 overage + +2 refund + -88 in production"
/// is "-88 in production" with two unrelated entries added. The rest is itself an
/// answer (leaving causes out never takes more out of a movement), with fewer
/// causes, so the padded one tells the reader nothing more and is not shown.
struct Dominance {
    /// The amount of every cause, by index.
    let amounts: [Int]
    /// Beyond this many distinct partial sums, an answer is kept rather than checked further.
    static let sumLimit = 1 << 16

    init(_ amounts: [Int]) {
        self.amounts = amounts
    }

    /// Whether the causes `members` (indices into `amounts`) hold a proper, non-empty
    /// part that adds up to 0.
    func isDominated(_ members: [Int]) -> Bool {
        Self.hasCancellingPart(members.map { amounts[$0] })
    }

    /// Whether `values` hold a proper, non-empty part adding up to 0: the fewest values
    /// that reach each partial sum, found sum by sum; 0 reached by fewer than all of them.
    static func hasCancellingPart(_ values: [Int]) -> Bool {
        guard values.count > 1, values.contains(where: { $0 > 0 }), values.contains(where: { $0 < 0 }) else { return false }
        var fewest: [Int: Int] = [:]
        for value in values {
            var next = fewest
            for (sum, count) in fewest {
                let reached = sum + value
                if count + 1 < next[reached] ?? .max { next[reached] = count + 1 }
            }
            if next[value] == nil || next[value]! > 1 { next[value] = 1 }
            if let zero = next[0], zero < values.count { return true }
            guard next.count <= sumLimit else { return false }
            fewest = next
        }
        return false
    }
}
