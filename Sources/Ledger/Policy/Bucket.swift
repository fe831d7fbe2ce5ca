/// Where a client's tokens sit: plan tokens reset at each renewal; rolled-over tokens stay.
public enum Bucket: String, Sendable, CaseIterable {
    case plan = "plan_tokens"
    case rollover = "rollover_tokens"
}
