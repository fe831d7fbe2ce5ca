import Diagnostics

/// Turns the document tree of `policy.yaml` into a `Policy`, collecting every problem.
struct PolicyDecoder {
    var reader: DocumentReader

    mutating func decode(_ root: DocumentNode) throws(DiagnosticsError) -> Policy {
        let top = reader.mapping(root, "the policy", allowed: [
            "version", "submission", "showcase", "plans", "auto_reload", "credits_page", "deduction_order",
            "image_generation", "findings",
        ])
        if let version = top?.required("version", &reader), let number = reader.integer(version, "version"), number != 1 {
            reader.error("unsupported policy version \(number) (this tool reads version 1)", at: version)
        }
        let submission = section(top, "submission", allowed: ["base"])
        let base = count(submission, "base", minimum: 0)
        let showcase = section(top, "showcase", allowed: ["tokens_per_second", "clip_seconds"])
        let perSecond = count(showcase, "tokens_per_second", minimum: 0)
        let clipSeconds = section(showcase, "clip_seconds", allowed: ["min", "max"])
        let clipMin = count(clipSeconds, "min", minimum: 1)
        let clipMax = count(clipSeconds, "max", minimum: 1)
        if let clipMin, let clipMax, clipMin > clipMax, let node = clipSeconds?["max"] {
            reader.error("clip_seconds max \(clipMax) is below min \(clipMin)", at: node)
        }
        let plans = planAllocations(top)
        let autoReload = section(top, "auto_reload", allowed: ["default_amount"])
        let reloadDefault = count(autoReload, "default_amount", minimum: 1)
        let page = section(top, "credits_page", allowed: ["page_size"])
        let pageSize = count(page, "page_size", minimum: 1)
        let order = deductionOrder(top)
        let images = section(top, "image_generation", allowed: ["images_per_batch", "reroll_cost"])
        let perBatch = count(images, "images_per_batch", minimum: 1)
        let reroll = count(images, "reroll_cost", minimum: 0)
        let findings = section(top, "findings", allowed: ["refund_grace_hours"])
        let grace = count(findings, "refund_grace_hours", minimum: 0)

        guard reader.diagnostics.isEmpty, let base, let perSecond, let clipMin, let clipMax, let plans,
              let reloadDefault, let pageSize, let order, let perBatch, let reroll, let grace
        else { throw DiagnosticsError(reader.diagnostics) }
        return Policy(submissionBase: base, showcasePerSecond: perSecond, clipMinSeconds: clipMin, clipMaxSeconds: clipMax,
                      plans: plans, reloadDefault: reloadDefault, pageSize: pageSize, deductionOrder: order,
                      imagesPerBatch: perBatch, rerollCost: reroll, refundGraceHours: grace)
    }

    /// A required nested mapping.
    private mutating func section(_ parent: DocumentReader.Fields?, _ key: String, allowed: DocumentReader.KeySet) -> DocumentReader.Fields? {
        guard let parent, let node = parent.required(key, &reader) else { return nil }
        return reader.mapping(node, key, allowed: allowed)
    }

    /// A required whole number of at least `minimum`.
    private mutating func count(_ parent: DocumentReader.Fields?, _ key: String, minimum: Int) -> Int? {
        guard let parent, let node = parent.required(key, &reader), let value = reader.integer(node, key) else { return nil }
        guard value >= minimum else {
            reader.error("\(key) must be at least \(minimum), got \(value)", at: node)
            return nil
        }
        return value
    }

    private mutating func planAllocations(_ top: DocumentReader.Fields?) -> [String: Int]? {
        guard let top, let node = top.required("plans", &reader) else { return nil }
        guard let pairs = reader.pairs(node, "plans must be a mapping of plan names to allocations") else { return nil }
        var plans: [String: Int] = [:]
        for (keyNode, value) in pairs {
            guard let name = reader.string(keyNode, "a plan name") else { continue }
            if plans[name] != nil {
                reader.error("plan '\(name)' is listed twice", at: keyNode)
                continue
            }
            guard let tokens = reader.integer(value, "the allocation of plan '\(name)'", unit: "tokens") else { continue }
            guard tokens >= 0 else {
                reader.error("the allocation of plan '\(name)' must not be negative, got \(tokens)", at: value)
                continue
            }
            plans[name] = tokens
        }
        if plans.isEmpty && pairs.isEmpty { reader.error("plans must name at least one plan", at: node) }
        return plans
    }

    private mutating func deductionOrder(_ top: DocumentReader.Fields?) -> [Bucket]? {
        guard let top, let node = top.required("deduction_order", &reader),
              let elements = reader.sequence(node, "deduction_order")
        else { return nil }
        var order: [Bucket] = []
        for element in elements {
            guard let text = reader.string(element, "a bucket") else { continue }
            guard let bucket = Bucket(rawValue: text) else {
                let names = Bucket.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error("unknown bucket '\(text)' in deduction_order (allowed: \(names))", at: element)
                continue
            }
            if order.contains(bucket) {
                reader.error("bucket '\(text)' is listed twice in deduction_order", at: element)
                continue
            }
            order.append(bucket)
        }
        if Set(order) != Set(Bucket.allCases) && elements.count == order.count {
            let names = Bucket.allCases.map(\.rawValue).joined(separator: " and ")
            reader.error("deduction_order must list both \(names)", at: node)
        }
        return order
    }
}
