import Diagnostics
import Foundation

/// Walks a `DocumentNode` tree and turns its values into typed ones, collecting
/// every problem instead of stopping at the first (the snapshot and the policy
/// readers share it, so that both word their errors the same way).
struct DocumentReader {
    let source: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceFile) {
        self.source = source
    }

    /// The location of a node in the source.
    func location(of node: DocumentNode) -> SourceLocation {
        SourceLocation(file: source.name, line: Int(node.line), column: Int(node.column))
    }

    /// Records a problem at a node, with its source line for the caret.
    mutating func error(_ message: String, at node: DocumentNode) {
        diagnostics.append(source.diagnostic(message, at: location(of: node)))
    }

    /// Records a problem at a known location.
    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(source.diagnostic(message, at: location))
    }

    /// The fields of a mapping node, checking its keys against `allowed` (a typo is an
    /// error naming the key and the allowed ones) and that each is written once.
    /// Nil, with an error, when the node is not a mapping.
    mutating func mapping(_ node: DocumentNode, _ name: String, allowed: [String]) -> Fields? {
        guard case .mapping(let pairs) = node.content else {
            error("\(name) must be a mapping, got \(node.kindDescription)", at: node)
            return nil
        }
        precondition(allowed.count <= Fields.Slots.scalarCount, "a mapping allows at most 16 keys")
        // One pass over the pairs that notes where each allowed key is, so that the
        // lookups after it cost nothing: a large log has 100,000 of these mappings.
        var slots = Fields.Slots(repeating: -1)
        for (index, (keyNode, _)) in pairs.enumerated() {
            guard case .scalar(let key, _) = keyNode.content else {
                error("a key in \(name) must be a name, got \(keyNode.kindDescription)", at: keyNode)
                continue
            }
            guard let slot = allowed.firstIndex(of: key) else {
                let hint = Spelling.suggestion(for: key, among: allowed).map { "did you mean '\($0)'? " } ?? ""
                error("unknown key '\(key)' in \(name) (\(hint)allowed: \(allowed.sorted().joined(separator: ", ")))", at: keyNode)
                continue
            }
            if slots[slot] >= 0 {
                let first = pairs[Int(slots[slot])].key
                error("duplicate key '\(key)' in \(name) (first at line \(first.line))", at: keyNode)
                continue
            }
            slots[slot] = Int16(truncatingIfNeeded: index)
        }
        return Fields(node: node, name: name, allowed: allowed, pairs: pairs, slots: slots)
    }

    /// The elements of a list node; nil, with an error, when it is not a list.
    mutating func sequence(_ node: DocumentNode, _ name: String) -> [DocumentNode]? {
        guard case .sequence(let elements) = node.content else {
            error("\(name) must be a list, got \(node.kindDescription)", at: node)
            return nil
        }
        return elements
    }

    /// Text: any scalar (`id: 123` is the text `123`); not null, a list or a mapping.
    mutating func string(_ node: DocumentNode, _ name: String) -> String? {
        guard let text = node.scalarText else {
            error("\(name) must be text, got \(node.kindDescription)", at: node)
            return nil
        }
        return text
    }

    /// A whole number written as one (`12`, not `12.5`, `12.0` or `"12"`).
    mutating func integer(_ node: DocumentNode, _ name: String, unit: String = "") -> Int? {
        if case .scalar(let text, .plain) = node.content, let value = Int(text) { return value }
        let what = unit.isEmpty ? "a whole number" : "a whole number of \(unit)"
        error("\(name) must be \(what), got \(shown(node))", at: node)
        return nil
    }

    /// A number that may have a fraction (`7.5`), for clip seconds.
    mutating func decimal(_ node: DocumentNode, _ name: String) -> Double? {
        if case .scalar(let text, .plain) = node.content, let value = Double(text), value.isFinite { return value }
        error("\(name) must be a number, got \(shown(node))", at: node)
        return nil
    }

    /// `true` or `false`.
    mutating func boolean(_ node: DocumentNode, _ name: String) -> Bool? {
        if case .scalar(let text, .plain) = node.content {
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        error("\(name) must be true or false, got \(shown(node))", at: node)
        return nil
    }

    /// An ISO 8601 timestamp that carries its UTC offset; keeps the offset written.
    mutating func timestamp(_ node: DocumentNode, _ name: String) -> ISOTimestamp.Parsed? {
        guard let text = node.scalarText, let parsed = ISOTimestamp.parse(text) else {
            error("\(name) must be an ISO 8601 timestamp with an offset such as 2026-11-20T16:14:00-06:00, got \(shown(node))", at: node)
            return nil
        }
        guard parsed.offsetSeconds != nil else {
            error("timestamp '\(text)' has no offset: add Z for UTC or an offset such as -06:00", at: node)
            return nil
        }
        return parsed
    }

    /// A calendar date `YYYY-MM-DD`.
    mutating func day(_ node: DocumentNode, _ name: String) -> BillingDay? {
        guard let text = node.scalarText, let day = ISOTimestamp.parseDay(text) else {
            error("\(name) must be a date such as 2026-11-15, got \(shown(node))", at: node)
            return nil
        }
        return day
    }

    /// An IANA time zone name.
    mutating func timeZone(_ node: DocumentNode, _ name: String) -> TimeZone? {
        guard let text = string(node, name) else { return nil }
        guard let zone = TimeZone(identifier: text) else {
            error("unknown time zone '\(text)' (use an IANA name such as America/Chicago or UTC)", at: node)
            return nil
        }
        return zone
    }

    /// A node as a message quotes it: `'12.5'`, or its kind when it is not a scalar.
    func shown(_ node: DocumentNode) -> String {
        switch node.content {
        case .scalar(let text, .quoted): "the string '\(text)'"
        case .scalar(let text, .plain): "'\(text)'"
        default: node.kindDescription
        }
    }

    /// The checked keys of one mapping node.
    struct Fields {
        /// The mapping node, where a missing key is reported.
        let node: DocumentNode
        /// What the mapping is, as messages name it: `client`, `entry`.
        let name: String
        /// Its id once known, so that messages say `entry 'e-7'`.
        var label: String?
        let allowed: [String]
        let pairs: [(key: DocumentNode, value: DocumentNode)]
        /// For each allowed key, the position of its pair, or -1 when it is not written.
        typealias Slots = SIMD16<Int16>
        let slots: Slots

        /// The value of a key, if written (the first time, when written twice).
        subscript(key: String) -> DocumentNode? {
            guard let slot = allowed.firstIndex(of: key) else {
                preconditionFailure("'\(key)' is not an allowed key of \(name)")
            }
            let position = slots[slot]
            return position >= 0 ? pairs[Int(position)].value : nil
        }

        /// The value of a key that must be written and not null; an error at the mapping when it is missing.
        func required(_ key: String, _ reader: inout DocumentReader) -> DocumentNode? {
            guard let value = self[key] else {
                reader.error("missing required key '\(key)' in \(described)", at: node)
                return nil
            }
            if case .null = value.content {
                reader.error("\(key) in \(described) must have a value, got null", at: value)
                return nil
            }
            return value
        }

        /// `entry 'e-7'`, or `entry` before its id is known.
        var described: String {
            label.map { "\(name) '\($0)'" } ?? name
        }

        /// The value of an optional key; null counts as not written.
        func optional(_ key: String) -> DocumentNode? {
            guard let value = self[key] else { return nil }
            if case .null = value.content { return nil }
            return value
        }
    }
}
