import Testing

@testable import DocketCore

@Suite("Entry grammar")
struct EntryParserTests {
    func parsed(_ text: String) -> EntryParser.Parsed? {
        try? EntryParser.parse(text, currency: .gbp).get()
    }

    func failure(_ text: String, currency: Currency = .gbp) -> EntryParser.Failure? {
        if case .failure(let failure) = EntryParser.parse(text, currency: currency) { return failure }
        return nil
    }

    @Test("clock ranges with hyphen, en dash, `to` and spaces")
    func clockRanges() {
        for text in [
            "09:00-10:30 Inbox", "09:00–10:30 Inbox", "09:00 to 10:30 Inbox", "9:00 - 10:30 Inbox",
            "09:00 TO 10:30 Inbox",
        ] {
            #expect(parsed(text)?.kind == .work(.range(start: 540, end: 630)), "\(text)")
            #expect(parsed(text)?.description == "Inbox")
        }
    }

    @Test("a range ending before it starts crosses midnight")
    func midnight() {
        #expect(parsed("23:00-01:30 Server move")?.kind == .work(.range(start: 1380, end: 1530)))
        #expect(parsed("22:00-00:00 Late")?.kind == .work(.range(start: 1320, end: 1440)))
    }

    @Test("durations: hours, minutes, both, decimal hours")
    func durations() {
        #expect(parsed("2h Newsletter")?.kind == .work(.duration(120)))
        #expect(parsed("45m Newsletter")?.kind == .work(.duration(45)))
        #expect(parsed("1h15m Newsletter")?.kind == .work(.duration(75)))
        #expect(parsed("1h 15m Newsletter")?.kind == .work(.duration(75)))
        #expect(parsed("1h 15m Newsletter")?.description == "Newsletter")
        #expect(parsed("1.5h Newsletter")?.kind == .work(.duration(90)))
        #expect(parsed("0.25h Newsletter")?.kind == .work(.duration(15)))
        #expect(parsed("0.1h Newsletter")?.kind == .work(.duration(6)))
        #expect(parsed("1H30M Newsletter")?.kind == .work(.duration(90)))
    }

    @Test("travel, mileage and expense kinds in any case")
    func kinds() {
        #expect(parsed("travel 13:00-14:00 Drive to client")?.kind == .travel(.range(start: 780, end: 840)))
        #expect(parsed("TRAVEL 1h Drive back")?.kind == .travel(.duration(60)))
        #expect(parsed("Travel 1h Drive back")?.description == "Drive back")
        #expect(parsed("mileage 46mi Round trip")?.kind == .mileage(Distance(thousandths: 46_000, unit: .mi)))
        #expect(parsed("mileage 46 mi Round trip")?.kind == .mileage(Distance(thousandths: 46_000, unit: .mi)))
        #expect(parsed("Mileage 12.5km Trip")?.kind == .mileage(Distance(thousandths: 12_500, unit: .km)))
        #expect(parsed("mileage 3.125 KM Trip")?.kind == .mileage(Distance(thousandths: 3_125, unit: .km)))
        #expect(parsed("expense 12.50 Parking")?.kind == .expense(1250))
        #expect(parsed("expense £12.50 Parking")?.kind == .expense(1250))
        #expect(parsed("expense GBP 12.50 Parking")?.kind == .expense(1250))
        #expect(parsed("expense 12.5 Parking")?.kind == .expense(1250))
        #expect(parsed("EXPENSE 7 Stamps")?.kind == .expense(700))
        #expect(parsed("expense 1,234.50 Laptop")?.kind == .expense(123_450))
    }

    @Test("tags are taken out of the description; #unbilled marks free time")
    func tags() {
        let entry = parsed("30m Set up #Admin shared folder #unbilled")
        #expect(entry?.description == "Set up shared folder")
        #expect(entry?.tags == ["admin", "unbilled"])
        #expect(parsed("1h Call re #1 priority")?.tags == [])
        #expect(parsed("1h Call re #1 priority")?.description == "Call re #1 priority")
    }

    @Test("a range that ends when it starts is an error")
    func zeroRange() {
        #expect(failure("10:00-10:00 Nothing")?.offset == 0)
        #expect(failure("10:00-10:00 Nothing")?.message.contains("ends when it starts") == true)
    }

    @Test("bad time ranges name what was expected, at the right offset")
    func badRanges() {
        #expect(failure("25:00-26:00 Late")?.offset == 0)
        #expect(failure("25:00-26:00 Late")?.message.contains("hours 00–23") == true)
        #expect(failure("09:00 Meeting")?.offset == 5)
        #expect(failure("09:00 Meeting")?.message.contains("end of the time range") == true)
        #expect(failure("09:00-9:75 Meeting")?.offset == 6)
        #expect(failure("travel 09:00-xx Drive")?.offset == 13)
    }

    @Test("bad durations")
    func badDurations() {
        #expect(failure("1.33h Report")?.message.contains("whole number of minutes") == true)
        #expect(failure("1x Report")?.offset == 0)
        #expect(failure("travel 1x Drive")?.offset == 7)
        #expect(failure("0m Nothing")?.message.contains("zero") == true)
        #expect(failure("1h75m Report")?.message.contains("0–59") == true)
        #expect(failure("25h Marathon")?.message.contains("24 hours") == true)
        #expect(failure("Meeting with Tom")?.message.contains("found `Meeting`") == true)
    }

    @Test("a missing description is an error")
    func missingDescription() {
        #expect(failure("1h")?.message == "expected a description of the work after the quantity")
        #expect(failure("expense 5.00")?.message == "expected a description of the expense after the quantity")
        #expect(failure("1h30mReport")?.offset == 0)
    }

    @Test("unknown distance units and missing units")
    func badDistance() {
        #expect(failure("mileage 46 furlongs Trip")?.offset == 11)
        #expect(
            failure("mileage 46 furlongs Trip")?.message == "unknown distance unit `furlongs`; expected `mi` or `km`")
        #expect(failure("mileage 46")?.message == "expected a distance unit after 46: `mi` or `km`")
        #expect(failure("mileage far Trip")?.offset == 8)
        #expect(failure("mileage 1.2345km Trip")?.message.contains("three decimals") == true)
    }

    @Test("an expense in another currency is an error, never converted")
    func foreignCurrency() throws {
        #expect(failure("expense $12.50 Lunch")?.offset == 8)
        #expect(failure("expense $12.50 Lunch")?.message.contains("another currency (`$`)") == true)
        #expect(failure("expense USD 12.50 Lunch")?.message.contains("another currency (`USD`)") == true)
        #expect(failure("expense €5 Coffee")?.message.contains("GBP") == true)
        #expect(failure("expense 12.50 EUR Lunch")?.message.contains("another currency (`EUR`)") == true)
        #expect(failure("expense 12.505 Lunch")?.message.contains("at most 2 decimals") == true)
        #expect(failure("expense XYZ 5 Lunch")?.message == "expected an amount like `12.50` or `£12.50`, found `XYZ`")
        let euro = Currency(code: "EUR")!
        #expect(try EntryParser.parse("expense €5 Coffee", currency: euro).get().kind == .expense(500))
        #expect(failure("expense £5 Coffee", currency: euro) != nil)
        let yen = Currency(code: "JPY")!
        #expect(try EntryParser.parse("expense ¥500 Tea", currency: yen).get().kind == .expense(500))
        #expect(failure("expense 5.5 Tea", currency: yen) != nil)
    }

    @Test("error offsets count characters, not bytes, after non-ASCII text")
    func offsetsInCharacters() {
        // `£` is two bytes in UTF-8 but one character: the amount starts at character 9.
        #expect(failure("expense £12.505 Parking")?.offset == 9)
        // `–` (en dash) is three bytes: the end time starts at character 8.
        #expect(failure("09:00 – 25:00 Inbox")?.offset == 8)
        #expect(
            failure("09:00–10:30")
                == EntryParser.Failure(offset: 0, message: "expected a description of the work after the quantity"))
    }

    @Test("tags and descriptions split the same way in ASCII and in other scripts")
    func tagsInBothPaths() {
        #expect(
            EntryParser.splitTags("Inbox  triage #Admin #admin #x-1_y #1no # tail") == (
                "Inbox triage #1no # tail", ["admin", "x-1_y"]
            ))
        #expect(EntryParser.splitTags("Café visit #Réunion #admin") == ("Café visit", ["réunion", "admin"]))
        #expect(EntryParser.splitTags("\tDrive\tto site #travel") == ("Drive to site", ["travel"]))
    }

    @Test("trimming whitespace matches Foundation's, without Foundation")
    func trimming() {
        #expect(" \t\u{00A0}Inbox triage\u{2003} ".trimmingWhitespace() == "Inbox triage")
        #expect("\n Inbox \r\n".trimmingWhitespaceAndNewlines() == "Inbox")
        #expect("\nInbox".trimmingWhitespace() == "\nInbox")
        #expect("   ".trimmingWhitespace() == "")
        // Every character of the Basic Multilingual Plane at either end, as Foundation trims it.
        for value in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(Character(scalar))a\(Character(scalar))"
            #expect(
                text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
            #expect(
                text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "U+\(String(value, radix: 16))")
        }
    }

    @Test("the fast path for common durations gives exactly what the full rules give")
    func fastDurations() {
        let words = [
            "0m", "5m", "45m", "90m", "1440m", "1441m", "1h", "2H", "24h", "25h", "0h", "1h30m", "1h30M", "1h59m",
            "1h60m", "1h 30m", "1h  5m", "2h 75m", "1h 30min", "1h 30", "1h Report", "1.5h", "0.25h", "1h30",
            "12", "m", "h", "1hm", "1h30mx", "01h05m", "999999999h", "1h\t30m", "3m x", "2h 1h",
        ]
        for word in words {
            var fast = TextScanner(word)
            var slow = TextScanner(word)
            let fastResult = Result { try EntryParser.scanDuration(&fast) }
            let slowResult = Result { try EntryParser.scanDurationByRules(&slow) }
            switch (fastResult, slowResult) {
            case (.success(let a), .success(let b)):
                #expect(a == b && fast.offset == slow.offset, "\(word)")
            case (.failure(let a as EntryParser.Failure), .failure(let b as EntryParser.Failure)):
                #expect(a == b, "\(word)")
            default:
                Issue.record("\(word): \(fastResult) but the full rules give \(slowResult)")
            }
        }
    }
}
