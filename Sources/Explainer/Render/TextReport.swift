import Ledger

/// `credits explain --format text`: for a person at a terminal. The verdict first,
/// then the best answer in plain sentences with the entries it rests on, then
/// findings, then what to check next.
public struct TextReport {
    /// The width text is wrapped at: the terminal's (the command decides), so long
    /// sentences stay readable.
    public var width: Int

    public init(width: Int = TextReport.defaultWidth) {
        self.width = max(TextReport.narrowest, width)
    }

    /// The width when there is no terminal to fit (a file, a pipe).
    public static let defaultWidth = 100
    /// Narrower than this, a time or an entry table would not fit a line anyway.
    static let narrowest = 40

    public func render(_ explanation: Explanation) -> String {
        let content = ReportContent(explanation)
        var out = wrap(content.verdict, indent: "") + wrap(content.question, indent: "") + wrap(content.period, indent: "")
        if !content.causes.isEmpty {
            out += "\nWhat happened:\n"
            for cause in content.causes { out += block(cause) }
        }
        for note in content.notes { out += "\n" + wrap(note, indent: "") }
        if let balance = content.balanceWas { out += "\n" + wrap(balance, indent: "") }
        if !content.alternatives.isEmpty {
            out += "\nOther possible explanations:\n"
            for (index, line) in content.alternatives.enumerated() { out += wrap(line, indent: "     ", first: "  \(index + 2). ") }
            if let note = content.alternativesNote { out += wrap(note, indent: "  ", first: "  ") }
        }
        if !content.coincidences.isEmpty {
            out += "\nAdds up only by coincidence:\n"
            for line in content.coincidences { out += wrap(line, indent: "    ", first: "  - ") }
            out += wrap(ReportContent.coincidenceNote, indent: "  ", first: "  ")
        }
        out += "\nHow the balance moved in this period:\n"
        out += TextColumns.aligned(content.bridge.map { [$0.label, $0.amount] }, rightAligned: [1]).map { "  " + $0 + "\n" }.joined()
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
        return wrap("\(tag)\(block.title)\(amount). \(block.text)", indent: "    ", first: "  - ")
            + Self.entryTable(block.entries, indent: "      ")
    }

    /// Cited entries as aligned columns, as `credits log` shows them: time, type,
    /// amount (right-aligned), id, and whether the entry is only there for reference.
    static func entryTable(_ entries: [ReportContent.EntryLine], indent: String) -> String {
        TextColumns.aligned(entries.map(\.cells), rightAligned: [2]).map { indent + $0 + "\n" }.joined()
    }

    /// Wraps at `width` columns, never inside a time (`Nov 24, 10:14 AM CST`) or a
    /// sum (`325 - 150 = +175`): see `words(_:)`.
    func wrap(_ text: String, indent: String, first: String? = nil) -> String {
        var lines: [String] = []
        var line = first ?? indent
        var empty = true
        for word in Self.words(text) {
            if !empty, line.count + 1 + word.count > width {
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
    private static let operators: Set<Substring> = ["+", "-", "=", "x", "×"]

    /// The words of a text, with the runs a line must not break glued into one word:
    /// a time (`Nov 24, 10:14 AM CST`, `9:12 AM CET`) and arithmetic (`325 - 150 = +175`,
    /// `(-88, Nov 23) = +12`: an operator stays with the words on both its sides).
    static func words(_ text: String) -> [String] {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true)
        var words: [String] = []
        for (index, token) in tokens.enumerated() {
            if index > 0, gluesTo(previous: tokens[index - 1], token), let last = words.popLast() {
                words.append(last + " " + token)
            } else {
                words.append(String(token))
            }
        }
        return words
    }

    /// Whether `token` must stay on the line of the token before it.
    private static func gluesTo(previous: Substring, _ token: Substring) -> Bool {
        if operators.contains(previous) || operators.contains(token) { return true }
        if previous == "(less" && token.hasPrefix("likely") { return true }              // (less likely)
        if months.contains(previous.drop { $0 == "(" }) { return true }                      // Nov | 24,
        if previous.hasPrefix("(") && previous.hasSuffix(",") && months.contains(token) { return true }   // (+100, | Nov 13)
        if isDateEnd(previous) && (isClock(token) || isYear(token)) { return true }       // 24, | 10:14   24, | 2025,
        if isClock(previous) && isMeridiem(token) { return true }                         // 10:14 | AM
        if isMeridiem(previous.prefix(2)) && previous.count == 2 && isZone(token) { return true }   // AM | CST
        return false
    }

    /// `24,` or `2025,`: a day or a year followed by what comes next in a time.
    private static func isDateEnd(_ s: Substring) -> Bool {
        s.hasSuffix(",") && s.dropLast().count <= 4 && !s.dropLast().isEmpty && s.dropLast().allSatisfy(\.isNumber)
    }

    private static func isYear(_ s: Substring) -> Bool {
        let digits = s.prefix { $0.isNumber }
        return digits.count == 4
    }

    /// `10:14`.
    private static func isClock(_ s: Substring) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && (1...2).contains(parts[0].count) && parts[1].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// `AM`, `PM`, also with punctuation after them (`PM,`).
    private static func isMeridiem(_ s: Substring) -> Bool {
        s.hasPrefix("AM") || s.hasPrefix("PM")
    }

    /// A zone name as `TimeFormat` writes it: `CST`, `ACDT`, `GMT+5:30`, with punctuation after it.
    private static func isZone(_ s: Substring) -> Bool {
        let letters = s.prefix { $0.isUppercase && $0.isLetter }
        return (2...5).contains(letters.count)
    }
}
