// Fuzz targets for libFuzzer, and a runner that replays inputs through them.
//
// `scripts/fuzz TARGET SECONDS` builds this program with `-sanitize=fuzzer,address`
// and links it with libFuzzer's `main`, which calls `LLVMFuzzerTestOneInput` below
// for each input it makes up; `CREDITS_FUZZ_TARGET` says which target runs.
// Built normally (as `swift build` does), `fuzz TARGET FILE...` runs the files
// through the target instead: how a crash that libFuzzer found is replayed.
#if canImport(Glibc)
import Glibc
#endif

/// The targets by name; each takes the raw bytes libFuzzer made up.
let fuzzTargets: [String: @Sendable ([UInt8]) -> Void] = [
    "snapshot": FuzzTargets.snapshot,
    "cel": FuzzTargets.cel,
    "rules": FuzzTargets.rules,
    "explain": FuzzTargets.explain,
]

/// libFuzzer's entry point: one input, through the target `CREDITS_FUZZ_TARGET` names.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget(getenv("CREDITS_FUZZ_TARGET").map { String(cString: $0) })(bytes)
    return 0
}

func selectedTarget(_ name: String?) -> @Sendable ([UInt8]) -> Void {
    guard let name, let target = fuzzTargets[name] else {
        let names = fuzzTargets.keys.sorted().joined(separator: ", ")
        printError("fuzz: set CREDITS_FUZZ_TARGET to one of \(names)")
        exit(2)
    }
    return target
}

/// `fuzz TARGET FILE...`: each file through the target, as libFuzzer would pass it.
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first else {
            printError("usage: fuzz TARGET FILE... (targets: \(fuzzTargets.keys.sorted().joined(separator: ", ")))")
            exit(2)
        }
        let target = selectedTarget(name)
        for path in arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                printError("fuzz: cannot read \(path)")
                exit(2)
            }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = fread(&buffer, 1, buffer.count, file)
                if count <= 0 { break }
                bytes += buffer[..<count]
            }
            fclose(file)
            target(bytes)
            print("\(path): ran")
        }
    }
}

func printError(_ line: String) {
    let text = line + "\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
}
