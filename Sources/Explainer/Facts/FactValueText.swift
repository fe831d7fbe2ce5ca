import CEL
import Ledger

/// A CEL value written for a rule author trying an expression (`credits expr`):
/// CEL's literal syntax, with timestamps in the display zone.
enum FactValueText {
    static func literal(_ value: CELValue, _ time: TimeFormat) -> String {
        switch value {
        case .timestamp(let t): "timestamp(\"\(time.iso(t.date))\")"
        case .list(let items): "[" + items.map { literal($0, time) }.joined(separator: ", ") + "]"
        case .map(let map): "{" + map.pairs.map { "\(literal($0.key, time)): \(literal($0.value, time))" }.joined(separator: ", ") + "}"
        case .object(let object):
            object.typeName + "{" + object.fieldNames.map { "\($0): \(literal(object[field: $0]!, time))" }.joined(separator: ", ") + "}"
        default: value.description
        }
    }
}

extension RulePack {
    /// Evaluates one expression over a question's facts (`credits expr`), the value
    /// written in CEL's literal syntax. Compile errors carry the expression's line and column.
    public func evaluate(_ expression: String, snapshot: Snapshot, query: ExplainQuery) throws(ExpressionError) -> String {
        let program: CELProgram
        do {
            program = try compile(expression)
        } catch {
            throw ExpressionError(description: error.description)
        }
        let facts = Facts(snapshot: snapshot, policy: policy, query: query)
        do {
            let value = try DisplayTime.$format.withValue(query.time) { () throws(CELError) -> CELValue in
                try program.evaluate(facts.globals)
            }
            return FactValueText.literal(value, query.time)
        } catch let error as CELError {
            throw ExpressionError(description: "\(error.location.map { "\($0): " } ?? "")error: \(error.message)")
        } catch {
            throw ExpressionError(description: "error: \(error)")
        }
    }
}

/// An expression that does not compile or fails on these facts.
public struct ExpressionError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
