import BuiltinRules
import Diagnostics
import Ledger
import Testing

@Test func builtinPolicyHoldsTheArticlesNumbers() {
    let policy = builtinPolicy
    #expect(policy.submissionBase == 40)
    #expect(policy.showcasePerSecond == 1)
    #expect(policy.clipMinSeconds == 4 && policy.clipMaxSeconds == 12)
    #expect(policy.plans == ["starter": 150, "growth": 325, "scale": 575])
    #expect(policy.reloadDefault == 50 && policy.pageSize == 25)
    #expect(policy.deductionOrder == [.plan, .rollover])
    #expect(policy.imagesPerBatch == 9 && policy.rerollCost == 2 && policy.refundGraceHours == 48)
}

@Test(arguments: [
    ([8, 8, 8, 8, 8, 8], 48, 88),   // the article's example: 6 clips of 8 s
    ([2, 15], 16, 56),              // clamped to 4 and 12
    ([], 0, 40),                    // no showcase
    ([4, 12], 16, 56),
])
func showcaseArithmetic(clips: [Int], deposit: Int, cost: Int) {
    #expect(builtinPolicy.showcaseDeposit(clips: clips) == deposit)
    #expect(builtinPolicy.submissionCost(clips: clips) == cost)
}

/// One broken policy file and the messages expected, all at the marker.
struct PolicyErrorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let replace: String
    let with: String
    let messages: [String]

    init(name: String, replace: String, with: String, message: String...) {
        self.name = name
        self.replace = replace
        self.with = with
        self.messages = message
    }

    var testDescription: String { name }
}

@Test(arguments: [
    PolicyErrorCase(name: "negative price", replace: "base: 40", with: "base: 1️⃣-40", message: "base must be at least 0, got -40"),
    PolicyErrorCase(name: "price not whole", replace: "base: 40", with: "base: 1️⃣40.5", message: "base must be a whole number, got '40.5'"),
    PolicyErrorCase(name: "typo", replace: "  page_size: 25", with: "  1️⃣page_sise: 25",
                    message: "unknown key 'page_sise' in credits_page (did you mean 'page_size'? allowed: page_size)",
                    "missing required key 'page_size' in credits_page"),
    PolicyErrorCase(name: "missing key", replace: "credits_page:\n  page_size: 25", with: "credits_page: 1️⃣{}",
                    message: "missing required key 'page_size' in credits_page"),
    PolicyErrorCase(name: "unknown bucket", replace: "[plan_tokens, rollover_tokens]", with: "[plan_tokens, 1️⃣rolled_tokens]",
                    message: "unknown bucket 'rolled_tokens' in deduction_order (allowed: plan_tokens, rollover_tokens)"),
    PolicyErrorCase(name: "bucket twice", replace: "[plan_tokens, rollover_tokens]", with: "[plan_tokens, 1️⃣plan_tokens]",
                    message: "bucket 'plan_tokens' is listed twice in deduction_order"),
    PolicyErrorCase(name: "plan not a number", replace: "growth: 325", with: "growth: 1️⃣lots",
                    message: "the allocation of plan 'growth' must be a whole number of tokens, got 'lots'"),
    PolicyErrorCase(name: "clamp bounds reversed", replace: "max: 12", with: "max: 1️⃣3",
                    message: "clip_seconds max 3 is below min 4"),
    PolicyErrorCase(name: "section not a mapping", replace: "submission:\n  base: 40", with: "submission: 1️⃣40",
                    message: "submission must be a mapping, got a value"),
    PolicyErrorCase(name: "version", replace: "version: 1", with: "version: 1️⃣2",
                    message: "unsupported policy version 2 (this tool reads version 1)"),
])
func badPolicyIsRefused(_ c: PolicyErrorCase) {
    let text = BuiltinRules.text(of: "policy.yaml") ?? ""
    #expect(text.contains(c.replace))
    let marked = Marked(text.replacingOccurrences(of: c.replace, with: c.with))
    do {
        _ = try Policy.load(text: marked.text, name: "Rules/policy.yaml")
        Issue.record("the policy was accepted")
    } catch {
        #expect(error.diagnostics.map(\.description) == c.messages.map { marked.diagnostic($0, file: "Rules/policy.yaml") })
    }
}
