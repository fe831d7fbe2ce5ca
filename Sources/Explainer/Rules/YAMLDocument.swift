import Diagnostics
import Ledger
import Yams

/// A YAML file composed into nodes that remember where they were written, with
/// the checks every reader of rule files needs: known keys only, required keys,
/// scalars of the right kind, each problem reported at its line and column.
struct YAMLDocument {
    let file: SourceFile
    let root: Node?

    /// Composes `file`; a syntax error (or aliases that stand for too much) becomes a
    /// diagnostic at its place.
    init(_ file: SourceFile, diagnostics: inout [Diagnostic]) {
        self.file = file
        do throws(DiagnosticsError) {
            root = try YAMLSyntax.compose(file)
        } catch {
            root = nil
            diagnostics.append(contentsOf: error.diagnostics)
        }
    }

    /// Where a node was written.
    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file.name, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ message: String, at node: Node) -> Diagnostic {
        file.diagnostic(message, at: location(of: node))
    }

    /// A mapping's keys and values, checked: unknown and repeated keys are reported.
    func mapping(_ node: Node, what: String, allowed: [String], required: [String], diagnostics: inout [Diagnostic]) -> YAMLMapping? {
        guard let mapping = node.mapping else {
            diagnostics.append(error("\(what) must be a mapping of keys to values", at: node))
            return nil
        }
        var values: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.append(error("\(what) has a key that is not text", at: key))
                continue
            }
            if let first = values[name] {
                diagnostics.append(error(KeyProblem.duplicate(name, in: what, firstLine: first.key.mark?.line), at: key))
            } else if !allowed.contains(name) {
                diagnostics.append(error(KeyProblem.unknown(name, in: what, allowed: allowed), at: key))
            } else {
                values[name] = (key, value)
            }
        }
        for name in required where values[name] == nil {
            diagnostics.append(error("\(what) needs '\(name)'", at: node))
        }
        return YAMLMapping(node: node, values: values)
    }

    /// A scalar's text, or a diagnostic saying what was expected.
    func string(_ node: Node, key: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let scalar = node.scalar else {
            diagnostics.append(error("'\(key)' must be text", at: node))
            return nil
        }
        return scalar.string
    }

    /// One of a closed set of words.
    func word<T: RawRepresentable & CaseIterable>(_ node: Node, key: String, as type: T.Type, diagnostics: inout [Diagnostic]) -> T?
    where T.RawValue == String {
        guard let text = string(node, key: key, diagnostics: &diagnostics) else { return nil }
        if let value = T(rawValue: text) { return value }
        let choices = T.allCases.map { "'\($0.rawValue)'" }
        let list = choices.count == 2 ? choices.joined(separator: " or ") : choices.dropLast().joined(separator: ", ") + " or " + choices.last!
        diagnostics.append(error("'\(key)' must be \(list), not '\(text)'", at: node))
        return nil
    }

    func int(_ node: Node, key: String, diagnostics: inout [Diagnostic]) -> Int? {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            diagnostics.append(error("'\(key)' must be a whole number, not '\(node.scalar?.string ?? "a list or mapping")'", at: node))
            return nil
        }
        return value
    }

    func bool(_ node: Node, key: String, diagnostics: inout [Diagnostic]) -> Bool? {
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(error("'\(key)' must be true or false, not '\(node.scalar?.string ?? "a list or mapping")'", at: node))
            return nil
        }
    }
}

/// The checked keys of one mapping.
struct YAMLMapping {
    let node: Node
    let values: [String: (key: Node, value: Node)]

    subscript(key: String) -> Node? { values[key]?.value }
}
