/// Causes that claim a common movement, put together (union-find), so that the
/// search takes at most one combination from each group and checks claims once.
struct ConflictGroups {
    /// Cause indices per group, each sorted; groups ordered by their first cause.
    let groups: [[Int]]

    init(_ causes: [Cause]) {
        var parent = Array(causes.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        var owner: [String: Int] = [:]
        for (index, cause) in causes.enumerated() {
            for claim in cause.claims {
                if let other = owner[claim.movement] {
                    let (a, b) = (root(index), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    owner[claim.movement] = index
                }
            }
        }
        var byRoot: [Int: [Int]] = [:]
        var roots: [Int] = []
        for index in causes.indices {
            let r = root(index)
            if byRoot[r] == nil { roots.append(r) }
            byRoot[r, default: []].append(index)
        }
        groups = roots.map { byRoot[$0]! }
    }
}
