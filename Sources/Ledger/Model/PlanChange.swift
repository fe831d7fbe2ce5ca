import Diagnostics
import Foundation

/// A mid-cycle change of plan.
public struct PlanChange: Sendable {
    public let at: Date
    public let from: String
    public let to: String
    public let location: SourceLocation

    public init(at: Date, from: String, to: String, location: SourceLocation) {
        self.at = at
        self.from = from
        self.to = to
        self.location = location
    }
}
