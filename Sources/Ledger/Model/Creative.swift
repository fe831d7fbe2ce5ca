import Diagnostics
import Foundation

/// Whether a creative's video has been delivered.
public enum CreativeStatus: String, Sendable {
    case inFlight = "in_flight"
    case delivered
}

/// A submitted creative: what its showcase deposit was computed from, and what was delivered.
public struct Creative: Sendable, Identifiable {
    /// Unique within the snapshot, such as `cr-77`.
    public let id: String
    /// Its title; empty when the snapshot gives none.
    public let title: String
    /// When it was submitted, if known.
    public let submittedAt: Date?
    /// In flight or delivered. When the snapshot omits it: delivered if it gives
    /// `delivered_at` or `delivered_seconds`, else in flight.
    public let status: CreativeStatus
    /// When it was delivered, if it was.
    public let deliveredAt: Date?
    /// Requested showcase clip lengths in whole seconds (fractions in the input are
    /// rounded up, as the pricing does); empty when the creative has no showcase.
    public let clips: [Int]
    /// Showcase seconds actually delivered, once known.
    public let deliveredSeconds: Int?
    /// Where the creative was written.
    public let location: SourceLocation

    /// Makes a creative; readers and tests use it.
    public init(id: String, title: String = "", submittedAt: Date? = nil, status: CreativeStatus = .inFlight,
                deliveredAt: Date? = nil, clips: [Int] = [], deliveredSeconds: Int? = nil, location: SourceLocation) {
        self.id = id
        self.title = title
        self.submittedAt = submittedAt
        self.status = status
        self.deliveredAt = deliveredAt
        self.clips = clips
        self.deliveredSeconds = deliveredSeconds
        self.location = location
    }
}
