import CEL
import Testing

@Suite struct TimeArithmeticTests {
    private func timestamp(_ text: String) throws -> CELTimestamp { try CELTimestamp.parse(text) }
    private func duration(_ text: String) throws -> CELDuration { try CELDuration.parse(text) }

    @Test(arguments: [
        ("2009-02-13T23:00:00Z", "240s", "2009-02-13T23:04:00Z"),
        ("2023-01-01T00:00:00Z", "24h", "2023-01-02T00:00:00Z"),
        ("0001-01-01T00:00:01.000000001Z", "-999999999ns", "0001-01-01T00:00:00.000000002Z"),
        ("0001-01-01T00:00:01.999999999Z", "999999999ns", "0001-01-01T00:00:02.999999998Z"),
        ("1970-01-01T00:00:00Z", "-0.5s", "1969-12-31T23:59:59.5Z"),
        ("9999-12-31T23:59:59Z", "0.999999999s", "9999-12-31T23:59:59.999999999Z"),
        ("0001-01-01T00:00:00.5Z", "-0.5s", "0001-01-01T00:00:00Z"),
    ])
    func addsDurationToTimestamp(start: String, span: String, sum: String) throws {
        #expect(try timestamp(start).adding(duration(span)) == timestamp(sum))
        #expect(try timestamp(start) + duration(span) == timestamp(sum))
        #expect(try duration(span) + timestamp(start) == timestamp(sum))
        #expect(try duration(span).adding(timestamp(start)) == timestamp(sum))
        #expect(try timestamp(sum).subtracting(duration(span)) == timestamp(start))
        #expect(try timestamp(sum) - duration(span) == timestamp(start))
    }

    @Test(arguments: [
        ("0001-01-01T00:00:00Z", "-1s", "timestamp out of range: 0001-01-01T00:00:00Z + -1s"),
        ("9999-12-31T23:59:59Z", "1s", "timestamp out of range: 9999-12-31T23:59:59Z + 1s"),
        ("9999-12-31T23:59:59.999999999Z", "1ns", "timestamp out of range: 9999-12-31T23:59:59.999999999Z + 0.000000001s"),
        ("0001-01-01T00:00:00Z", "-1ns", "timestamp out of range: 0001-01-01T00:00:00Z + -0.000000001s"),
        ("9900-01-01T00:00:00Z", "2562047h", "timestamp out of range: 9900-01-01T00:00:00Z + 9223369200s"),
    ])
    func refusesTimestampBeyondRange(start: String, span: String, message: String) throws {
        let (start, span) = (try timestamp(start), try duration(span))
        #expect(throws: CELError(message)) { try start.adding(span) }
    }

    @Test func refusesSubtractingBeyondRange() throws {
        let (start, span) = (try timestamp("0001-01-01T00:00:00Z"), try duration("1ns"))
        #expect(throws: CELError("timestamp out of range: 0001-01-01T00:00:00Z - 0.000000001s")) { try start - span }
        let minimum = CELDuration.min
        let end = try timestamp("9999-12-31T23:59:59Z")
        #expect(throws: CELError("timestamp out of range: 9999-12-31T23:59:59Z - -9223372036.854775808s")) {
            try end.subtracting(minimum)
        }
    }

    @Test(arguments: [
        ("2009-02-13T23:31:00Z", "2009-02-13T23:29:00Z", "120s"),
        ("2023-01-10T12:00:00Z", "2023-01-10T00:00:00Z", "43200s"),
        ("2023-01-10T00:00:00Z", "2023-01-10T12:00:00.5Z", "-43200.5s"),
        ("1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "0.000000001s"),
        ("2262-04-11T23:47:16.854775807Z", "1970-01-01T00:00:00Z", "9223372036.854775807s"),
    ])
    func subtractsTimestamps(end: String, start: String, difference: String) throws {
        #expect(try timestamp(end).subtracting(timestamp(start)).celString == difference)
        #expect(try (timestamp(end) - timestamp(start)).celString == difference)
    }

    @Test(arguments: [
        ("9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "duration out of range: 9999-12-31T23:59:59Z - 0001-01-01T00:00:00Z"),
        ("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "duration out of range: 0001-01-01T00:00:00Z - 9999-12-31T23:59:59Z"),
        ("2262-04-11T23:47:16.854775808Z", "1970-01-01T00:00:00Z", "duration out of range: 2262-04-11T23:47:16.854775808Z - 1970-01-01T00:00:00Z"),
    ])
    func refusesDifferenceBeyondRange(end: String, start: String, message: String) throws {
        let (end, start) = (try timestamp(end), try timestamp(start))
        #expect(throws: CELError(message)) { try end.subtracting(start) }
    }

    @Test(arguments: [
        ("600s", "50s", "650s", "550s"),
        ("1m", "1s", "61s", "59s"),
        ("900s", "42s", "942s", "858s"),
        ("-1.5s", "0.5s", "-1s", "-2s"),
        ("1ns", "-1ns", "0s", "0.000000002s"),
        ("9223372036.854775807s", "-1ns", "9223372036.854775806s", "duration out of range: 9223372036.854775807s - -0.000000001s"),
        ("-9223372036.854775808s", "1ns", "-9223372036.854775807s", "duration out of range: -9223372036.854775808s - 0.000000001s"),
        ("9223372036s", "1s", "duration out of range: 9223372036s + 1s", "9223372035s"),
        ("-9223372036s", "-1s", "duration out of range: -9223372036s + -1s", "-9223372035s"),
    ])
    func addsAndSubtractsDurations(a: String, b: String, sum: String, difference: String) throws {
        let (a, b) = (try duration(a), try duration(b))
        #expect(result { () throws(CELError) in try a + b } == sum)
        #expect(result { () throws(CELError) in try a.adding(b) } == sum)
        #expect(result { () throws(CELError) in try a - b } == difference)
        #expect(result { () throws(CELError) in try a.subtracting(b) } == difference)
    }

    @Test(arguments: [
        ("1.5s", "-1.5s"), ("-1ns", "0.000000001s"), ("0", "0s"),
        ("9223372036.854775807s", "-9223372036.854775807s"),
        ("-9223372036.854775808s", "duration out of range: -(-9223372036.854775808s)"),
    ])
    func negatesDurations(text: String, negation: String) throws {
        let span = try duration(text)
        #expect(result { () throws(CELError) in try -span } == negation)
        #expect(result { () throws(CELError) in try span.negated() } == negation)
    }

    /// The printed duration, or the error message.
    private func result(_ operation: () throws(CELError) -> CELDuration) -> String {
        do {
            return try operation().celString
        } catch {
            return error.message
        }
    }
}
