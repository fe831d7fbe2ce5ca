@testable import Explainer
import Testing

/// Findings by rule, as the reports cut them down: each case lists the rules of the
/// findings in order, and what the report shows (`rule#n` a finding, the n-th of the
/// whole list; `+k rule<-#n` k more of that rule left out, the earliest being the n-th).
struct ShownFindingsCase: CustomTestStringConvertible, Sendable {
    let name: String
    let rules: [String]
    let shown: [String]
    var testDescription: String { name }
}

private func findings(_ rules: [String]) -> [Finding] {
    rules.enumerated().map { position, rule in
        Finding(rule: rule, title: rule, severity: .warning, entries: ["#\(position)"], text: "", advice: [])
    }
}

private func described(_ shown: ReportContent.ShownFinding) -> String {
    switch shown {
    case .finding(let finding): "\(finding.rule)\(finding.entries[0])"
    case .more(let count, let like, let earliest): "+\(count) \(like.rule)<-\(earliest ?? "?")"
    }
}

private let cases: [ShownFindingsCase] = [
    ShownFindingsCase(name: "none", rules: [], shown: []),
    ShownFindingsCase(name: "as many as are shown", rules: Array(repeating: "a", count: 5),
                      shown: ["a#0", "a#1", "a#2", "a#3", "a#4"]),
    ShownFindingsCase(name: "one more than are shown: the oldest is left out", rules: Array(repeating: "a", count: 6),
                      shown: ["a#1", "a#2", "a#3", "a#4", "a#5", "+1 a<-#0"]),
    ShownFindingsCase(name: "two rules, one long, interleaved",
                      rules: ["x", "a", "a", "b", "a", "a", "a", "a", "a", "b"],
                      shown: ["x#0", "b#3", "a#4", "a#5", "a#6", "a#7", "a#8", "+2 a<-#1", "b#9"]),
]

@Test(arguments: cases)
func reportsShowTheLatestFindingsOfEachRule(_ example: ShownFindingsCase) {
    #expect(ReportContent.shownFindings(findings(example.rules)).map(described) == example.shown)
}
