/// A set of causes offered as the answer: their amounts add up to `explained`,
/// and `explained + unexplained` is the difference asked about.
public struct Hypothesis: Sendable {
    /// Oldest first, by the first entry each cites.
    public let causes: [Cause]
    public let explained: Int
    public let unexplained: Int
    /// 0 to 1, shown to people; the ranking itself is exact-first, then fewer causes,
    /// then weights, then recency.
    public let score: Double
    /// How many pairs of its causes rest on a common entry: one story rather than coincidences.
    public let links: Int

    /// It accounts for the whole difference.
    public var isExact: Bool { unexplained == 0 }
}
