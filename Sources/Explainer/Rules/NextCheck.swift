/// The items of the help article's checklist that "What to check next" adds when the
/// log does not explain everything. A rule whose advice already asks for one says so
/// with `checks:` (a key, not a phrase of its advice), and the list does not ask twice.
public enum NextCheck: String, Sendable, CaseIterable {
    /// Read the ten most recent entries.
    case recentEntries = "recent-entries"
    /// Cross-check the creatives still in production.
    case inProduction = "in-production"
    /// Cross-check the billing cycle date.
    case billingDate = "billing-date"
    /// Cross-check the auto reload setting.
    case autoReload = "auto-reload"
}
