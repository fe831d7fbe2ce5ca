import Diagnostics
import Yams

/// A YAML file composed into nodes that remember where they were written, with
/// the checks every reader of rule files needs: known keys only, required keys,
/// scalars of the right kind, each problem reported at its line and column.
struct YAMLDocument {
    let file: SourceFile
    let root: Node?

    /// Composes `file`; a syntax error becomes a diagnostic at its place.
    init(_ file: SourceFile, diagnostics: inout [Diagnostic]) {
        self.file = file
        do {
            root = try Yams.compose(yaml: file.text)
        } catch let error as YamlError {
            root = nil
            diagnostics.append(Self.diagnostic(error, in: file))
        } catch {
            root = nil
            diagnostics.append(Diagnostic(message: "cannot read YAML: \(error)", location: SourceLocation(file: file.name, line: 1, column: 1)))
        }
    }

    static func diagnostic(_ error: YamlError, in file: SourceFile) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            file.diagnostic("invalid YAML: \(problem)", at: SourceLocation(file: file.name, line: mark.line, column: mark.column))
        default:
            Diagnostic(message: "invalid YAML: \(error)", location: SourceLocation(file: file.name, line: 1, column: 1))
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
            if values[name] != nil {
                diagnostics.append(error("'\(name)' is written twice in \(what)", at: key))
            } else if !allowed.contains(name) {
                let hint = Self.closest(to: name, in: allowed).map { ": did you mean '\($0)'?" } ?? ""
                diagnostics.append(error("unknown key '\(name)' in \(what)\(hint)", at: key))
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

    /// The allowed key nearest to a misspelt one, when it is near enough to be a typo.
    static func closest(to name: String, in choices: [String]) -> String? {
        let scored = choices.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= max(1, $0.0.count / 3) }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}

/// The checked keys of one mapping.
struct YAMLMapping {
    let node: Node
    let values: [String: (key: Node, value: Node)]

    subscript(key: String) -> Node? { values[key]?.value }
}
