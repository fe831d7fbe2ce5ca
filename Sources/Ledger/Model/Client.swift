import Diagnostics
import Foundation

/// Whether auto reload is on, and how many tokens one reload buys.
public struct AutoReload: Sendable {
    public let enabled: Bool
    /// The client's reload amount; nil means the policy's default.
    public let amount: Int?

    public init(enabled: Bool = false, amount: Int? = nil) {
        self.enabled = enabled
        self.amount = amount
    }
}

/// The client whose balance is in question, as the snapshot describes it now.
public struct Client: Sendable {
    public let id: String
    public let name: String
    /// The zone its times are shown in (`timezone`; UTC when the snapshot gives none).
    public let timeZone: TimeZone
    /// True when the snapshot named the zone (`--tz`, else this, else UTC).
    public let hasTimeZone: Bool
    /// A plan named in the policy: `starter`, `growth`, `scale`.
    public let plan: String
    /// The first billing day; the plan renews on that day of each month.
    public let billingAnchor: BillingDay
    public let autoReload: AutoReload
    /// The balance the credits page shows now.
    public let balance: Int
    /// The outstanding token balance to settle later.
    public let outstanding: Int
    /// Where the client was written.
    public let location: SourceLocation

    public init(id: String, name: String, timeZone: TimeZone, hasTimeZone: Bool = true, plan: String,
                billingAnchor: BillingDay, autoReload: AutoReload = AutoReload(), balance: Int, outstanding: Int = 0,
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.hasTimeZone = hasTimeZone
        self.plan = plan
        self.billingAnchor = billingAnchor
        self.autoReload = autoReload
        self.balance = balance
        self.outstanding = outstanding
        self.location = location
    }

    /// The renewal calendar of this client's plan, in its zone.
    public var billingCycle: BillingCycle {
        BillingCycle(anchor: billingAnchor, timeZone: timeZone)
    }
}
