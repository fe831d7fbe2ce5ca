import CEL
import Testing

/// Random and mutated expressions using the extensions (bindings, strings, math), with indexes and
/// counts at and past every edge: each must compile or give located diagnostics, and evaluate to a
/// value or an error, never crash.
struct ExtensionFuzzTests {
    static let seeds = [
        "cel.bind(a, name.split('b'), cel.bind(a, a.join('-'), a.upperAscii() + a))",
        "'ta©o😀'.substring(1, 3).charAt(1) + 'x'.reverse() + strings.quote('\\a\"')",
        "'hello'.indexOf('l', 2) + 'hello'.lastIndexOf('l', 9) + ''.indexOf('', -1)",
        "'a,b,,c'.split(',', 3).map(s, s.trim().lowerAscii()).join(';').replace('', '|', 4)",
        "math.greatest(1, 2u, -3.5) == math.least([x, 2, 3]) || math.abs(-9223372036854775807) > 0",
        "math.sign(math.round(-2.5)) + math.ceil(1.1) + math.floor(-0.0) - math.trunc(1e300)",
        "math.isNaN(0.0/0.0) && !math.isInf(1.0) && math.isFinite(-1.0/0.0) == false",
        "entries.map(e, cel.bind(v, e.amount, math.abs(v))).exists(w, w == math.greatest(entries.map(e, e.amount)))",
        "'%s %d %.3f %e %b %x %X %o %%'.format([[1, {'k': 2.5}], 7, 1.25, 12345, 5, 'hi', 255u, 8])",
        "(name + '%.2f %s').format([x, d]) + '%s'.format([timestamp('2024-01-02T03:04:05Z')])",
        "math.bitShiftLeft(math.bitAnd(x, 7), 3) + math.bitShiftRight(-1, 60) + math.bitNot(math.bitXor(1, 2)) + int(math.sqrt(2))",
    ]

    static let fragments = [
        "cel.bind(", "math.greatest(", "math.least(", "math.abs(", ".charAt(", ".substring(", ".indexOf(", ".lastIndexOf(",
        ".split(", ".join(", ".format(", ".replace(", ".trim()", ".reverse()", "strings.quote(", "-1", "9223372036854775807",
        "-9223372036854775808", "18446744073709551615u", "''", "'é'", "[]", "0.0/0.0", ",", ")", "a", "(", "[1, 2.5, 3u]",
    ]

    @Test(.timeLimit(.minutes(2)))
    func extensionExpressionsNeverCrash() {
        var random = FuzzTests.Generator(state: 2_026_112_514)
        var environment = testEnvironment()
        environment.extensions = [.bindings, .strings, .math]
        environment.costLimit = 20_000
        var unchecked = environment
        unchecked.checksTypes = false
        var compiled = 0
        for round in 0..<3_000 {
            var source = random.pick(Self.seeds)
            if round % 2 == 0 {
                // Keep the grammar, move the numbers: indexes and counts at and past every edge.
                source = Self.replacingNumbers(in: source, &random)
            } else {
                source = Self.mangle(source, &random)
            }
            do {

                let program = try (round % 3 == 0 ? unchecked : environment).compile(source)
                compiled += 1
                _ = try? program.evaluate(testBindings)
            } catch {
                #expect(!error.diagnostics.isEmpty && error.diagnostics.allSatisfy { $0.location != nil }, "\(source.debugDescription)")
            }
        }
        #expect(compiled > 1_000, "compiled \(compiled)")
    }

    static func mangle(_ text: String, _ random: inout FuzzTests.Generator) -> String {
        var source = text
        for _ in 0..<(1 + random.below(3)) {
            if random.below(2) == 0 {
                source = FuzzTests.mutate(source, &random)
            } else {
                let position = source.index(source.startIndex, offsetBy: random.below(source.count + 1))
                source.insert(contentsOf: random.pick(fragments), at: position)
            }
        }
        return source
    }

    /// Every run of digits replaced by a number near an edge.
    static func replacingNumbers(in text: String, _ random: inout FuzzTests.Generator) -> String {
        let edges = ["0", "1", "2", "3", "5", "7", "100", "9223372036854775807", "9223372036854775806"]
        var result = ""
        var inDigits = false
        for character in text {
            if character.isASCII, character.isNumber {
                if !inDigits { result += random.pick(edges) }
                inDigits = true
            } else {
                inDigits = false
                result.append(character)
            }
        }
        return result
    }
}
