/// `credits explain --format markdown`: the same report, to paste into a ticket or a chat.
public struct MarkdownReport {
    public init() {}

    public func render(_ explanation: Explanation) -> String {
        let content = ReportContent(explanation)
        var out = "**\(content.verdict)**\n\n\(content.question) \(content.period)\n"
        if !content.causes.isEmpty {
            out += "\n### What happened\n\n"
            out += content.causes.map(block).joined(separator: "\n")
        }
        if !content.notes.isEmpty {
            out += "\n" + content.notes.map { "> \($0)\n" }.joined(separator: ">\n")
        }
        if let balance = content.balanceWas { out += "\n\(balance)\n" }
        if !content.alternatives.isEmpty {
            out += "\n### Other possible explanations\n\n"
            for (index, line) in content.alternatives.enumerated() { out += "\(index + 2). \(line)\n" }
            if let note = content.alternativesNote { out += "\n\(note)\n" }
        }
        if !content.coincidences.isEmpty {
            out += "\n### Adds up only by coincidence\n\n"
            for line in content.coincidences { out += "- \(line)\n" }
            out += "\n\(ReportContent.coincidenceNote)\n"
        }
        out += "\n### How the balance moved in this period\n\n| | Tokens |\n| --- | ---: |\n"
        for line in content.bridge { out += "| \(line.label) | \(line.amount) |\n" }
        if !content.findings.isEmpty {
            out += "\n### Worth checking\n\n"
            out += content.findings.map(block).joined(separator: "\n")
        }
        if !content.nextSteps.isEmpty {
            out += "\n### What to check next\n\n"
            for step in content.nextSteps { out += "- \(step)\n" }
        }
        return out
    }

    private func block(_ block: ReportContent.Block) -> String {
        let tag = block.severity == .warning ? "⚠️ " : ""
        let amount = block.amount.map { " (\(ReportContent.signed($0)))" } ?? ""
        var out = "- \(tag)**\(block.title)**\(amount): \(block.text)\n"
        if !block.entries.isEmpty {
            out += "\n  | When | Type | Amount | Entry |\n  | --- | --- | ---: | --- |\n"
            for line in block.entries { out += "  | \(line.when) | \(line.label) | \(line.amount) | \(Self.entry(line)) |\n" }
        }
        return out
    }

    /// The id as code, or the words for a computed movement; the note when not all of it counts.
    static func entry(_ line: ReportContent.EntryLine) -> String {
        let id = line.id.map { "`\($0)`" } ?? ReportContent.EntryLine.noEntry
        return line.note.map { "\(id) (\($0))" } ?? id
    }
}
