import CEL
import Diagnostics
import Foundation
import Testing

/// 10,000 random and mutated expressions through the parser, checker and interpreter: each must either
/// compile or give located diagnostics, and evaluation must end (value or error), never crash or hang.
struct FuzzTests {
    /// SplitMix64: a fixed seed makes every run try the same inputs.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let fragments = [
        "x", "name", "entries", "entry", "m", "d", "e", "1", "0", "-1", "2u", "1.5", "1e308", "'a'", "\"b\"", "b'c'", "r'\\d'",
        "'''t'''", "true", "false", "null", "[", "]", "{", "}", "(", ")", ".", ",", ":", "?", "+", "-", "*", "/", "%", "==",
        "!=", "<", "<=", ">", ">=", "&&", "||", "!", "in", "size", "all", "exists", "exists_one", "map", "filter", "has",
        "amount", "type", "int", "string", "dyn", "matches", "startsWith", "\\", "'\\x", "0x", "9223372036854775808", "`a-b`",
        "Entry", "if", "é", "😀", " ", "\n", "//c\n", "9999999999999999999999", ".5e", "\"\"\"", "'\\u12",
    ]

    static let seeds = [
        "entries.filter(e, e.type == 'submission' && e.amount < 0).size()",
        "entries.exists(e, e.amount == -88) ? 'yes' : 'no'",
        "x + 2 * 3 > 10 && name.startsWith('ab') || !has(entry.note)",
        "{'a': [1, 2u, 3.0], 'b': {true: b'\\x00'}}['a'][1]",
        "entries.map(e, e.amount > 0, e.amount * 2).all(a, a in [650, 1])",
        "int('12') + uint(3).size() - double(m.a) / dyn(d)[0] % 2",
        "Entry{type: 'x', amount: -(1)}.amount == -9223372036854775808",
        "'''multi\nline''' + r\"raw\\n\" + \"\\u00e9\\U0001F600\\101\"",
        "[[[[1]]]].exists_one(a, a.map(b, b.filter(c, c.size() > 0)).size() == 1)",
        "type(x) == int && .name.matches('^[a-c]+$') && m.exists(k, k == 'a')",
    ]

    static func corpus() -> [String] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance")
        var expressions = seeds
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tests = root["tests"] as? [[String: Any]]
            else { continue }
            expressions += tests.compactMap { $0["expr"] as? String }
        }
        return expressions
    }

    static func mutate(_ text: String, _ random: inout Generator) -> String {
        var characters = Array(text)
        for _ in 0..<(1 + random.below(2)) {
            let position = characters.isEmpty ? 0 : random.below(characters.count + 1)
            switch random.below(5) {
            case 0 where !characters.isEmpty && position < characters.count: characters.remove(at: position)
            case 1: characters.insert(contentsOf: Array(random.pick(fragments)), at: position)
            case 2 where !characters.isEmpty && position < characters.count: characters[position] = random.pick(Array("()[]{}.,'\"\\?:!-+ 0a"))
            case 3 where characters.count > 2:
                let start = random.below(characters.count - 1)
                let end = min(characters.count, start + 1 + random.below(12))
                characters.insert(contentsOf: characters[start..<end], at: min(position, characters.count))
            default: characters.insert(contentsOf: Array(random.pick(fragments)), at: 0)
            }
        }
        return String(characters)
    }

    /// A mutation that usually keeps the grammar: one operator for another, one digit for another,
    /// so that many mutants compile and reach the checker's and interpreter's deeper paths.
    static func swapOperator(_ text: String, _ random: inout Generator) -> String {
        let operators = [" + ", " - ", " * ", " / ", " % ", " == ", " != ", " < ", " > ", " <= ", " >= ", " && ", " || ", " in "]
        var result = text
        if let found = operators.shuffledDeterministically(&random).first(where: { result.contains($0) }),
           let range = result.range(of: found) {
            result.replaceSubrange(range, with: random.pick(operators))
        }
        if let digit = result.firstIndex(where: \.isNumber), random.below(2) == 0 {
            result.replaceSubrange(digit...digit, with: String(random.below(10)))
        }
        return result
    }

    @Test(.timeLimit(.minutes(2)))
    func randomAndMutatedExpressionsNeverCrashOrHang() throws {
        var random = Generator(state: 20_261_125)
        var environment = testEnvironment()
        environment.costLimit = 20_000
        var unchecked = environment
        unchecked.checksTypes = false
        let corpus = Self.corpus()
        var compiled = 0
        var rejected = 0
        for round in 0..<10_000 {
            let source: String
            if round % 4 == 0 {
                source = Self.swapOperator(random.pick(corpus), &random)
            } else if round % 2 == 0 {
                source = Self.mutate(random.pick(corpus), &random)
            } else {
                source = (0..<(1 + random.below(25))).map { _ in random.pick(Self.fragments) }.joined(separator: random.below(2) == 0 ? " " : "")
            }
            do {
                let program = try (round % 5 == 0 ? unchecked : environment).compile(source)
                compiled += 1
                let plain: Result<CELValue, CELError>
                do { plain = .success(try program.evaluate(testBindings)) } catch { plain = .failure(error) }
                // Tracked, the same result (NaN aside, which equals nothing), recorded for the whole.
                let state = program.tracking().evaluate(testBindings)
                if case .success(let value) = plain, value != value { continue }
                #expect(state.result == plain, "\(source.debugDescription)")
                #expect(state.root.evaluations == 1, "\(source.debugDescription)")
            } catch {
                rejected += 1
                #expect(!error.diagnostics.isEmpty, "no diagnostic for \(source.debugDescription)")
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.location != nil && !diagnostic.message.isEmpty, "\(source.debugDescription)")
                }
            }
        }
        #expect(compiled + rejected == 10_000)
        #expect(compiled > 1500 && rejected > 5000, "compiled \(compiled), rejected \(rejected)")
    }
}

extension Array {
    func shuffledDeterministically(_ random: inout FuzzTests.Generator) -> [Element] {
        var copy = self
        for index in copy.indices.reversed() where index > 0 {
            copy.swapAt(index, random.below(index + 1))
        }
        return copy
    }
}
