import CEL
import Testing

/// The value types on their own: maps by CEL key equality (small and large), objects, printing.
struct ValueTests {
    @Test(arguments: [4, 40])
    func mapsFindKeysByCELEqualityWhateverTheirSize(size: Int) {
        var pairs: [(CELValue, CELValue)] = (0..<size).map { (.int(Int64($0)), .string("v\($0)")) }
        pairs.append((.string("Am\u{E9}lie"), .int(1)))
        pairs.append((.bool(true), .int(2)))
        pairs.append((.int(1), .string("last wins")))
        let map = CELMap(pairs)
        #expect(map.count == size + 2)
        #expect(map[.int(1)] == .string("last wins"))
        #expect(map[.uint(2)] == .string("v2"))
        #expect(map[.double(3.0)] == .string("v3"))
        #expect(map[.double(3.5)] == nil)
        #expect(map[.string("Am\u{E9}lie")] == .int(1))
        #expect(map[.string("Ame\u{301}lie")] == nil)
        #expect(map[.bool(true)] == .int(2))
        #expect(map[.null] == nil)
        #expect(map.keys.prefix(3) == [.int(0), .int(1), .int(2)])
        #expect(map.pairs.last?.key == .bool(true))
    }

    @Test func objectsReadFieldsByNameAndCompareByValue() {
        let a = CELObject(typeName: "Entry", fields: ["type": .string("x"), "amount": .int(1)])
        let b = CELObject(typeName: "Entry", fields: ["amount": .double(1), "type": .string("x")])
        #expect(a[field: "amount"] == .int(1))
        #expect(a[field: "note"] == nil)
        #expect(a.fieldNames == ["amount", "type"])
        #expect(CELValue.object(a).celEquals(.object(b)))
        #expect(!CELValue.object(a).celEquals(.object(CELObject(typeName: "Other", fields: ["type": .string("x"), "amount": .int(1)]))))
    }

    @Test(arguments: [
        (CELValue.null, "null"), (.bool(true), "true"), (.int(-3), "-3"), (.uint(3), "3u"), (.double(2), "2.0"),
        (.double(0.1), "0.1"), (.double(.nan), "NaN"), (.double(-.infinity), "-Infinity"),
        (.string("a\"b\n"), #""a\"b\n""#), (.bytes([0, 65, 255]), #"b"\x00A\xff""#),
        (.list([.int(1), .string("a")]), #"[1, "a"]"#), (.map(CELMap([(.string("k"), .null)])), #"{"k": null}"#),
        (.object(CELObject(typeName: "Entry", fields: ["amount": .int(1)])), "Entry{amount: 1}"),
        (.type(.list(.int)), "list"), (.type(.object("Entry")), "Entry"),
        (.timestamp(CELTimestamp(seconds: 0)), #"timestamp("1970-01-01T00:00:00Z")"#),
        (.duration(CELDuration(seconds: 90, nanos: 500_000_000)), #"duration("90.5s")"#),
    ])
    func valuesPrintInCELSyntax(value: CELValue, expected: String) {
        #expect(value.description == expected)
    }
}
