import CYaml
import Diagnostics

/// YAML aliases let a few bytes stand for a tree of any size: nine anchors of nine
/// aliases each make 387 million nodes out of 1 KB. Every YAML reader (snapshots,
/// rule files, policy) checks the text here first: the nodes the aliases add are
/// counted from libyaml's events while they stream past, before any tree is built,
/// and the text is refused at the alias that passes `largestExpansion`.
public enum YAMLAliasLimit {
    /// The most nodes all the aliases of one document may add together: a
    /// hand-written file shares a few small pieces, far below this.
    public static let largestExpansion = 100_000

    /// Throws one diagnostic at the alias that makes the aliases add more than `limit`
    /// nodes. Text that does not parse passes: the YAML reader reports it.
    public static func check(_ source: SourceFile, limit: Int = largestExpansion) throws(DiagnosticsError) {
        // No `*`, no alias: most snapshots are checked by this one scan.
        guard source.text.utf8.contains(UInt8(ascii: "*")) else { return }
        var text = source.text
        let place: (line: Int, column: Int, anchor: String)? = text.withUTF8 { bytes in
            expandingPlace(bytes, limit: limit)
        }
        if let place {
            let location = SourceLocation(file: source.name, line: place.line, column: place.column)
            throw DiagnosticsError([source.diagnostic(
                "the alias '*\(place.anchor)' makes the document's aliases stand for more than \(limit) nodes; "
                    + "write the values out instead of repeating anchors inside anchors",
                at: location)])
        }
    }

    /// The position (1-based) and anchor of the alias that passes `limit`, nil when none does.
    private static func expandingPlace(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (line: Int, column: Int, anchor: String)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        /// Nodes of each anchor's tree, aliases expanded (counted when the anchored node ends).
        var sizes: [String: Int] = [:]
        /// The open sequences and mappings: nodes counted so far (themselves included) and their anchors.
        var open: [(nodes: Int, anchor: String?)] = []
        var added = 0

        func finish(_ nodes: Int, anchor: String?) {
            if let anchor { sizes[anchor] = nodes }
            if !open.isEmpty { open[open.count - 1].nodes += nodes }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                finish(1, anchor: name(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                open.append((1, name(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                open.append((1, name(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let closed = open.popLast() { finish(closed.nodes, anchor: closed.anchor) }
            case YAML_ALIAS_EVENT:
                let anchor = name(event.data.alias.anchor) ?? ""
                let nodes = sizes[anchor] ?? 1
                added += nodes
                if added > limit {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1, anchor)
                }
                finish(nodes, anchor: nil)
            default:
                break
            }
        }
    }

    private static func name(_ text: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        text.map { String(cString: $0) }
    }
}
