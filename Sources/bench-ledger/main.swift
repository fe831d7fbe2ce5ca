// bench-ledger: how long reading and replaying a large snapshot takes.
//
//   bench-ledger generate DIR   writes DIR/bench-100k.yaml and DIR/bench-100k.json
//                               (100,000 entries, 10,000 creatives, fixed seed)
//   bench-ledger measure FILE   reads FILE (parse + validate) and replays it, and
//                               prints the figures; run it under /usr/bin/time -v
//                               for peak memory (scripts/bench-ledger.sh does).
import BuiltinRules
import Foundation
import Ledger

let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first, arguments.count == 2, let target = arguments.last else {
    print("usage: bench-ledger generate DIR | bench-ledger measure FILE")
    exit(2)
}

switch command {
case "generate":
    let generator = SnapshotGenerator(entryCount: 100_000, creativeCount: 10_000, seed: 20_261_124)
    let (entries, creatives) = generator.generate()
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    for (name, text) in [("bench-100k.yaml", generator.yaml(entries, creatives)), ("bench-100k.json", generator.json(entries, creatives))] {
        let path = (target as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        print("wrote \(path): \(entries.count) entries, \(creatives.count) creatives, \(text.utf8.count / 1024) KiB")
    }

case "measure":
    let policy = try Policy.load(text: BuiltinRules.text(of: "policy.yaml") ?? "", name: "Rules/policy.yaml")
    let clock = ContinuousClock()
    let readStart = clock.now
    let text = try String(contentsOfFile: target, encoding: .utf8)
    let readFile = clock.now - readStart
    // Best of three, in CPU time of this thread (the machine is shared): the first
    // run pays for page faults and allocator growth.
    var best: (lines: Double, parse: Double, decode: Double, release: Double, replay: Double, snapshot: Snapshot?) =
        (.infinity, .infinity, .infinity, .infinity, .infinity, nil)
    for _ in 0..<3 {
        let timings = try SnapshotReader.measure(text: text, name: target, policy: policy)
        let replayStart = threadCPUSeconds()
        let replay = Replay.run(timings.snapshot, policy: policy)
        let replayTime = threadCPUSeconds() - replayStart
        precondition(replay.rows.count >= timings.snapshot.entries.count)
        best.lines = min(best.lines, timings.lineTableSeconds)
        best.parse = min(best.parse, timings.parseSeconds)
        best.decode = min(best.decode, timings.decodeSeconds)
        best.release = min(best.release, timings.releaseSeconds)
        best.replay = min(best.replay, replayTime)
        best.snapshot = timings.snapshot
    }
    let snapshot = best.snapshot!
    let load = best.lines + best.parse + best.decode + best.release
    func ms(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }
    print("file:    \(target) (\(text.utf8.count / 1024) KiB, read in \(ms(Double(readFile.components.attoseconds) / 1e18)))")
    print("entries: \(snapshot.entries.count), creatives: \(snapshot.creatives.count)")
    print("lines:   \(ms(best.lines))   (line table of the text, Diagnostics.SourceFile)")
    print("parse:   \(ms(best.parse))   (text to document tree: the YAML/JSON parser)")
    print("decode:  \(ms(best.decode))   (tree to a checked snapshot: our code, \(String(format: "%.0f", 100 * best.decode / load))% of load)")
    print("release: \(ms(best.release))   (freeing the document tree)")
    print("load:    \(ms(load))   (lines + parse + decode + release)")
    print("replay:  \(ms(best.replay))   (\(String(format: "%.2f", 100 * best.replay / load))% of load; target < 5%)")

default:
    print("usage: bench-ledger generate DIR | bench-ledger measure FILE")
    exit(2)
}
