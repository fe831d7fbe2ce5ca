import Foundation
import Ledger

/// Writes a large, realistic, deterministic snapshot (a busy agency client over
/// several years) in YAML and in JSON, for the benchmark.
struct SnapshotGenerator {
    let entryCount: Int
    let creativeCount: Int
    let seed: UInt64

    /// A generated entry, before it is written in either format.
    struct Entry {
        let id: String
        let at: String
        let type: String
        let amount: Int
        let creative: String?
        let note: String?
    }

    /// A generated creative.
    struct Creative {
        let id: String
        let title: String
        let submittedAt: String
        let deliveredAt: String?
        let clips: [Int]
        let deliveredSeconds: Int?
    }

    /// The whole log and its creatives.
    func generate() -> (entries: [Entry], creatives: [Creative]) {
        var random = SplitMix64(seed: seed)
        let start = 1_667_282_400   // 2022-11-01T06:00:00Z: the log opens then
        let secondsPerEntry = 1_200  // 100,000 entries span about 3.8 years
        var entries: [Entry] = []
        var creatives: [Creative] = []
        entries.reserveCapacity(entryCount)
        var time = start
        var nextRenewal = start
        // Every creative has a submission; a share of the remaining entries are their
        // reconciliations, the rest renewals, image generation, top-ups and reloads.
        let submissionEvery = max(1, entryCount / creativeCount)
        while entries.count < entryCount {
            let index = entries.count
            let id = "e-\(index + 1)"
            let at = SnapshotGenerator.timestamp(time)
            if time >= nextRenewal {
                entries.append(Entry(id: id, at: at, type: "plan_allocation", amount: 325, creative: nil, note: nil))
                nextRenewal += 30 * 86_400
            } else if creatives.count < creativeCount && creatives.count * submissionEvery <= index {
                let clips = (0..<Int(random.next() % 7)).map { _ in 3 + Int(random.next() % 12) }
                let deposit = clips.reduce(0) { $0 + min(max($1, 4), 12) }
                let creativeID = "cr-\(creatives.count + 1)"
                let delivered = random.next() % 10 < 8
                let deliveredSeconds = delivered && !clips.isEmpty ? max(0, deposit - 6 + Int(random.next() % 9)) : nil
                creatives.append(Creative(id: creativeID, title: "Creative \(creatives.count + 1)", submittedAt: at,
                                          deliveredAt: delivered ? SnapshotGenerator.timestamp(time + 86_400) : nil,
                                          clips: clips, deliveredSeconds: deliveredSeconds))
                entries.append(Entry(id: id, at: at, type: index % 3 == 0 ? "Submission" : "submission",
                                     amount: -(40 + deposit), creative: creativeID, note: nil))
            } else {
                switch random.next() % 10 {
                case 0, 1, 2, 3:
                    entries.append(Entry(id: id, at: at, type: "image_generation", amount: -2, creative: nil, note: nil))
                case 4:
                    entries.append(Entry(id: id, at: at, type: "Manual top up", amount: 100, creative: nil, note: nil))
                case 5, 6:
                    entries.append(Entry(id: id, at: at, type: "auto_reload", amount: 50, creative: nil, note: nil))
                case 7:
                    let creative = creatives.isEmpty ? nil : "cr-\(1 + Int(random.next() % UInt64(creatives.count)))"
                    entries.append(Entry(id: id, at: at, type: creative == nil ? "admin_adjustment" : "submission_refund",
                                         amount: 1 + Int(random.next() % 6), creative: creative, note: nil))
                case 8:
                    entries.append(Entry(id: id, at: at, type: "admin_adjustment", amount: 10,
                                         creative: nil, note: "Compensation for a delivery miss, ticket \(index)"))
                default:
                    let creative = creatives.isEmpty ? nil : "cr-\(1 + Int(random.next() % UInt64(creatives.count)))"
                    entries.append(Entry(id: id, at: at, type: creative == nil ? "image_generation" : "showcase_overage",
                                         amount: -(1 + Int(random.next() % 3)), creative: creative, note: nil))
                }
            }
            time += secondsPerEntry / 2 + Int(random.next() % UInt64(secondsPerEntry))
        }
        // Logs are not always in order: swap one pair in a hundred, so that the replay sorts.
        for index in stride(from: 50, to: entries.count - 1, by: 100) { entries.swapAt(index, index + 1) }
        return (entries, creatives)
    }

    /// The snapshot as YAML (block style, as a person or an export would write it).
    func yaml(_ entries: [Entry], _ creatives: [Creative]) -> String {
        var text = header(yaml: true)
        text += "entries:\n"
        for entry in entries {
            text += "  - id: \(entry.id)\n    at: \(entry.at)\n    type: \(entry.type)\n    amount: \(entry.amount)\n"
            if let creative = entry.creative { text += "    creative: \(creative)\n" }
            if let note = entry.note { text += "    note: \"\(note)\"\n" }
        }
        text += "creatives:\n"
        for creative in creatives {
            text += "  - id: \(creative.id)\n    title: \(creative.title)\n    submitted_at: \(creative.submittedAt)\n"
            text += "    status: \(creative.deliveredAt == nil ? "in_flight" : "delivered")\n"
            if let deliveredAt = creative.deliveredAt { text += "    delivered_at: \(deliveredAt)\n" }
            text += "    clips: [\(creative.clips.map(String.init).joined(separator: ", "))]\n"
            if let seconds = creative.deliveredSeconds { text += "    delivered_seconds: \(seconds)\n" }
        }
        return text
    }

    /// The snapshot as JSON, one entry or creative a line.
    func json(_ entries: [Entry], _ creatives: [Creative]) -> String {
        var text = header(yaml: false)
        text += "  \"entries\": [\n"
        for (index, entry) in entries.enumerated() {
            text += "    {\"id\": \"\(entry.id)\", \"at\": \"\(entry.at)\", \"type\": \"\(entry.type)\", \"amount\": \(entry.amount)"
            if let creative = entry.creative { text += ", \"creative\": \"\(creative)\"" }
            if let note = entry.note { text += ", \"note\": \"\(note)\"" }
            text += index < entries.count - 1 ? "},\n" : "}\n"
        }
        text += "  ],\n  \"creatives\": [\n"
        for (index, creative) in creatives.enumerated() {
            text += "    {\"id\": \"\(creative.id)\", \"title\": \"\(creative.title)\", \"submitted_at\": \"\(creative.submittedAt)\""
            text += ", \"status\": \"\(creative.deliveredAt == nil ? "in_flight" : "delivered")\""
            if let deliveredAt = creative.deliveredAt { text += ", \"delivered_at\": \"\(deliveredAt)\"" }
            text += ", \"clips\": [\(creative.clips.map(String.init).joined(separator: ", "))]"
            if let seconds = creative.deliveredSeconds { text += ", \"delivered_seconds\": \(seconds)" }
            text += index < creatives.count - 1 ? "},\n" : "}\n"
        }
        return text + "  ]\n}\n"
    }

    private func header(yaml: Bool) -> String {
        if yaml {
            return """
                snapshot_version: 1
                generated_at: 2026-11-24T15:00:00Z
                account: { id: northwind, name: Northwind Media }
                client:
                  id: bench
                  name: Benchmark Bakery
                  timezone: America/Chicago
                  plan: growth
                  billing_anchor: 2022-11-01
                  auto_reload: { enabled: true, amount: 50 }
                  balance: 0
                opening: { plan_tokens: 0, rollover_tokens: 500 }

                """
        }
        return """
            {
              "snapshot_version": 1,
              "generated_at": "2026-11-24T15:00:00Z",
              "account": {"id": "northwind", "name": "Northwind Media"},
              "client": {"id": "bench", "name": "Benchmark Bakery", "timezone": "America/Chicago", "plan": "growth",
                         "billing_anchor": "2022-11-01", "auto_reload": {"enabled": true, "amount": 50}, "balance": 0},
              "opening": {"plan_tokens": 0, "rollover_tokens": 500},

            """
    }

    /// `2022-11-01T00:00:00-06:00` for seconds since 1970, at a fixed offset.
    static func timestamp(_ seconds: Int) -> String {
        ISOTimestamp.format(Date(timeIntervalSince1970: Double(seconds)), offsetSeconds: -6 * 3600)
    }
}

/// A small, fast, seedable generator, so that the benchmark input is the same every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
