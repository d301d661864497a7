import Testing

@testable import DocketCore

@Suite("Dates, money and exact numbers")
struct ValueTests {
    @Test("calendar dates: parsing, weekdays, leap years, day arithmetic")
    func dates() {
        #expect(CalendarDate(iso: "2026-11-02")?.weekday == .monday)
        #expect(CalendarDate(iso: "2024-02-29")?.weekday == .thursday)
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        #expect(CalendarDate(iso: "2026-1-01") == nil)
        for bad in [
            "2026-11-021", "2026-11-0", "2026/11/02", "2026-11-0x", "２０２６-11-02", "2026-11-02 ", "", "0000-01-01",
        ] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
        #expect(CalendarDate(iso: "9999-12-31")?.description == "9999-12-31")
        #expect(CalendarDate(iso: Substring("x2026-11-02").dropFirst())?.description == "2026-11-02")
        #expect(CalendarDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(CalendarDate(iso: "2026-12-01")!.adding(days: 14).description == "2026-12-15")
        #expect(CalendarDate(iso: "2026-12-25")!.adding(days: 14).description == "2027-01-08")
        #expect(CalendarDate(iso: "2026-11-29")!.days(until: CalendarDate(iso: "2026-12-15")!) == 16)
        #expect(YearMonth(iso: "2026-12")!.next.description == "2027-01")
        #expect(YearMonth(iso: "0001-01")?.description == "0001-01")
        #expect(YearMonth(iso: "9999-12"[...])?.description == "9999-12")
        for text in [
            "", "2026", "2026-1", "2026-011", "2026-00", "2026-13", "0000-01", "2026/11", "2026-1a", "20261-1",
            "-2026-11", "２026-11", "2026-1\u{301}", "2026-11-01", "2026--1", " 2026-11",
        ] {
            #expect(YearMonth(iso: text) == nil, "\(text.debugDescription)")
        }
        #expect(YearMonth(iso: "2026-01")!.previous.description == "2025-12")
        #expect(YearMonth(iso: "2028-02")!.numberOfDays == 29)
        #expect(YearMonth(iso: "2026-11")!.through(YearMonth(iso: "2027-02")!).count == 4)
    }

    @Test("money: parsing to minor units and formatting, never floating point")
    func money() {
        #expect(MoneyFormat.parse("30", currency: .gbp) == 3000)
        #expect(MoneyFormat.parse("0.45", currency: .gbp) == 45)
        #expect(MoneyFormat.parse("12.5", currency: .gbp) == 1250)
        #expect(MoneyFormat.parse("1,234.56", currency: .gbp) == 123_456)
        #expect(MoneyFormat.parse("0.455", currency: .gbp) == nil)
        #expect(MoneyFormat.parse("-5", currency: .gbp) == nil)
        #expect(MoneyFormat.parse("12,34", currency: .gbp) == nil)
        #expect(MoneyFormat.format(123_456, currency: .gbp) == "£1,234.56")
        #expect(MoneyFormat.format(5, currency: .gbp) == "£0.05")
        #expect(MoneyFormat.format(-300, currency: .gbp) == "-£3.00")
        #expect(MoneyFormat.format(1500, currency: Currency(code: "CHF")!) == "CHF 15.00")
        #expect(MoneyFormat.format(1500, currency: Currency(code: "JPY")!) == "¥1,500")
        #expect(MoneyFormat.format(0, currency: .gbp) == "£0.00")
        #expect(MoneyFormat.format(100_000, currency: .gbp) == "£1,000.00")
        #expect(MoneyFormat.format(99_999, currency: .gbp) == "£999.99")
        #expect(MoneyFormat.format(-123_456_789_012, currency: .gbp) == "-£1,234,567,890.12")
        #expect(MoneyFormat.format(Int.min, currency: .gbp) == "-£92,233,720,368,547,758.08")
        #expect(MoneyFormat.format(-1, currency: Currency(code: "CHF")!) == "-CHF 0.01")
        #expect(MoneyFormat.format(1_000_000, currency: Currency(code: "JPY")!) == "¥1,000,000")
    }

    @Test("exact decimals: hand-picked texts, with and without grouping")
    func fixedDecimals() {
        func parsed(_ text: String, grouping: Bool = false) -> String? {
            FixedDecimal.parse(text, allowGrouping: grouping).map {
                "\($0.negative ? "-" : "")\($0.digits)e-\($0.scale)"
            }
        }
        #expect(parsed("123") == "123e-0")
        #expect(parsed("12.50") == "1250e-2")
        #expect(parsed("-0.25") == "-25e-2")
        #expect(parsed("007") == "7e-0")
        #expect(parsed("999999999999999") == "999999999999999e-0")
        #expect(parsed("1234567890.12345") == "123456789012345e-5")
        for text in [
            "", "-", ".5", "-.5", "5.", "1.2.3", "+5", "--5", " 5", "5 ", "1,234", "1e3", "٣", "5\u{301}", "0x1",
            "1234567890123456", "12345678901234.56",
        ] {
            #expect(parsed(text) == nil, "\(text.debugDescription)")
        }
        #expect(parsed("1,234", grouping: true) == "1234e-0")
        #expect(parsed("12,345,678.90", grouping: true) == "1234567890e-2")
        #expect(parsed("-1,000", grouping: true) == "-1000e-0")
        for text in [",123", "1,23", "1234,567", "1,,234", "1,2345", "1,234,", "1.234,5", "1,23.4", "1,"] {
            #expect(parsed(text, grouping: true) == nil, "\(text.debugDescription)")
        }
        #expect(
            FixedDecimal.parse("x12.5y".dropFirst().dropLast()) == FixedDecimal(digits: 125, scale: 1, negative: false))
        #expect(parsed(String("x12.5".dropFirst())) == "125e-1")
    }

    @Test("exact decimals: random texts read as the character-by-character rules read them")
    func fixedDecimalsRandom() {
        // The rules as first written, character by character: the reference the byte reader must match.
        func reference(_ text: String, allowGrouping: Bool) -> FixedDecimal? {
            var body = Substring(text)
            var negative = false
            if body.first == "-" {
                negative = true
                body = body.dropFirst()
            }
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
            var wholeDigits = String(whole)
            if allowGrouping, whole.contains(",") {
                let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
                guard let first = groups.first, (1...3).contains(first.count),
                    groups.dropFirst().allSatisfy({ $0.count == 3 })
                else { return nil }
                wholeDigits = groups.joined()
            }
            let fraction = parts.count == 2 ? String(parts[1]) : ""
            if parts.count == 2, fraction.isEmpty { return nil }
            let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
            guard wholeDigits.allSatisfy(isDigit), fraction.allSatisfy(isDigit),
                wholeDigits.count + fraction.count <= 15,
                let value = Int(wholeDigits + fraction)
            else { return nil }
            return FixedDecimal(digits: value, scale: fraction.count, negative: negative)
        }
        var random = SeededGenerator(state: 42)
        let pieces = ["1", "2", "0", "9", "5", "123", ".", ",", "-", "+", " ", "é", "\u{301}", "٣", "e", "000"]
        var accepted = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...9, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            for grouping in [false, true] {
                let parsed = FixedDecimal.parse(text, allowGrouping: grouping)
                #expect(
                    parsed == reference(text, allowGrouping: grouping), "\(text.debugDescription) grouping \(grouping)")
                if parsed != nil { accepted += 1 }
            }
        }
        #expect(accepted > 2_000)
    }

    @Test("rationals round half up and format exactly")
    func rationals() {
        #expect(Rational(5, 2).roundedHalfUp() == 3)
        #expect(Rational(249, 100).roundedHalfUp() == 2)
        #expect(Rational(1, 3).formatted(decimals: 2) == "0.33")
        #expect(Rational(1, 20).formatted(decimals: 1) == "0.1")
        #expect(Rational(90, 60).formatted(decimals: 2) == "1.50")
        #expect(Rational(-7, 4).formatted(decimals: 1) == "-1.8")
        #expect(Rational(-1, 4).formatted(decimals: 0) == "0")
        #expect(Rational(12_345, 1).formatted(decimals: 3) == "12345.000")
        #expect(Rational(Int.max, 1).formatted(decimals: 0) == "9223372036854775807")
        #expect(Distance(thousandths: 1_609_344, unit: .km).exact(in: .mi) == Rational(1000))
        #expect(Rational(1, 2) + Rational(1, 3) == Rational(5, 6))
    }

    @Test("durations for people")
    func durations() {
        #expect(Formatting.duration(0) == "0h")
        #expect(Formatting.duration(45) == "45m")
        #expect(Formatting.duration(120) == "2h")
        #expect(Formatting.duration(605) == "10h 05m")
        #expect(Formatting.span(.range(start: 1380, end: 1530)) == "23:00–01:30 (next day)")
        #expect(Formatting.span(.range(start: 0, end: 5)) == "00:00–00:05")
        #expect(Formatting.duration(-90) == "-1h 30m")
        #expect(Formatting.duration(-5) == "-5m")
        #expect(Formatting.duration(-120) == "-2h")
        #expect(Formatting.duration(100 * 60 + 1) == "100h 01m")
        // Dates for files and for people.
        let date = CalendarDate(year: 2026, month: 3, day: 7)!
        #expect(date.description == "2026-03-07")
        #expect(date.longDescription == "Saturday 7 March 2026")
        #expect(date.shortDescription == "7 Mar 2026")
        #expect(CalendarDate(year: 987, month: 12, day: 31)!.description == "0987-12-31")
        #expect(YearMonth(iso: "2026-09")!.description == "2026-09")
        #expect(YearMonth(iso: "2026-09")!.shortDescription == "Sep 2026")
    }

    @Test("core hours parse into per-day intervals")
    func coreHours() throws {
        let hours = try CoreHours.parse("Mon-Thu 09:00-15:00, Fri 09:00-12:00").get()
        #expect(hours.intervals[.monday] == [540..<900])
        #expect(hours.intervals[.friday] == [540..<720])
        #expect(hours.intervals[.saturday] == nil)
        #expect(hours.coreMinutes(on: .friday, from: 660, to: 780) == 60)
        #expect(throws: ParseMessage.self) { try CoreHours.parse("Fri-Mon 09:00-12:00").get() }
        #expect(throws: ParseMessage.self) { try CoreHours.parse("Mon 15:00-09:00").get() }
        #expect(throws: ParseMessage.self) { try CoreHours.parse("Mon-Fri").get() }
    }

    @Test("share tokens: 128 bits, URL-safe, 22 characters, never repeated")
    func tokens() {
        let tokens = (0..<200).map { _ in ShareToken.generate() }
        #expect(Set(tokens).count == 200)
        for token in tokens {
            #expect(token.count == 22)
            #expect(ShareToken.isValid(token))
        }
        #expect(!ShareToken.isValid("short"))
        #expect(!ShareToken.isValid("has/slash/and+plus/at/least/22"))
    }
}
