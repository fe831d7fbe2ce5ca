import Foundation

/// A generated client with a long history: routine submissions reconciled a day
/// later, image re-rolls, top-ups and monthly renewals spread over five years, and
/// in the last days six causes of a difference: a renewal, the unused plan tokens
/// it expired, and four submissions still in production.
enum LargeSnapshot {
    /// A small deterministic generator (LCG), so every run measures the same input.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// The snapshot's JSON text; `delta`, the difference its six causes make without the
    /// expiry (which only the replay knows); `renewal`, the id of the renewal among them.
    /// `quietDays`: how many days before now the routine activity stops (40: the window holds
    /// little besides the six causes; 3: a busy window of about two thousand entries).
    static func generate(entries total: Int, creatives creativeCount: Int, quietDays: Int = 40) -> (text: String, delta: Int, renewal: String) {
        var random = Random(state: 42)
        let now = 1_795_532_400 // 2026-11-24T15:00:00Z
        let start = now - 5 * 365 * 86_400
        var lines: [String] = []
        var creatives: [String] = []
        var delta = 0
        let formatter = ISO8601DateFormatter()
        func iso(_ t: Int) -> String { formatter.string(from: Date(timeIntervalSince1970: Double(t))) }
        var id = 0
        var renewal = ""
        func entry(_ t: Int, _ type: String, _ amount: Int, creative: String? = nil) {
            id += 1
            let creativePart = creative.map { ", \"creative\": \"\($0)\"" } ?? ""
            lines.append("{\"id\": \"e-\(id)\", \"at\": \"\(iso(t))\", \"type\": \"\(type)\", \"amount\": \(amount)\(creativePart)}")
        }
        // Monthly renewals on the 15th (30-day steps are close enough for a benchmark).
        for t in stride(from: start + 86_400, to: now - 40 * 86_400, by: 30 * 86_400) { entry(t, "plan_allocation", 325) }
        entry(now - 33 * 86_400, "plan_allocation", 325)
        // The renewal three days ago is two of the six causes: +325, and the unused plan tokens it expired.
        entry(now - 3 * 86_400, "plan_allocation", 325)
        renewal = "e-\(id)"
        delta += 325
        // Routine creatives: submission, delivery, refund of unused seconds a day later.
        let routine = creativeCount - 6
        for index in 0..<routine {
            let t = start + 2 * 86_400 + index * ((now - start - (quietDays + 5) * 86_400) / routine)
            let clips = (0..<(1 + random.next(6))).map { _ in 4 + random.next(9) }
            let deposit = clips.reduce(0, +)
            let delivered = deposit - random.next(4)
            let title = "Routine post \(index)"
            creatives.append("{\"id\": \"cr-\(index)\", \"title\": \"\(title)\", \"submitted_at\": \"\(iso(t))\", \"status\": \"delivered\", \"delivered_at\": \"\(iso(t + 86_400))\", \"clips\": \(clips), \"delivered_seconds\": \(delivered)}")
            entry(t, "submission", -(40 + deposit), creative: "cr-\(index)")
            if deposit > delivered { entry(t + 86_400, "submission_refund", deposit - delivered, creative: "cr-\(index)") }
        }
        // The last month: two routine submissions, the renewal three days ago, then four
        // submissions still in production.
        for (k, clips) in [[10, 10], [10, 10, 10]].enumerated() {
            let t = now - (20 - 8 * k) * 86_400
            creatives.append("{\"id\": \"cr-tail-\(k)\", \"title\": \"Routine post tail \(k)\", \"submitted_at\": \"\(iso(t))\", \"status\": \"delivered\", \"delivered_at\": \"\(iso(t + 86_400))\", \"clips\": \(clips), \"delivered_seconds\": \(clips.reduce(0, +))}")
            entry(t, "submission", -(40 + clips.reduce(0, +)), creative: "cr-tail-\(k)")
        }
        for k in 0..<4 {
            let t = now - 2 * 86_400 + k * 7200
            let clips = [[8, 8, 8, 8, 8, 8], [12, 12, 12, 12, 12], [7, 7, 7], [11, 11, 11]][k]
            let cost = 40 + clips.reduce(0, +)
            creatives.append("{\"id\": \"cr-new-\(k)\", \"title\": \"New campaign \(k)\", \"submitted_at\": \"\(iso(t))\", \"status\": \"in_flight\", \"clips\": \(clips)}")
            entry(t, "submission", -cost, creative: "cr-new-\(k)")
            delta -= cost
        }
        // Image re-rolls and top-ups fill the log up to `total` entries.
        var t = start + 3 * 86_400
        let fill = total - lines.count
        for index in 0..<fill {
            t = start + 3 * 86_400 + Int(Double(index) * Double(now - start - quietDays * 86_400) / Double(fill))
            if index % 20 == 0 { entry(t, "manual_top_up", 200) } else { entry(t, "image_generation", -2) }
        }
        let text = """
            {"snapshot_version": 1, "generated_at": "\(iso(now))",
             "client": {"id": "bench", "name": "Bench Client", "timezone": "America/Chicago", "plan": "growth",
                        "billing_anchor": "2021-11-25", "balance": 0},
             "opening": {"plan_tokens": 0, "rollover_tokens": 100000},
             "entries": [\(lines.joined(separator: ",\n"))],
             "creatives": [\(creatives.joined(separator: ",\n"))]}
            """
        return (text, delta, renewal)
    }
}
