import Testing

@testable import DocketCore

/// Month figures on cases computed by hand. 2026-11-02 is a Monday.
@Suite("Month figures")
struct MonthFiguresTests {
    func figures(_ text: String, client: BillingFigures, month: String = "2026-11") -> MonthFigures {
        let (sheet, diagnostics) = parseTimesheet(text, month: month)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        return MonthCalculator.totals(month: sheet.month, entries: sheet.entries, figures: client)
    }

    @Test("each entry is rounded up to the increment on its own")
    func roundingPerEntry() {
        let client = testClient(increment: 15)
        let month = figures(
            """
            ## 2026-11-02
            - 09:00-09:01 One minute
            - 09:10-09:25 Exactly fifteen
            - 7m Seven
            - 16m Sixteen
            """, client: client)
        // 1 → 15, 15 → 15, 7 → 15, 16 → 30: 75, where the raw total of 39 would round to 45.
        #expect(month.loggedMinutes == 39)
        #expect(month.billableMinutes == 75)
        #expect(month.inHoursMinutes == 75)
    }

    @Test("out of hours: a range straddling the end of core hours, a weekend duration, midnight crossing, #unbilled")
    func outOfHours() {
        let client = testClient(increment: 15, coreHours: "Mon-Fri 09:00-15:00")
        let month = figures(
            """
            ## 2026-11-02 Monday
            - 09:00-10:10 All core
            - 14:20-16:05 Straddles the end of core hours

            ## 2026-11-03 Tuesday
            - 23:00-01:30 Server move overnight

            ## 2026-11-04 Wednesday
            - 30m Given free #unbilled
            - travel 50m Drive

            ## 2026-11-05 Thursday
            - travel 08:10-08:40 Drive before core hours

            ## 2026-11-07 Saturday
            - 1h Weekend duration
            """, client: client)
        // 09:00-10:10: 70 core → 75.
        // 14:20-16:05: 40 core → 45, 65 out → 75.
        // 23:00-01:30 on a Tuesday: 60 before midnight out, 90 after midnight out: 150 out → 150.
        // Saturday 1h: not a core day → 60 out.
        // 30m unbilled: logged and unbilled, never billable.
        #expect(month.loggedMinutes == 70 + 105 + 150 + 30 + 60)
        #expect(month.unbilledMinutes == 30)
        #expect(month.inHoursMinutes == 75 + 45)
        #expect(month.outOfHoursMinutes == 75 + 150 + 60)
        #expect(month.billableMinutes == 120 + 285)
        // Travel is rounded whole and never split: 50 → 60, 30 → 30.
        #expect(month.travelMinutes == 90)
    }

    @Test("the out-of-hours minutes of one entry are one part, rounded up once")
    func outOfHoursOnePart() {
        let client = testClient(increment: 15, coreHours: "Mon-Fri 09:00-15:00")
        // 08:50-15:10: 10 before and 10 after core hours are one 20-minute part → 30, not 15 + 15.
        let month = figures("## 2026-11-02\n- 08:50-15:10 Long day\n", client: client)
        #expect(month.inHoursMinutes == 360)
        #expect(month.outOfHoursMinutes == 30)
    }

    @Test("a range on a Friday with shorter core hours, and a day with two core periods")
    func splitCoreHours() {
        let client = testClient(coreHours: "Mon-Thu 09:00-15:00, Fri 09:00-12:00, Mon 16:00-17:00")
        let month = figures(
            """
            ## 2026-11-02 Monday
            - 14:00-17:30 Afternoon
            ## 2026-11-06 Friday
            - 11:00-13:00 Late morning
            - 2h Friday duration
            """, client: client)
        // Monday 14:00-17:30: core 14:00-15:00 and 16:00-17:00 = 120, out 90.
        // Friday 11:00-13:00: core 60, out 60. A duration on a core day is core: 120.
        #expect(month.inHoursMinutes == 120 + 60 + 120)
        #expect(month.outOfHoursMinutes == 90 + 60)
    }

    @Test("with no core hours every minute is core, even past midnight")
    func noCoreHours() {
        let month = figures("## 2026-11-07\n- 23:00-01:00 Late\n- 1h Weekend\n", client: testClient())
        #expect(month.inHoursMinutes == 180)
        #expect(month.outOfHoursMinutes == 0)
    }

    @Test("mileage: km entries for a mi client are converted exactly; expenses are summed")
    func mileageAndExpenses() {
        let client = testClient(unit: .mi)
        let month = figures(
            """
            ## 2026-11-02
            - mileage 10mi Office
            - mileage 16.093km Site visit
            - mileage 1609.344 km Long trip
            - expense 12.50 Parking
            - expense £7.25 Stamps
            - expense 3.00 Coffee #unbilled
            """, client: client)
        // 16.093 km = 16.093 / 1.609344 mi = 9.99972... mi; 1609.344 km = 1000 mi exactly.
        #expect(month.distance == Rational(10) + Rational(16_093_000, 1_609_344) + Rational(1000))
        #expect(month.distance.formatted(decimals: 1) == "1020.0")
        #expect(month.distance < Rational(1020))
        #expect(month.expenses == 1975)
        #expect(month.expenseCount == 2)
    }

    @Test("mileage: mi entries for a km client")
    func milesToKilometres() {
        let month = figures("## 2026-11-02\n- mileage 10mi Trip\n", client: testClient(unit: .km))
        #expect(month.distance == Rational(16_09344, 100_000))
        #expect(month.distance.formatted(decimals: 1) == "16.1")
    }

    @Test("time by tag: raw minutes, most first, untagged work grouped")
    func tags() {
        let month = figures(
            """
            ## 2026-11-02
            - 1h Report #admin
            - 30m Post #marketing #admin
            - 45m Call
            - 20m Free #unbilled
            """, client: testClient(increment: 15))
        #expect(
            month.tags == [
                TagTotal(tag: "admin", minutes: 90), TagTotal(tag: "untagged", minutes: 65),
                TagTotal(tag: "marketing", minutes: 30),
            ])
    }
}

@Suite("Retainer")
struct RetainerTests {
    let terms = RetainerTerms(
        includedMinutes: 600, fee: 30_000, rolloverMinutes: 300, overageRate: 3200,
        start: YearMonth(iso: "2026-08"))

    @Test("rollover is capped, spent first, expires after one month, and never carries twice")
    func rollover() {
        let used: [YearMonth: Int] = [
            YearMonth(iso: "2026-08")!: 120,  // 480 unused → carry capped at 300
            YearMonth(iso: "2026-09")!: 780,  // 300 rolled + 480 included; 120 included unused → carry 120
            // 2026-10: no timesheet, nothing used; 600 unused → carry 300, the 120 rolled in lapse
            YearMonth(iso: "2026-11")!: 540,  // 300 rolled + 240 included; carry 300
            YearMonth(iso: "2026-12")!: 1000,  // 300 rolled + 600 included + 100 overage; carry 0
        ]
        let months = RetainerCalculator.months(
            terms: terms, used: used, first: YearMonth(iso: "2026-10")!,
            last: YearMonth(iso: "2026-12")!)
        func month(_ text: String) -> RetainerMonth { months[YearMonth(iso: text)!]! }
        #expect(
            month("2026-08")
                == RetainerMonth(
                    includedMinutes: 600, rolloverInMinutes: 0, availableMinutes: 600,
                    usedMinutes: 120, remainingMinutes: 480, overageMinutes: 0,
                    rolloverOutMinutes: 300, expiredMinutes: 0))
        #expect(
            month("2026-09")
                == RetainerMonth(
                    includedMinutes: 600, rolloverInMinutes: 300, availableMinutes: 900,
                    usedMinutes: 780, remainingMinutes: 120, overageMinutes: 0,
                    rolloverOutMinutes: 120, expiredMinutes: 0))
        #expect(
            month("2026-10")
                == RetainerMonth(
                    includedMinutes: 600, rolloverInMinutes: 120, availableMinutes: 720,
                    usedMinutes: 0, remainingMinutes: 720, overageMinutes: 0,
                    rolloverOutMinutes: 300, expiredMinutes: 120))
        #expect(
            month("2026-11")
                == RetainerMonth(
                    includedMinutes: 600, rolloverInMinutes: 300, availableMinutes: 900,
                    usedMinutes: 540, remainingMinutes: 360, overageMinutes: 0,
                    rolloverOutMinutes: 300, expiredMinutes: 0))
        #expect(
            month("2026-12")
                == RetainerMonth(
                    includedMinutes: 600, rolloverInMinutes: 300, availableMinutes: 900,
                    usedMinutes: 1000, remainingMinutes: 0, overageMinutes: 100,
                    rolloverOutMinutes: 0, expiredMinutes: 0))
    }

    @Test("no rollover allowed: unused hours lapse")
    func noRollover() {
        let plain = RetainerTerms(includedMinutes: 600, fee: 30_000, overageRate: 3000)
        let first = YearMonth(iso: "2026-09")!
        let months = RetainerCalculator.months(terms: plain, used: [first: 60], first: first, last: first.next)
        #expect(months[first.next]?.rolloverInMinutes == 0)
        #expect(months[first.next]?.availableMinutes == 600)
    }

    @Test(
        "client figures: months run from retainer.start to the last timesheet, empty months included, out-of-hours never uses the retainer"
    )
    func clientFigures() {
        let client = testClient(
            increment: 15, coreHours: "Mon-Fri 09:00-17:00",
            retainer: RetainerTerms(
                includedMinutes: 120, fee: 10_000, rolloverMinutes: 60,
                overageRate: 4000, start: YearMonth(iso: "2026-08")))
        let (october, _) = parseTimesheet(
            "## 2026-10-05 Monday\n- 16:00-18:10 Late call\n- travel 2h Drive\n", month: "2026-10")
        let result = MonthCalculator.figures(
            client: client, timesheets: [october], today: CalendarDate(iso: "2026-11-15")!)
        #expect(result.months.map(\.month.description) == ["2026-08", "2026-09", "2026-10"])
        // August: nothing used, 120 unused → 60 carried. September: no timesheet, 60 rolled in, carry 60.
        #expect(result.months[0].retainer?.rolloverOutMinutes == 60)
        #expect(result.months[1].hasTimesheet == false)
        #expect(result.months[1].retainer?.availableMinutes == 180)
        // October: 16:00-17:00 core → 60 used; 17:00-18:10 out of hours → 70 → 75; travel never counts.
        #expect(result.months[2].retainer?.usedMinutes == 60)
        #expect(result.months[2].retainer?.availableMinutes == 180)
        #expect(result.months[2].outOfHoursMinutes == 75)
        #expect(result.months[2].travelMinutes == 120)
        // "This month" is November: past the last timesheet, computed with October's carry (120 unused of
        // the included 120 after 60 rolled were spent first → min(60, 120) = 60).
        #expect(result.current?.month.description == "2026-11")
        #expect(result.current?.retainer?.rolloverInMinutes == 60)
        #expect(result.current?.loggedMinutes == 0)
    }

    @Test("an hourly client has no retainer position; months start at the first timesheet")
    func hourly() {
        let (sheet, _) = parseTimesheet("## 2026-10-05\n- 1h Work\n", month: "2026-10")
        let result = MonthCalculator.figures(
            client: testClient(), timesheets: [sheet], today: CalendarDate(iso: "2026-10-20")!)
        #expect(result.months.count == 1)
        #expect(result.months[0].retainer == nil)
        #expect(result.current?.month.description == "2026-10")
    }
}
