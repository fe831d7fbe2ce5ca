import CEL
import Foundation
import Ledger

/// The zone messages show times in while rules are evaluated: set by the
/// engine around each evaluation, read by `fmtTime` and the message renderer,
/// so that functions declared once at load time still show the query's zone.
enum DisplayTime {
    @TaskLocal static var format = TimeFormat(zone: TimeZone(identifier: "UTC")!)
}

/// The functions rule authors get besides CEL's own (listed in `Rules/README.md`).
/// Prices come from the pack's policy, captured when the rules load.
struct RuleFunctions: Sendable {
    let policy: Policy

    func declare(in environment: inout CELEnvironment) {
        let policy = self.policy
        environment.declareFunction("fmtTime", overloads: [
            CELOverload(id: "fmtTime_timestamp", parameters: [.timestamp], result: .string) { arguments throws(CELError) in
                .string(DisplayTime.format.dateTime(try Self.timestamp(arguments[0]).date))
            },
        ])
        environment.declareFunction("fmtDate", overloads: [
            CELOverload(id: "fmtDate_timestamp", parameters: [.timestamp], result: .string) { arguments throws(CELError) in
                .string(DisplayTime.format.shortDate(try Self.timestamp(arguments[0]).date))
            },
        ])
        environment.declareFunction("fmtClock", overloads: [
            CELOverload(id: "fmtClock_timestamp", parameters: [.timestamp], result: .string) { arguments throws(CELError) in
                .string(DisplayTime.format.clock(try Self.timestamp(arguments[0]).date))
            },
        ])
        environment.declareFunction("signed", overloads: [
            CELOverload(id: "signed_int", parameters: [.int], result: .string) { arguments throws(CELError) in
                let n = try Self.int(arguments[0])
                return .string(n > 0 ? "+\(n)" : "\(n)")
            },
        ])
        environment.declareFunction("plural", overloads: [
            CELOverload(id: "plural_int_string", parameters: [.int, .string], result: .string) { arguments throws(CELError) in
                let n = try Self.int(arguments[0])
                let word = try Self.string(arguments[1])
                return .string("\(n) \(word)\(abs(n) == 1 ? "" : "s")")
            },
        ])
        environment.declareFunction("capitalize", overloads: [
            CELOverload(id: "capitalize_string", parameters: [.string], result: .string) { arguments throws(CELError) in
                let text = try Self.string(arguments[0])
                return .string(text.prefix(1).uppercased() + text.dropFirst())
            },
        ])
        environment.declareFunction("sum", overloads: [
            CELOverload(id: "sum_list_int", parameters: [.list(.int)], result: .int) { arguments throws(CELError) in
                var total: Int64 = 0
                for value in try Self.list(arguments[0]) {
                    let (sum, overflow) = total.addingReportingOverflow(try Self.int(value))
                    if overflow { throw CELError("return error for overflow") }
                    total = sum
                }
                return .int(total)
            },
        ])
        // The values of a list without repeats, in the order they first come: one pass
        // with a set, where a filter that looks back over the list is quadratic.
        environment.declareFunction("distinct", overloads: [
            CELOverload(id: "distinct_list_string", parameters: [.list(.string)], result: .list(.string)) { arguments throws(CELError) in
                var seen = Set<String>()
                var kept: [CELValue] = []
                for value in try Self.list(arguments[0]) {
                    guard case .string(let text) = value else { throw CELError("distinct() takes a list of strings") }
                    if seen.insert(text).inserted { kept.append(value) }
                }
                return .list(kept)
            },
        ])
        environment.declareFunction("abs", overloads: [
            CELOverload(id: "abs_int", parameters: [.int], result: .int) { arguments throws(CELError) in
                let n = try Self.int(arguments[0])
                if n == .min { throw CELError("return error for overflow") }
                return .int(Swift.abs(n))
            },
        ])
        environment.declareFunction("showcaseDeposit", overloads: [
            CELOverload(id: "showcaseDeposit_list_int", parameters: [.list(.int)], result: .int) { arguments throws(CELError) in
                var clips: [Int] = []
                for value in try Self.list(arguments[0]) { clips.append(Int(try Self.int(value))) }
                return .int(Int64(policy.showcaseDeposit(clips: clips)))
            },
        ])
        environment.declareFunction("clipSeconds", overloads: [
            CELOverload(id: "clipSeconds_int", parameters: [.int], result: .int) { arguments throws(CELError) in
                .int(Int64(policy.clampedSeconds(Int(try Self.int(arguments[0])))))
            },
        ])
    }

    private static func int(_ value: CELValue) throws(CELError) -> Int64 {
        guard case .int(let n) = value else { throw CELError("no such overload: expected int, got \(value)") }
        return n
    }

    private static func string(_ value: CELValue) throws(CELError) -> String {
        guard case .string(let s) = value else { throw CELError("no such overload: expected string, got \(value)") }
        return s
    }

    private static func list(_ value: CELValue) throws(CELError) -> [CELValue] {
        guard case .list(let items) = value else { throw CELError("no such overload: expected list, got \(value)") }
        return items
    }

    private static func timestamp(_ value: CELValue) throws(CELError) -> CELTimestamp {
        guard case .timestamp(let t) = value else { throw CELError("no such overload: expected timestamp, got \(value)") }
        return t
    }
}
