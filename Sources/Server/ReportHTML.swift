import Foundation

/// Lays out the Markdown the explainer writes (`MarkdownReport`, `SupportTicket.markdown`)
/// as HTML, so that the answer page says exactly what the command line and the ticket
/// say: the wording stays in one place, the explainer. Only the subset those reports
/// use is read: headings, paragraphs, bold and code spans, `_emphasis_` of a whole
/// line, lists (nested by two spaces, numbered or not), tables, quotes and fenced code.
/// Everything is escaped; a code span that names a log entry becomes a link to its row.
struct ReportHTML {
    /// The address of an entry's row in the log, when `code` is an entry id.
    var link: (String) -> String? = { _ in nil }

    func render(_ markdown: String) -> HTML {
        var out: [HTML] = []
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        var paragraph: [String] = []
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            out.append("<p>\(inline(paragraph.joined(separator: " ")))</p>\n")
            paragraph = []
        }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingLeadingSpaces
            if trimmed.isEmpty {
                flushParagraph()
                index += 1
            } else if trimmed.hasPrefix("```") {
                flushParagraph()
                var code: [String] = []
                index += 1
                while index < lines.count, !lines[index].trimmingLeadingSpaces.hasPrefix("```") {
                    code.append(lines[index])
                    index += 1
                }
                index += 1
                out.append("<pre><code>\(code.joined(separator: "\n"))</code></pre>\n")
            } else if let level = Self.headingLevel(trimmed) {
                flushParagraph()
                let text = String(trimmed.drop { $0 == "#" }.drop { $0 == " " })
                out.append("<h\(level + 1)>\(inline(text))</h\(level + 1)>\n")
                index += 1
            } else if trimmed.hasPrefix(">") {
                flushParagraph()
                var quoted: [String] = []
                while index < lines.count, lines[index].trimmingLeadingSpaces.hasPrefix(">") {
                    quoted.append(String(lines[index].trimmingLeadingSpaces.dropFirst().drop { $0 == " " }))
                    index += 1
                }
                out.append("<blockquote>\(render(quoted.joined(separator: "\n")))</blockquote>\n")
            } else if Self.listMarker(trimmed) != nil {
                flushParagraph()
                var block: [String] = []
                while index < lines.count {
                    let next = lines[index]
                    let nextTrimmed = next.trimmingLeadingSpaces
                    if nextTrimmed.isEmpty {
                        // A blank line inside a list item (before its table) keeps the list going.
                        if index + 1 < lines.count, lines[index + 1].hasPrefix("  ") || Self.listMarker(lines[index + 1]) != nil {
                            block.append("")
                            index += 1
                            continue
                        }
                        break
                    }
                    if next.hasPrefix(" ") || Self.listMarker(next) != nil { block.append(next); index += 1 } else { break }
                }
                out.append(list(block))
            } else if trimmed.hasPrefix("|") {
                flushParagraph()
                var rows: [String] = []
                while index < lines.count, lines[index].trimmingLeadingSpaces.hasPrefix("|") {
                    rows.append(lines[index].trimmingLeadingSpaces)
                    index += 1
                }
                out.append(table(rows))
            } else {
                paragraph.append(trimmed)
                index += 1
            }
        }
        flushParagraph()
        return HTML.join(out)
    }

    /// A list: items at its own indent, each with what is indented below it rendered inside.
    private func list(_ lines: [String]) -> HTML {
        let indent = lines.first?.prefix { $0 == " " }.count ?? 0
        var items: [(marker: String, body: [String])] = []
        for line in lines {
            let own = line.prefix { $0 == " " }.count
            if own == indent, let marker = Self.listMarker(String(line.dropFirst(indent))) {
                items.append((marker, [String(line.dropFirst(indent + marker.count))]))
            } else if !items.isEmpty {
                items[items.count - 1].body.append(line.count >= indent + 2 ? String(line.dropFirst(indent + 2)) : line.trimmingLeadingSpaces)
            }
        }
        let ordered = items.first.map { $0.marker.first?.isNumber ?? false } ?? false
        let start = ordered ? Int(items[0].marker.prefix { $0.isNumber }) ?? 1 : 1
        let rendered = HTML.join(items.map { item in
            let first = item.body[0]
            let rest = item.body.dropFirst().joined(separator: "\n")
            let inner = rest.trimmingLeadingSpaces.isEmpty ? "" : render(rest)
            return "<li>\(inline(first))\(inner)</li>\n"
        })
        return ordered ? "<ol start=\"\(start)\">\n\(rendered)</ol>\n" : "<ul>\n\(rendered)</ul>\n"
    }

    private func table(_ rows: [String]) -> HTML {
        func cells(_ row: String) -> [String] {
            var parts = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.first == "" { parts.removeFirst() }
            if parts.last == "" { parts.removeLast() }
            return parts
        }
        guard let head = rows.first else { return "" }
        let alignments = rows.count > 1 ? cells(rows[1]).map { $0.hasSuffix(":") ? " class=\"num\"" : "" } : []
        let body = rows.dropFirst(2).map { row in
            HTML.join(cells(row).enumerated().map { index, cell in
                "<td\(HTML(trusted: index < alignments.count ? alignments[index] : ""))>\(inline(cell))</td>"
            })
        }
        let header = HTML.join(cells(head).enumerated().map { index, cell in
            "<th\(HTML(trusted: index < alignments.count ? alignments[index] : ""))>\(inline(cell))</th>"
        })
        return "<table class=\"entries\"><thead><tr>\(header)</tr></thead><tbody>\(HTML.join(body.map { "<tr>\($0)</tr>" }))</tbody></table>\n"
    }

    /// Bold, code spans and a line wholly in `_emphasis_`; the rest is text.
    func inline(_ text: String) -> HTML {
        if text.count > 2, text.hasPrefix("_"), text.hasSuffix("_"), !text.dropFirst().dropLast().contains("_") {
            return "<em>\(String(text.dropFirst().dropLast()))</em>"
        }
        var out: [HTML] = []
        var rest = Substring(text)
        while let mark = rest.firstIndex(where: { $0 == "`" || $0 == "*" }) {
            if rest[mark] == "`", let end = rest[rest.index(after: mark)...].firstIndex(of: "`") {
                out.append("\(String(rest[..<mark]))")
                let code = String(rest[rest.index(after: mark)..<end])
                if let href = link(code) {
                    out.append("<a class=\"entry-link\" href=\"\(href)\"><code>\(code)</code></a>")
                } else {
                    out.append("<code>\(code)</code>")
                }
                rest = rest[rest.index(after: end)...]
            } else if rest[mark...].hasPrefix("**"), let end = rest[rest.index(mark, offsetBy: 2)...].range(of: "**") {
                out.append("\(String(rest[..<mark]))")
                out.append("<strong>\(inline(String(rest[rest.index(mark, offsetBy: 2)..<end.lowerBound])))</strong>")
                rest = rest[end.upperBound...]
            } else {
                out.append("\(String(rest[...mark]))")
                rest = rest[rest.index(after: mark)...]
            }
        }
        out.append("\(String(rest))")
        return HTML.join(out)
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        return (1...5).contains(hashes) && line.dropFirst(hashes).hasPrefix(" ") ? hashes : nil
    }

    /// `- ` or `12. ` at the start of a line (after its indent), with the space.
    static func listMarker(_ line: String) -> String? {
        let trimmed = line.trimmingLeadingSpaces
        if trimmed.hasPrefix("- ") { return "- " }
        let digits = trimmed.prefix { $0.isNumber }
        if !digits.isEmpty, trimmed.dropFirst(digits.count).hasPrefix(". ") { return digits + ". " }
        return nil
    }
}

extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
