import Diagnostics
import Foundation

/// Prices and ledger policy (SPEC section 2), read from `Rules/policy.yaml`:
/// no price is written in Swift code.
public struct Policy: Sendable {
    /// Tokens every creative submission costs before its showcase deposit.
    public let submissionBase: Int
    /// Showcase deposit per (rounded up, clamped) second of each clip.
    public let showcasePerSecond: Int
    /// Bounds each clip's seconds are clamped to.
    public let clipMinSeconds: Int
    public let clipMaxSeconds: Int
    /// Tokens allocated at each billing anniversary, by plan name.
    public let plans: [String: Int]
    /// Tokens one auto reload buys when the client sets no amount.
    public let reloadDefault: Int
    /// Entries a credits page shows.
    public let pageSize: Int
    /// Which bucket a deduction takes from first.
    public let deductionOrder: [Bucket]
    /// Images one generation batch makes.
    public let imagesPerBatch: Int
    /// Tokens one image re-roll costs.
    public let rerollCost: Int
    /// Hours after delivery a refund for short showcase seconds is expected to land by.
    public let refundGraceHours: Int

    /// Makes a policy directly (tests); `load` is the normal way.
    public init(submissionBase: Int, showcasePerSecond: Int, clipMinSeconds: Int, clipMaxSeconds: Int,
                plans: [String: Int], reloadDefault: Int, pageSize: Int, deductionOrder: [Bucket],
                imagesPerBatch: Int, rerollCost: Int, refundGraceHours: Int) {
        self.submissionBase = submissionBase
        self.showcasePerSecond = showcasePerSecond
        self.clipMinSeconds = clipMinSeconds
        self.clipMaxSeconds = clipMaxSeconds
        self.plans = plans
        self.reloadDefault = reloadDefault
        self.pageSize = pageSize
        self.deductionOrder = deductionOrder
        self.imagesPerBatch = imagesPerBatch
        self.rerollCost = rerollCost
        self.refundGraceHours = refundGraceHours
    }

    /// A clip's billed seconds: clamped to `clipMinSeconds...clipMaxSeconds` (the
    /// reader has already rounded fractions up).
    public func clampedSeconds(_ clip: Int) -> Int {
        min(max(clip, clipMinSeconds), clipMaxSeconds)
    }

    /// The Product Showcase deposit for a creative's clips: per second of each clamped clip.
    public func showcaseDeposit(clips: [Int]) -> Int {
        clips.reduce(0) { $0 + clampedSeconds($1) * showcasePerSecond }
    }

    /// What submitting a creative with these clips costs: the base plus the deposit.
    public func submissionCost(clips: [Int]) -> Int {
        submissionBase + showcaseDeposit(clips: clips)
    }

    /// The allocation of a plan, if the policy names it.
    public func allocation(plan: String) -> Int? {
        plans[plan]
    }

    /// The plan names, sorted: for messages.
    public var planNames: [String] {
        plans.keys.sorted()
    }

    /// Reads and validates a policy file; every problem is reported with file:line:column.
    public static func load(text: String, name: String) throws(DiagnosticsError) -> Policy {
        let source = SourceFile(name: name, text: text)
        guard let document = try YAMLDocument.parse(source) else {
            throw DiagnosticsError([source.diagnostic("the policy file is empty", at: SourceLocation(file: name, line: 1, column: 1))])
        }
        var decoder = PolicyDecoder(reader: DocumentReader(source: source, document: document))
        return try decoder.decode(document.root)
    }
}
