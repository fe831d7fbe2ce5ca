import Foundation
@testable import Ledger
import Testing

/// Offsets found once over a span agree with the zone database at every instant asked, and at
/// each side of every transition.
@Test(arguments: [
    ("America/New_York", 1_500_000_000.0, 1_800_000_000.0), ("Europe/Berlin", 1_500_000_000, 1_800_000_000),
    ("Australia/Lord_Howe", 1_600_000_000, 1_700_000_000), ("America/Sao_Paulo", 1_500_000_000, 1_700_000_000),
    ("Asia/Kolkata", 0, 1_800_000_000), ("UTC", -1_000_000_000, 1_800_000_000),
    ("Europe/London", -2_000_000_000, -1_900_000_000), ("Pacific/Apia", 1_300_000_000, 1_330_000_000),
])
func offsetsAgreeWithTheZone(zone identifier: String, from start: Double, to end: Double) throws {
    let zone = try #require(TimeZone(identifier: identifier))
    let span = Date(timeIntervalSince1970: start)...Date(timeIntervalSince1970: end)
    let offsets = ZoneOffsets(zone: zone, span: span)
    var instants = stride(from: start, through: end, by: (end - start) / 997).map(Date.init(timeIntervalSince1970:))
    var after = span.lowerBound
    while let next = zone.nextDaylightSavingTimeTransition(after: after), next <= span.upperBound {
        instants += [next.addingTimeInterval(-1), next, next.addingTimeInterval(1)]
        after = next
    }
    for instant in instants where span.contains(instant) {
        #expect(offsets.offset(at: instant) == zone.secondsFromGMT(for: instant), "\(identifier) at \(instant)")
    }
    #expect(offsets.offset(at: span.lowerBound.addingTimeInterval(-1)) == nil)
    #expect(offsets.offset(at: span.upperBound.addingTimeInterval(1)) == nil)
}

/// A span with more transitions than kept ends at the last one kept; later instants are left
/// to the zone, and a time format covering it still writes them right.
@Test func aVeryLongSpanKeepsItsFirstTransitions() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    let span = Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 1e12)
    let offsets = ZoneOffsets(zone: zone, span: span)
    #expect(offsets.span.upperBound < span.upperBound)
    #expect(offsets.offset(at: Date(timeIntervalSince1970: 1e12)) == nil)
    let late = Date(timeIntervalSince1970: 9e10)
    #expect(TimeFormat(zone: zone).covering(span).day(late) == TimeFormat(zone: zone).day(late))
}
