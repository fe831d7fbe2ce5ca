/// The answers made of one, two or three options, found by hashing amounts:
/// O(m) for one and two, O(m²) for three (m options). Most questions are answered
/// by a few causes, and fewer causes rank first, so this settles them without the
/// dynamic program; the program takes over only when it finds fewer than wanted.
struct FewCauses {
    typealias Option = HypothesisSearch.Option
    typealias Answer = HypothesisSearch.Answer

    private struct Unit {
        let group: Int
        let option: Option
    }

    private let units: [Unit]
    private let byAmount: [Int: [Int]]

    /// At most this many options of one amount take part: hundreds of identical -88 charges
    /// make the same sums, and the first (best-ranked groups come first) stand for the rest,
    /// so that the time does not grow with how many amounts are equal.
    static let perAmount = 8

    init(_ options: [[Option]]) {
        var units: [Unit] = []
        var seen: [Int: Int] = [:]
        for (group, list) in options.enumerated() {
            for option in list {
                seen[option.amount, default: 0] += 1
                if seen[option.amount]! <= Self.perAmount { units.append(Unit(group: group, option: option)) }
            }
        }
        self.units = units
        var byAmount: [Int: [Int]] = [:]
        for (index, unit) in units.enumerated() { byAmount[unit.option.amount, default: []].append(index) }
        self.byAmount = byAmount
    }

    /// What `find` gives: the answers, the steps used, whether it ran out of budget, and
    /// whether its best answer is settled (found at a level it searched completely, so no
    /// answer with fewer options exists).
    struct Found {
        var answers: [Answer] = []
        var steps = 0
        var stoppedEarly = false
        var settled = false
    }

    /// Answers for `target` with up to four options, level by level, stopping after the
    /// first level that gives `keep` answers. `steps` counts every lookup and every answer
    /// against `budget`, in every loop; past it the search stops and says so.
    /// Answers `accept` turns down are not kept and do not count toward `keep`.
    func find(target: Int, keep: Int, budget: Int, accept: ([Int]) -> Bool = { _ in true }) -> Found {
        var found = Found()
        func add(_ parts: [Int]) {
            let options = parts.map { units[$0].option }
            guard accept(options.flatMap(\.members)) else { return }
            found.answers.append(Answer(members: options.flatMap(\.members).sorted(), key: options.map(\.key).reduce(.init(), +), sum: target))
            // Many identical amounts can match in many ways: keep the best few, not all of them.
            if found.answers.count >= 4096 { found.answers = Array(HypothesisSearch.ranked(found.answers, delta: target).prefix(keep)) }
        }
        /// After a complete level: done when it gave enough answers.
        func levelDone() -> Bool {
            if !found.answers.isEmpty { found.settled = true }
            return found.answers.count >= keep
        }
        for index in byAmount[target] ?? [] { add([index]) }
        if levelDone() { return found }
        for i in units.indices {
            for j in byAmount[target - units[i].option.amount] ?? [] where j > i && units[j].group != units[i].group {
                found.steps += 1
                add([i, j])
            }
            found.steps += 1
            if found.steps > budget {
                found.stoppedEarly = true
                return found
            }
        }
        if levelDone() { return found }
        for i in units.indices {
            for j in units.index(after: i)..<units.count where units[j].group != units[i].group {
                found.steps += 1
                if found.steps > budget {
                    found.stoppedEarly = true
                    return found
                }
                let rest = target - units[i].option.amount - units[j].option.amount
                for l in byAmount[rest] ?? [] where l > j && units[l].group != units[i].group && units[l].group != units[j].group {
                    found.steps += 1
                    add([i, j, l])
                }
            }
        }
        if levelDone() { return found }
        // Four: every pair, indexed by its sum, meets every other pair (meet in the middle).
        let pairCount = units.count * (units.count - 1) / 2
        guard found.steps + 2 * pairCount <= budget else {
            found.stoppedEarly = true
            return found
        }
        var pairs: [Int: [(Int32, Int32)]] = [:]
        for i in units.indices {
            for j in units.index(after: i)..<units.count where units[j].group != units[i].group {
                pairs[units[i].option.amount + units[j].option.amount, default: []].append((Int32(i), Int32(j)))
            }
        }
        found.steps += pairCount
        for i in units.indices {
            for j in units.index(after: i)..<units.count where units[j].group != units[i].group {
                let rest = target - units[i].option.amount - units[j].option.amount
                for (k32, l32) in pairs[rest] ?? [] {
                    found.steps += 1
                    if found.steps > budget {
                        found.stoppedEarly = true
                        return found
                    }
                    let (k, l) = (Int(k32), Int(l32))
                    guard k > j else { continue }
                    let groups = [units[i].group, units[j].group, units[k].group, units[l].group]
                    if Set(groups).count == 4 { add([i, j, k, l]) }
                }
            }
        }
        _ = levelDone()
        return found
    }
}
