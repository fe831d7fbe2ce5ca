/// `credits explain --format text`: for a person at a terminal. The verdict first,
/// then the best answer in plain sentences with the entries it rests on, then
/// findings, then what to check next.
public struct TextReport {
    public init() {}

    public func render(_ explanation: Explanation) -> String {
        let content = ReportContent(explanation)
        var out = content.verdict + "\n" + content.question + "\n"
        if !content.causes.isEmpty {
            out += "\nWhat happened:\n"
            for cause in content.causes { out += block(cause) }
        }
        for note in content.notes { out += "\n" + wrap(note, indent: "") }
        if !content.alternatives.isEmpty {
            out += "\nOther possible explanations:\n"
            for (index, line) in content.alternatives.enumerated() { out += wrap(line, indent: "     ", first: "  \(index + 2). ") }
        }
        if !content.findings.isEmpty {
            out += "\nWorth checking:\n"
            for finding in content.findings { out += block(finding) }
        }
        if !content.nextSteps.isEmpty {
            out += "\nWhat to check next:\n"
            for step in content.nextSteps { out += wrap(step, indent: "    ", first: "  - ") }
        }
        return out
    }

    private func block(_ block: ReportContent.Block) -> String {
        let tag = block.severity == .warning ? "Warning: " : ""
        let amount = block.amount.map { " (\(ReportContent.signed($0)))" } ?? ""
        var out = wrap("\(tag)\(block.title)\(amount). \(block.text)", indent: "    ", first: "  - ")
        for line in block.entries {
            out += "      \(line.when)  \(line.label)  \(line.amount)  [\(line.id)]\n"
        }
        return out
    }

    /// Wraps at 100 columns, so long sentences stay readable in a terminal; a time
    /// (`Nov 20, 10:14 AM CST`) is never split across lines.
    func wrap(_ text: String, indent: String, first: String? = nil) -> String {
        var lines: [String] = []
        var line = first ?? indent
        var empty = true
        for word in Self.words(text) {
            if !empty, line.count + 1 + word.count > 100 {
                lines.append(line)
                line = indent
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }

    private static let months: Set<Substring> = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The words of a text, with the parts of a time glued together.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var glueNext = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let isMeridiem = word == "AM" || word == "PM" || word.hasPrefix("AM") || word.hasPrefix("PM")
            if (glueNext || isMeridiem), let last = words.popLast() {
                words.append(last + " " + word)
            } else {
                words.append(String(word))
            }
            glueNext = months.contains(word) || word == "AM" || word == "PM"
        }
        return words
    }
}
