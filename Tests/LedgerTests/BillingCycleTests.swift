import Foundation
import Ledger
import Testing

/// A cycle anchored on a day, in a zone.
func cycle(_ anchor: String, _ zone: String) -> BillingCycle {
    BillingCycle(anchor: ISOTimestamp.parseDay(anchor)!, timeZone: TimeZone(identifier: zone)!)
}

@Test(arguments: [
    // Short months renew on their last day.
    ("2026-01-31", "UTC", 2026, 2, "2026-02-28T00:00:00Z"),
    ("2026-01-31", "UTC", 2028, 2, "2028-02-29T00:00:00Z"),
    ("2026-01-31", "UTC", 2026, 4, "2026-04-30T00:00:00Z"),
    ("2026-01-31", "UTC", 2026, 3, "2026-03-31T00:00:00Z"),
    ("2026-01-30", "UTC", 2026, 2, "2026-02-28T00:00:00Z"),
    ("2026-01-15", "UTC", 2026, 2, "2026-02-15T00:00:00Z"),
    // The start of the day in the client's zone, whatever its offset that day.
    ("2026-01-15", "America/Chicago", 2026, 11, "2026-11-15T06:00:00Z"),
    ("2026-01-15", "America/Chicago", 2026, 7, "2026-07-15T05:00:00Z"),
    ("2026-01-08", "America/New_York", 2026, 3, "2026-03-08T05:00:00Z"),   // the day DST starts (at 2 AM)
    ("2026-01-01", "America/New_York", 2026, 11, "2026-11-01T04:00:00Z"),  // the day DST ends
    ("2026-01-24", "Asia/Kolkata", 2026, 11, "2026-11-23T18:30:00Z"),
    ("2026-01-01", "Australia/Adelaide", 2026, 1, "2025-12-31T13:30:00Z"),
    // Where DST skips midnight, the day starts at the first moment that exists: 1 AM.
    ("2026-01-06", "America/Santiago", 2026, 9, "2026-09-06T04:00:00Z"),
])
func renewalInstants(anchor: String, zone: String, year: Int, month: Int, expected: String) {
    #expect(cycle(anchor, zone).renewal(year: year, month: month) == instant(expected))
}

@Test(arguments: [
    // date, latest renewal at or before it, next renewal after it (Jan 31 anchor, Chicago).
    ("2026-02-27T12:00:00Z", "2026-01-31T06:00:00Z", "2026-02-28T06:00:00Z"),
    ("2026-02-28T06:00:00Z", "2026-02-28T06:00:00Z", "2026-03-31T05:00:00Z"),   // on a renewal: it is the one on or before
    ("2026-03-01T05:59:59Z", "2026-02-28T06:00:00Z", "2026-03-31T05:00:00Z"),
    ("2026-12-31T06:00:00Z", "2026-12-31T06:00:00Z", "2027-01-31T06:00:00Z"),
    ("2027-01-01T05:00:00Z", "2026-12-31T06:00:00Z", "2027-01-31T06:00:00Z"),   // Dec 31, 11 PM local: still December
    ("2025-06-10T00:00:00Z", "2025-05-31T05:00:00Z", "2025-06-30T05:00:00Z"),   // before the anchor: the same rule
])
func renewalsAroundADate(date: String, onOrBefore: String, next: String) {
    let chicago = cycle("2026-01-31", "America/Chicago")
    #expect(chicago.renewal(onOrBefore: instant(date)) == instant(onOrBefore))
    #expect(chicago.next(after: instant(date)) == instant(next))
}

@Test func renewalDaysInTheClientsZone() {
    let chicago = cycle("2026-01-31", "America/Chicago")
    #expect(chicago.isRenewalDay(instant("2026-02-28T23:00:00Z")))    // 5 PM Feb 28 in Chicago
    #expect(chicago.isRenewalDay(instant("2026-03-01T03:00:00Z")))    // 9 PM Feb 28 in Chicago
    #expect(!chicago.isRenewalDay(instant("2026-03-01T07:00:00Z")))   // Mar 1, 1 AM in Chicago
    #expect(chicago.localDay(of: instant("2026-03-01T03:00:00Z")) == BillingDay(year: 2026, month: 2, day: 28))
    #expect(chicago.renewalDay(year: 2026, month: 2) == BillingDay(year: 2026, month: 2, day: 28))
}
