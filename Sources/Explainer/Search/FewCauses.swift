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

    init(_ options: [[Option]]) {
        var units: [Unit] = []
        for (group, list) in options.enumerated() {
            for option in list { units.append(Unit(group: group, option: option)) }
        }
        self.units = units
        var byAmount: [Int: [Int]] = [:]
        for (index, unit) in units.enumerated() { byAmount[unit.option.amount, default: []].append(index) }
        self.byAmount = byAmount
    }

    /// Answers for `target` with up to three options, level by level, stopping after the
    /// first level that gives `keep` answers. `steps` counts lookups against `budget`.
    func find(target: Int, keep: Int, budget: Int) -> (answers: [Answer], steps: Int, stoppedEarly: Bool) {
        var answers: [Answer] = []
        var steps = 0
        func add(_ parts: [Int]) {
            let options = parts.map { units[$0].option }
            answers.append(Answer(members: options.flatMap(\.members).sorted(), key: options.map(\.key).reduce(.init(), +), sum: target))
            // Many identical amounts can match in many ways: keep the best few, not all of them.
            if answers.count >= 4096 { answers = Array(HypothesisSearch.ranked(answers, delta: target).prefix(keep)) }
        }
        for index in byAmount[target] ?? [] { add([index]) }
        guard answers.count < keep else { return (answers, steps, false) }
        for i in units.indices {
            for j in byAmount[target - units[i].option.amount] ?? [] where j > i && units[j].group != units[i].group {
                steps += 1
                add([i, j])
            }
            steps += 1
        }
        guard answers.count < keep else { return (answers, steps, false) }
        for i in units.indices {
            for j in units.index(after: i)..<units.count where units[j].group != units[i].group {
                steps += 1
                if steps > budget { return (answers, steps, true) }
                let rest = target - units[i].option.amount - units[j].option.amount
                for l in byAmount[rest] ?? [] where l > j && units[l].group != units[i].group && units[l].group != units[j].group {
                    add([i, j, l])
                }
            }
        }
        return (answers, steps, false)
    }
}
