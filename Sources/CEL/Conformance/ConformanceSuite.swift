import Foundation

/// The conformance data of `cel-conformance/README.md` (cel-spec's simple tests as JSON): loading a file
/// and running its cases against this implementation. Used by the `cel-conformance` tool and the tests.
public struct ConformanceSuite {
    /// The file's name without folder or extension: `basic`.
    public let name: String
    let cases: [[String: Any]]

    /// Reads a conformance file; throws a message naming the file when it cannot be read or is not in the format.
    public init(path: String) throws(CELError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CELError("cannot read \(path)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any],
              let tests = root["tests"] as? [[String: Any]]
        else {
            throw CELError("\(path): not a conformance file (expected a JSON object with a \"tests\" array)")
        }
        name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        cases = tests
    }

    /// The outcome of running every case of a file.
    public struct Result: Sendable {
        public var passed = 0
        public var failed = 0
        public var skipped = 0
        /// One description per failure: the case, its expression, what was expected and what happened.
        public var failures: [String] = []

        /// An empty tally.
        public init() {}

        init(passed: Int, failed: Int, skipped: Int, failures: [String]) {
            self.passed = passed
            self.failed = failed
            self.skipped = skipped
            self.failures = failures
        }

        /// `N passed, M failed, K skipped`.
        public var summary: String { "\(passed) passed, \(failed) failed, \(skipped) skipped" }

        public static func + (a: Result, b: Result) -> Result {
            Result(passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped,
                   failures: a.failures + b.failures)
        }
    }

    /// Runs every case. With `tracking`, each program is also evaluated by its tracking plan
    /// (`CELProgram.tracking()`), and a case fails unless that gives the same result, recorded as the
    /// value of the whole expression.
    public func run(tracking: Bool = false) -> Result {
        var result = Result()
        for test in cases {
            switch Self.run(test, tracking: tracking) {
            case .passed: result.passed += 1
            case .skipped: result.skipped += 1
            case .failed(let detail):
                result.failed += 1
                let place = [name, test["section"] as? String ?? "", test["name"] as? String ?? "?"].filter { !$0.isEmpty }
                result.failures.append("\(place.joined(separator: "/")): \(test["expr"] as? String ?? "")\n\(detail)")
            }
        }
        return result
    }

    private enum Outcome {
        case passed, skipped, failed(String)
    }

    private static func run(_ test: [String: Any], tracking: Bool) -> Outcome {
        guard let expression = test["expr"] as? String, let expect = test["expect"] as? [String: Any] else {
            return .failed("    malformed case")
        }
        if expect["other"] != nil { return .skipped }
        var environment = CELEnvironment(container: test["container"] as? String ?? "")
        environment.checksTypes = !(test["disable_check"] as? Bool ?? false)
        environment.expandsMacros = !(test["disable_macros"] as? Bool ?? false)
        for declaration in test["type_env"] as? [[String: Any]] ?? [] {
            guard let name = declaration["name"] as? String,
                  let ident = declaration["ident"] as? [String: Any],
                  let type = ident["type"] as? [String: Any]
            else { continue }
            guard let parsed = conformanceType(type) else { return .skipped }
            environment.declareVariable(name, type: parsed)
        }
        var bindings: [String: CELValue] = [:]
        for (name, value) in test["bindings"] as? [String: Any] ?? [:] {
            guard let json = value as? [String: Any], let parsed = conformanceValue(json) else { return .skipped }
            bindings[name] = parsed
        }
        let actual: Swift.Result<CELValue, any Error>
        var resultType = CELType.dyn
        do {
            let program = try environment.compile(expression)
            resultType = program.resultType
            let plain: Swift.Result<CELValue, CELError>
            do {
                plain = .success(try program.evaluate(bindings))
            } catch {
                plain = .failure(error)
            }
            if tracking, let difference = trackingDifference(plain, program.tracking().evaluate(bindings)) {
                return .failed("    tracking: \(difference)")
            }
            actual = plain.mapError { $0 }
        } catch {
            actual = .failure(error)
        }
        // A typed result: the checked type must be the one expected, as well as the value.
        if let expectedType = expect["type"] as? String, environment.checksTypes,
           resultType.description != expectedType, resultType.typeValueName != expectedType {
            return .failed("    expected type: \(expectedType)\n    actual type: \(resultType)")
        }
        if let message = expect["error"] {
            switch actual {
            case .failure: return .passed
            case .success(let value):
                return .failed("    expected error: \(message)\n    actual: \(value)")
            }
        }
        guard let json = expect["value"] as? [String: Any], let expected = conformanceValue(json) else { return .skipped }
        switch actual {
        case .success(let value) where sameValue(value, expected): return .passed
        case .success(let value): return .failed("    expected: \(expected)\n    actual: \(value)")
        case .failure(let error): return .failed("    expected: \(expected)\n    actual error: \(error)")
        }
    }

    /// How a tracked evaluation differs from the plain one, if it does: its result, or the value recorded
    /// for the whole expression.
    private static func trackingDifference(_ plain: Swift.Result<CELValue, CELError>, _ state: CELEvaluationState) -> String? {
        switch (plain, state.result) {
        case (.success(let a), .success(let b)):
            guard sameValue(a, b) else { return "gave \(b), not \(a)" }
            guard case .value(let recorded)? = state.root.outcome, sameValue(recorded, a), state.root.evaluations == 1 else {
                return "recorded \(String(describing: state.root.outcome)) for the whole expression, not \(a)"
            }
        case (.failure(let a), .failure(let b)):
            guard a == b else { return "failed with \(b), not \(a)" }
            guard state.root.outcome == .error(a.message) else {
                return "recorded \(String(describing: state.root.outcome)) for the whole expression, not the error \(a.message)"
            }
        case (let a, let b):
            return "gave \(b), not \(a)"
        }
        return nil
    }

    /// Structural equality where NaN equals NaN, the sign of zero counts and map order does not.
    private static func sameValue(_ a: CELValue, _ b: CELValue) -> Bool {
        switch (a, b) {
        case (.double(let x), .double(let y)):
            return (x.isNaN && y.isNaN) || (x == y && x.sign == y.sign)
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
        case (.map(let x), .map(let y)):
            return x.count == y.count && x.pairs.allSatisfy { pair in
                y.pairs.contains { sameValue($0.key, pair.key) && sameValue($0.value, pair.value) }
            }
        case (.type(let x), .type(let y)):
            return x.typeValueName == y.typeValueName
        default:
            return a == b
        }
    }

    private static func conformanceType(_ json: [String: Any]) -> CELType? {
        if let primitive = json["primitive"] as? String {
            switch primitive {
            case "BOOL": return .bool
            case "INT64": return .int
            case "UINT64": return .uint
            case "DOUBLE": return .double
            case "STRING": return .string
            case "BYTES": return .bytes
            default: return nil
            }
        }
        if json["null"] != nil { return .null }
        if json["dyn"] != nil { return .dyn }
        if let list = json["list_type"] as? [String: Any] {
            return (list["elem_type"] as? [String: Any]).flatMap(conformanceType).map { .list($0) }
        }
        if let map = json["map_type"] as? [String: Any],
           let key = (map["key_type"] as? [String: Any]).flatMap(conformanceType),
           let value = (map["value_type"] as? [String: Any]).flatMap(conformanceType) {
            return .map(key: key, value: value)
        }
        if let wellKnown = json["well_known"] as? String {
            switch wellKnown {
            case "TIMESTAMP": return .timestamp
            case "DURATION": return .duration
            default: return nil
            }
        }
        return nil
    }

    private static func conformanceValue(_ json: [String: Any]) -> CELValue? {
        if json["null_value"] != nil { return .null }
        if let flag = json["bool_value"] as? Bool { return .bool(flag) }
        if let text = json["int64_value"] as? String { return Int64(text).map(CELValue.int) }
        if let number = json["int64_value"] as? NSNumber { return .int(number.int64Value) }
        if let text = json["uint64_value"] as? String { return UInt64(text).map(CELValue.uint) }
        if let number = json["uint64_value"] as? NSNumber { return .uint(number.uint64Value) }
        if let text = json["double_value"] as? String {
            switch text {
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            case "NaN": return .double(.nan)
            default: return Double(text).map(CELValue.double)
            }
        }
        if let number = json["double_value"] as? NSNumber { return .double(number.doubleValue) }
        if let text = json["string_value"] as? String { return .string(text) }
        if let bytes = json["bytes_value"] as? [String: Any] {
            guard let data = Data(base64Encoded: bytes["base64"] as? String ?? "") else { return nil }
            return .bytes(Array(data))
        }
        if let list = json["list_value"] as? [String: Any] {
            var values: [CELValue] = []
            for item in list["values"] as? [[String: Any]] ?? [] {
                guard let value = conformanceValue(item) else { return nil }
                values.append(value)
            }
            return .list(values)
        }
        if let map = json["map_value"] as? [String: Any] {
            var pairs: [(CELValue, CELValue)] = []
            for entry in map["entries"] as? [[String: Any]] ?? [] {
                guard let key = (entry["key"] as? [String: Any]).flatMap(conformanceValue),
                      let value = (entry["value"] as? [String: Any]).flatMap(conformanceValue)
                else { return nil }
                pairs.append((key, value))
            }
            return .map(CELMap(pairs))
        }
        if let name = json["type_value"] as? String {
            return .type(StandardLibrary.typeNames[name] ?? .object(name))
        }
        return nil
    }
}
