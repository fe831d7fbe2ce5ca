import Foundation

/// Slows down password guessing: after `perAgent` failed sign-ins for one agent name,
/// or `perAddress` from one address, within `window`, further attempts for that name
/// or from that address are refused until the oldest failure ages out. Kept in memory:
/// a restart forgets it, which costs an attacker a restart they cannot cause.
public actor SignInLimiter {
    public let perAgent: Int
    public let perAddress: Int
    public let window: TimeInterval
    /// Failure times by key (`agent:NAME`, `address:IP`), oldest first.
    private var failures: [String: [Date]] = [:]
    /// Keys kept at most, so that a flood of made-up names cannot grow memory without bound.
    private let maxKeys = 10_000

    public init(perAgent: Int = 5, perAddress: Int = 20, window: TimeInterval = 15 * 60) {
        self.perAgent = perAgent
        self.perAddress = perAddress
        self.window = window
    }

    /// Seconds to wait before the next attempt for `agent` from `address`; nil when it may go ahead.
    public func retryAfter(agent: String, address: String, now: Date = Date()) -> Int? {
        let waits = [(key("agent", agent), perAgent), (key("address", address), perAddress)].compactMap { key, limit -> TimeInterval? in
            let recent = recentFailures(key, now: now)
            guard recent.count >= limit else { return nil }
            return recent[recent.count - limit].addingTimeInterval(window).timeIntervalSince(now)
        }
        return waits.max().map { max(1, Int($0.rounded(.up))) }
    }

    /// Counts a failed attempt.
    public func recordFailure(agent: String, address: String, now: Date = Date()) {
        if failures.count >= maxKeys { prune(now: now) }
        if failures.count >= maxKeys { failures.removeAll() }
        for key in [key("agent", agent), key("address", address)] {
            failures[key] = recentFailures(key, now: now) + [now]
        }
    }

    /// Forgets the agent's failures after a successful sign-in (the address's stay).
    public func recordSuccess(agent: String) {
        failures[key("agent", agent)] = nil
    }

    private func key(_ kind: String, _ value: String) -> String { "\(kind):\(value.lowercased())" }

    private func recentFailures(_ key: String, now: Date) -> [Date] {
        (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
    }

    private func prune(now: Date) {
        failures = failures.compactMapValues { times in
            let recent = times.filter { now.timeIntervalSince($0) < window }
            return recent.isEmpty ? nil : recent
        }
    }
}
