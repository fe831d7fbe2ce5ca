import Foundation
import Ledger
import Testing

/// Winter (2026-11-24) and summer (2026-06-30) instants.
private let winter = Date(timeIntervalSince1970: 1_795_528_800)
private let summer = Date(timeIntervalSince1970: 1_782_820_800)

@Test(arguments: [
    ("America/Chicago", "CST", "CDT"),
    ("America/New_York", "EST", "EDT"),
    ("Europe/Berlin", "CET", "CEST"),
    ("Europe/London", "GMT", "BST"),
    ("Asia/Kolkata", "IST", "IST"),
    ("Australia/Adelaide", "ACDT", "ACST"),
    ("UTC", "UTC", "UTC"),
    ("Asia/Tokyo", "JST", "JST"),
    ("Asia/Hong_Kong", "HKT", "HKT"),
    ("Africa/Lagos", "WAT", "WAT"),
    ("Pacific/Auckland", "NZDT", "NZST"),
    ("Asia/Shanghai", "GMT+8", "GMT+8"),   // no English locale names it: the offset stays
])
func zonesHaveTheNamesPeopleUse(zone: String, inWinter: String, inSummer: String) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    #expect(ZoneNames.abbreviation(of: timeZone, at: winter) == inWinter)
    #expect(ZoneNames.abbreviation(of: timeZone, at: summer) == inSummer)
}

@Test func namesRememberedAgreeWithNamesAskedFirst() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    let names = ZoneNames(zone: zone)
    for _ in 0..<2 {
        #expect(names.abbreviation(at: winter) == "CET")
        #expect(names.abbreviation(at: summer) == "CEST")
    }
}
