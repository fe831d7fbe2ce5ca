import Diagnostics
import Ledger
import Yams

extension RuleLoader {
    /// One entry of `examples:`; its snapshot is read now, so that a broken example
    /// is a load error at its place in the rule file.
    mutating func example(_ node: Node, rulePath: String, document: YAMLDocument) -> RuleExample? {
        let before = diagnostics.count
        guard let map = document.mapping(node, what: "an example", allowed: Self.exampleKeys,
                                         required: Self.exampleKeys, diagnostics: &diagnostics)
        else { return nil }
        let name = map["name"].flatMap { document.string($0, key: "name", diagnostics: &diagnostics) } ?? ""
        let snapshot = map["snapshot"].flatMap { readSnapshot($0, rulePath: rulePath, document: document) }
        let question = map["query"].flatMap { readQuestion($0, document: document) }
        let expectation = map["expect"].flatMap { readExpectation($0, document: document) }
        guard diagnostics.count == before, let snapshot, let question, let expectation, let queryNode = map["query"] else { return nil }
        do throws(QueryError) {
            _ = try ExplainQuery.resolve(snapshot: snapshot, expected: question.expected, actual: question.actual,
                                         since: question.since, until: question.until, now: question.now,
                                         timeZone: question.timeZone)
        } catch {
            diagnostics.append(document.error(error.message, at: queryNode))
            return nil
        }
        return RuleExample(name: name, snapshot: snapshot, question: question, expectation: expectation,
                           location: document.location(of: node))
    }

    /// A snapshot written inline (text with line breaks) or the path of a file beside the rule.
    private mutating func readSnapshot(_ node: Node, rulePath: String, document: YAMLDocument) -> Snapshot? {
        guard let scalar = node.scalar else {
            diagnostics.append(document.error("'snapshot' must be a snapshot written as text (use 'snapshot: |') or a file name", at: node))
            return nil
        }
        if !scalar.string.contains("\n") {
            let path = files.resolve(scalar.string, besides: rulePath)
            guard let text = files.files[path] else {
                diagnostics.append(document.error("no snapshot file '\(scalar.string)' beside the rule (looked for \(files.displayPath(path)))", at: node))
                return nil
            }
            do {
                return try SnapshotReader.read(text: text, name: files.displayPath(path), policy: policy)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
                return nil
            }
        }
        do {
            return try SnapshotReader.read(text: scalar.string, name: document.file.name, policy: policy)
        } catch {
            // The reader placed its problems in the snapshot's own text: move them to the rule file.
            let positions = ScalarPositions(scalar, in: document.file)
            for problem in error.diagnostics {
                let place = problem.location.map { positions.location(of: $0, inPieceAt: 0, piece: scalar.string) }
                    ?? document.location(of: node)
                diagnostics.append(document.file.diagnostic(problem.message, at: place, severity: problem.severity))
            }
            return nil
        }
    }

    private mutating func readQuestion(_ node: Node, document: YAMLDocument) -> ExampleQuestion? {
        guard let map = document.mapping(node, what: "an example's query", allowed: Self.queryKeys,
                                         required: ["expected"], diagnostics: &diagnostics),
              let expected = map["expected"].flatMap({ document.int($0, key: "expected", diagnostics: &diagnostics) })
        else { return nil }
        var question = ExampleQuestion(expected: expected)
        question.actual = map["actual"].flatMap { document.int($0, key: "actual", diagnostics: &diagnostics) }
        question.since = map["since"].flatMap { document.string($0, key: "since", diagnostics: &diagnostics) }
        question.until = map["until"].flatMap { document.string($0, key: "until", diagnostics: &diagnostics) }
        question.now = map["now"].flatMap { document.string($0, key: "now", diagnostics: &diagnostics) }
        question.timeZone = map["tz"].flatMap { document.string($0, key: "tz", diagnostics: &diagnostics) }
        return question
    }

    private mutating func readExpectation(_ node: Node, document: YAMLDocument) -> ExampleExpectation? {
        guard let map = document.mapping(node, what: "an example's expect", allowed: Self.expectKeys,
                                         required: ["fires"], diagnostics: &diagnostics),
              let fires = map["fires"].flatMap({ document.bool($0, key: "fires", diagnostics: &diagnostics) })
        else { return nil }
        var expectation = ExampleExpectation(fires: fires)
        expectation.amount = map["amount"].flatMap { document.int($0, key: "amount", diagnostics: &diagnostics) }
        expectation.count = map["count"].flatMap { document.int($0, key: "count", diagnostics: &diagnostics) }
        expectation.explained = map["explained"].flatMap { document.int($0, key: "explained", diagnostics: &diagnostics) }
        expectation.best = map["best"].flatMap { document.bool($0, key: "best", diagnostics: &diagnostics) }
        expectation.message = map["message"].flatMap { document.string($0, key: "message", diagnostics: &diagnostics) }
        expectation.status = map["status"].flatMap {
            document.word($0, key: "status", as: ExplanationStatus.self, diagnostics: &diagnostics)
        }
        if let node = map["entries"] {
            if let sequence = node.sequence {
                expectation.entries = sequence.compactMap { document.string($0, key: "entries", diagnostics: &diagnostics) }
            } else {
                diagnostics.append(document.error("'entries' must be a list of entry ids, such as [e-1043]", at: node))
            }
        }
        return expectation
    }
}
