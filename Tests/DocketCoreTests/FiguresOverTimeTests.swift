import Foundation
import Testing

@testable import DocketCore

/// Billing figures that change over time through agreed terms versions. Every expected amount below is
/// worked out by hand in the comment beside it. No core hours are set unless said, so all work is core.
@Suite("Figures over time")
struct FiguresOverTimeTests {
    /// A client computed from its files written as text: client.md's front matter, terms versions,
    /// timesheets by month and invoice records.
    static func compute(
        client: String, terms: [String] = [], sheets: [(String, String)] = [],
        invoices: [String] = [], today: String = "2027-02-15"
    ) -> (ComputedClient?, Diagnostics) {
        var diagnostics = Diagnostics()
        var ignored = Diagnostics()
        let business = Business.parse(source(billingBusinessMD, path: "content/business.md"), diagnostics: &ignored)!
        let folder = "content/clients/acme"
        guard
            let parsed = Client.parse(
                source(
                    "---\nname: Acme\ncontact: Sam\nemail: s@acme.example\naddress: Leeds\n\(client)---\n",
                    path: "\(folder)/client.md"),
                slug: "acme", business: business, diagnostics: &diagnostics)
        else {
            return (nil, diagnostics)
        }
        let versions = terms.enumerated().compactMap { index, text in
            Terms.parse(
                source(text, path: "\(folder)/terms/\(index + 1).md"), currency: business.currency,
                diagnostics: &diagnostics)
        }
        let timesheets = sheets.map { month, text in
            TimesheetParser.parse(
                source(text, path: "\(folder)/timesheets/\(month).md"), month: YearMonth(iso: month)!,
                currency: business.currency, diagnostics: &diagnostics)
        }
        let records = invoices.enumerated().compactMap { index, text in
            InvoiceRecord.parse(
                source(text, path: "\(folder)/invoices/INV-\(index + 1).md"), currency: business.currency,
                diagnostics: &diagnostics)
        }
        let content = ClientContent(
            client: parsed, timesheets: timesheets, terms: versions, invoices: records,
            defaultPaymentTerms: business.paymentTerms)
        let computed = ComputedClient.compute(
            content, business: business, today: CalendarDate(iso: today)!,
            diagnostics: &diagnostics)
        return (computed, diagnostics)
    }

    /// An agreed terms version taking effect on `effective`, with extra front matter.
    static func agreed(_ version: Int, _ effective: String, _ figures: String = "") -> String {
        "---\nversion: \(version)\neffective: \(effective)\nstatus: agreed\nagreed_on: 2026-08-01\nagreed_by: Sam\n\(figures)---\nTerms.\n"
    }

    /// A sent invoice record for a period.
    static func invoice(_ number: Int, period: String, issued: String) -> String {
        "---\nnumber: INV-\(number)\nissued: \(issued)\nperiod: \(period)\nstatus: sent\n---\n"
    }

    /// A timesheet with one work entry of `hours` on the month's first Monday-to-Friday day, and optionally travel.
    static func sheet(_ day: String, hours: Int, travel: Int = 0) -> String {
        var text = "## \(day)\n- \(hours)h Admin\n"
        if travel > 0 { text += "- travel \(travel)h Drive\n" }
        return text
    }

    static func amounts(_ invoice: Invoice) -> [String: MinorUnits] {
        Dictionary(invoice.lines.map { ("\($0.kind)", $0.amount) }, uniquingKeysWith: +)
    }

    @Test("a rate rise from a month's first day prices that month and later; months before keep the old rate")
    func rateRise() throws {
        let (computed, diagnostics) = Self.compute(
            client: "rate: 30.00\n",
            terms: [Self.agreed(1, "2026-09-01"), Self.agreed(2, "2026-11-01", "rate: 35.00\n")],
            sheets: [
                ("2026-10", Self.sheet("2026-10-05", hours: 10, travel: 1)),
                ("2026-11", Self.sheet("2026-11-02", hours: 10, travel: 1)),
            ],
            invoices: [
                Self.invoice(1, period: "2026-10", issued: "2026-11-01"),
                Self.invoice(2, period: "2026-11", issued: "2026-12-01"),
            ])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let invoices = try #require(computed?.invoices)
        // October: 10h × £30 = £300.00; travel_rate is not written, so it is October's rate: 1h × £30 = £30.00.
        #expect(invoices[0].lines.map(\.amount) == [30_000, 3_000])
        #expect(invoices[0].total == 33_000)
        // November: 10h × £35 = £350.00; travel follows the new rate: 1h × £35 = £35.00.
        #expect(invoices[1].lines.map(\.amount) == [35_000, 3_500])
        #expect(invoices[1].total == 38_500)
    }

    @Test("a proposed version's figures are never used; once agreed they apply from its effective month")
    func proposalNotUsed() throws {
        let proposed = "---\nversion: 2\neffective: 2026-11-01\nstatus: proposed\nrate: 40.00\n---\nNew terms.\n"
        let (before, diagnostics) = Self.compute(
            client: "rate: 30.00\n", terms: [Self.agreed(1, "2026-09-01"), proposed],
            sheets: [("2026-11", Self.sheet("2026-11-02", hours: 2))],
            invoices: [Self.invoice(1, period: "2026-11", issued: "2026-12-01")])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        // 2h × £30 = £60.00: the proposal's £40 is not agreed.
        #expect(before?.invoices.first?.total == 6_000)
        let (after, _) = Self.compute(
            client: "rate: 30.00\n",
            terms: [Self.agreed(1, "2026-09-01"), Self.agreed(2, "2026-11-01", "rate: 40.00\n")],
            sheets: [("2026-11", Self.sheet("2026-11-02", hours: 2))],
            invoices: [Self.invoice(1, period: "2026-11", issued: "2026-12-01")])
        // Agreed: 2h × £40 = £80.00.
        #expect(after?.invoices.first?.total == 8_000)
    }

    @Test(
        "a retainer introduced, changed and ended (`retainer: none`) by versions; overage defaults to the rate in force"
    )
    func retainerIntroducedChangedEnded() throws {
        let (result, diagnostics) = Self.compute(
            client: "rate: 30.00\n",
            terms: [
                Self.agreed(1, "2026-09-01"),
                Self.agreed(
                    2, "2026-10-01", "retainer: { hours: 20, fee: 550.00, rollover: 5, overage_rate: 32.00 }\n"),
                Self.agreed(3, "2026-11-01", "retainer:\n  hours: 25\n  fee: 675.00\n  rollover: 5\n"),
                Self.agreed(4, "2026-12-01", "retainer: none\n"),
            ],
            sheets: [
                ("2026-09", Self.sheet("2026-09-07", hours: 22)), ("2026-10", Self.sheet("2026-10-05", hours: 22)),
                ("2026-11", Self.sheet("2026-11-02", hours: 22)), ("2026-12", Self.sheet("2026-12-07", hours: 22)),
            ],
            invoices: [
                Self.invoice(1, period: "2026-09", issued: "2026-10-01"),
                Self.invoice(2, period: "2026-10", issued: "2026-11-01"),
                Self.invoice(3, period: "2026-11", issued: "2026-12-01"),
                Self.invoice(4, period: "2026-12", issued: "2027-01-04"),
            ])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let computed = try #require(result)
        let months = Dictionary(uniqueKeysWithValues: computed.figures.months.map { ($0.month.description, $0) })
        // September is hourly: 22h × £30 = £660.00.
        #expect(months["2026-09"]?.retainer == nil)
        #expect(computed.invoices[0].lines.map(\.kind) == [InvoiceLine.Kind.work])
        #expect(computed.invoices[0].total == 66_000)
        // October, the retainer's first month: nothing rolls in; 22h used of 20h → 2h over × £32 = £64.00;
        // fee £550.00; total £614.00. Nothing left to carry (0 unused).
        #expect(months["2026-10"]?.retainer?.rolloverInMinutes == 0)
        #expect(months["2026-10"]?.retainer?.overageMinutes == 120)
        #expect(computed.invoices[1].lines.map(\.amount) == [55_000, 6_400])
        // November: 25h for £675.00; 22h used, 3h left, no overage. Its block writes no overage_rate, so it
        // would be the rate (£30), not October's £32.
        #expect(months["2026-11"]?.retainer?.availableMinutes == 25 * 60)
        #expect(months["2026-11"]?.retainer?.remainingMinutes == 3 * 60)
        #expect(computed.content.timeline.figures(for: YearMonth(iso: "2026-11")!).retainer?.overageRate == 3_000)
        #expect(computed.invoices[2].total == 67_500)
        // December: `retainer: none` → hourly again, 22h × £30 = £660.00, and no retainer position.
        #expect(months["2026-12"]?.retainer == nil)
        #expect(computed.invoices[3].lines.map(\.kind) == [InvoiceLine.Kind.work])
        #expect(computed.invoices[3].total == 66_000)
    }

    @Test("rollover into a month uses the cap in force the month before")
    func rolloverAcrossCapChange() throws {
        let (computed, diagnostics) = Self.compute(
            client: "rate: 30.00\nretainer: { hours: 20, fee: 550.00, rollover: 5, start: 2026-09 }\n",
            terms: [
                Self.agreed(1, "2026-09-01"),
                Self.agreed(2, "2026-11-01", "retainer: { hours: 20, fee: 550.00, rollover: 2 }\n"),
            ],
            sheets: [
                ("2026-09", Self.sheet("2026-09-07", hours: 10)), ("2026-10", Self.sheet("2026-10-05", hours: 10)),
                ("2026-12", Self.sheet("2026-12-07", hours: 1)),
            ])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let months = Dictionary(
            uniqueKeysWithValues: try #require(computed).figures.months.map { ($0.month.description, $0) })
        // September: 10 of 20 included used → 10 unused, cap 5 → 5h roll into October.
        #expect(months["2026-09"]?.retainer?.rolloverInMinutes == 0)
        // October: 10h used = 5 rolled + 5 included → 15 included unused; October's cap is 5 → 5h into November.
        #expect(months["2026-10"]?.retainer?.rolloverInMinutes == 5 * 60)
        // November (cap 2 from now on) still receives 5h: the cap that counts is October's.
        #expect(months["2026-11"]?.retainer?.rolloverInMinutes == 5 * 60)
        #expect(months["2026-11"]?.retainer?.availableMinutes == 25 * 60)
        // November used nothing: 20 included unused, November's cap 2 → 2h into December.
        #expect(months["2026-12"]?.retainer?.rolloverInMinutes == 2 * 60)
    }

    @Test("nothing rolls across a month without a retainer")
    func noRolloverAcrossGap() throws {
        let (computed, diagnostics) = Self.compute(
            client: "rate: 30.00\nretainer: { hours: 20, fee: 550.00, rollover: 5, start: 2026-09 }\n",
            terms: [
                Self.agreed(1, "2026-09-01"), Self.agreed(2, "2026-10-01", "retainer: none\n"),
                Self.agreed(3, "2026-11-01", "retainer: { hours: 20, fee: 550.00, rollover: 5 }\n"),
            ],
            sheets: [("2026-09", Self.sheet("2026-09-07", hours: 1)), ("2026-11", Self.sheet("2026-11-02", hours: 1))])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let months = Dictionary(
            uniqueKeysWithValues: try #require(computed).figures.months.map { ($0.month.description, $0) })
        #expect(months["2026-09"]?.retainer?.rolloverOutMinutes == 5 * 60)
        #expect(months["2026-10"]?.retainer == nil)
        #expect(months["2026-11"]?.retainer?.rolloverInMinutes == 0)
    }

    @Test("advance billing across a fee change: the invoice for M bills M's fee and M−1's usage at M−1's figures")
    func advanceAcrossFeeChange() throws {
        let block = "billing: advance, start: 2026-09, overage_rate: 32.00"
        let (computed, diagnostics) = Self.compute(
            client: "rate: 30.00\ntravel_rate: 15.00\nretainer: { hours: 20, fee: 550.00, \(block) }\n",
            terms: [
                Self.agreed(1, "2026-09-01"),
                Self.agreed(
                    2, "2026-12-01",
                    "travel_rate: 20.00\nretainer: { hours: 20, fee: 675.00, billing: advance, overage_rate: 40.00 }\n"),
            ],
            sheets: [("2026-11", Self.sheet("2026-11-02", hours: 21, travel: 1))],
            invoices: [Self.invoice(1, period: "2026-12", issued: "2026-12-01")])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let invoice = try #require(computed?.invoices.first)
        // December's fee at December's figures: £675.00. November's usage at November's figures: 21h used of
        // 20h available → 1h × £32 = £32.00 (not £40); travel 1h × £15 = £15.00 (not £20). Total £722.00.
        #expect(invoice.usageMonth?.description == "2026-11")
        #expect(invoice.lines.map(\.amount) == [67_500, 3_200, 1_500])
        #expect(invoice.total == 72_200)
    }

    @Test("payment terms are the figures in force on the issue date")
    func paymentTermsByIssueDate() throws {
        let (computed, diagnostics) = Self.compute(
            client: "rate: 30.00\npayment_terms: 14\n",
            terms: [Self.agreed(1, "2026-09-01"), Self.agreed(2, "2026-12-01", "payment_terms: 30\n")],
            sheets: [("2026-11", Self.sheet("2026-11-02", hours: 1))],
            invoices: [
                "---\nnumber: INV-1\nissued: 2026-11-30\nstatus: sent\nlines:\n  - { description: Setup, amount: 10.00 }\n---\n",
                "---\nnumber: INV-2\nissued: 2026-12-01\nperiod: 2026-11\nstatus: sent\n---\n",
            ])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let invoices = try #require(computed?.invoices)
        // Issued 30 November under 14 days → due 14 December; issued 1 December under 30 days → due 31 December.
        #expect(invoices.map(\.due.description) == ["2026-12-14", "2026-12-31"])
    }

    @Test("core hours and increment from a version reprice only the months it covers")
    func coreHoursChange() throws {
        let (computed, diagnostics) = Self.compute(
            client: "rate: 30.00\nout_of_hours_rate: 45.00\ncore_hours: \"Mon-Fri 09:00-17:00\"\n",
            terms: [
                Self.agreed(1, "2026-09-01"),
                Self.agreed(2, "2026-11-01", "core_hours: \"Mon-Fri 09:00-15:00\"\nincrement: 15m\n"),
            ],
            sheets: [
                ("2026-10", "## 2026-10-05\n- 14:00-16:10 Board pack\n"),
                ("2026-11", "## 2026-11-02\n- 14:00-16:10 Board pack\n"),
            ])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let months = Dictionary(
            uniqueKeysWithValues: try #require(computed).figures.months.map { ($0.month.description, $0) })
        // October (09:00-17:00, 1m): all 130 minutes core.
        #expect(months["2026-10"]?.inHoursMinutes == 130)
        #expect(months["2026-10"]?.outOfHoursMinutes == 0)
        // November (09:00-15:00, 15m): 60 core → 60; 70 out of hours → rounded up to 75.
        #expect(months["2026-11"]?.inHoursMinutes == 60)
        #expect(months["2026-11"]?.outOfHoursMinutes == 75)
    }

    @Test("a version with figures that does not take effect on a month's first day is an error on its effective line")
    func effectiveMidMonth() {
        var diagnostics = Diagnostics()
        let text =
            "---\nversion: 2\neffective: 2026-11-15\nstatus: agreed\nagreed_on: 2026-11-01\nagreed_by: Sam\nrate: 35.00\n---\nTerms.\n"
        let terms = Terms.parse(
            source(text, path: "content/clients/acme/terms/2.md"), currency: .gbp, diagnostics: &diagnostics)
        #expect(terms == nil)
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/clients/acme/terms/2.md:3:12: error: this version sets billing figures (`rate`), so it must take effect on the first day of a month; expected `effective: 2026-12-01` (or 2026-11-01)"
            ])
        // Without figures, any day is fine.
        var plain = Diagnostics()
        let textOnly = Terms.parse(
            source(
                TemporarySite.sealed("c/terms/2.md", text.replacingOccurrences(of: "rate: 35.00\n", with: "")),
                path: "t.md"),
            currency: .gbp, diagnostics: &plain)
        #expect(textOnly != nil && plain.all.isEmpty)
    }

    @Test("`retainer` written as something other than a block or `none` is an error naming both forms")
    func retainerScalar() {
        var diagnostics = Diagnostics()
        let text = "---\nversion: 2\neffective: 2026-11-01\nstatus: proposed\nretainer: stop\n---\n"
        _ = Terms.parse(source(text, path: "t.md"), currency: .gbp, diagnostics: &diagnostics)
        #expect(
            diagnostics.errors.map(\.description) == [
                "t.md:5:11: error: `retainer` must be a group of fields like `retainer: { hours: 20, fee: 550.00 }`, or `none` to end a retainer; found `stop`"
            ])
    }
}

extension FiguresOverTimeTests {
    @Test("arrears → advance: the change-over month's work billed by two invoices is an error naming both")
    func billedTwiceAcrossModeChange() throws {
        let (computed, diagnostics) = Self.compute(
            client: "rate: 30.00\nretainer: { hours: 20, fee: 550.00, start: 2026-09 }\n",
            terms: [
                Self.agreed(1, "2026-09-01"),
                Self.agreed(2, "2026-12-01", "retainer: { hours: 20, fee: 550.00, billing: advance }\n"),
            ],
            sheets: [("2026-11", Self.sheet("2026-11-02", hours: 1))],
            invoices: [
                Self.invoice(1, period: "2026-11", issued: "2026-12-01"),
                Self.invoice(2, period: "2026-12", issued: "2026-12-01"),
            ])
        // INV-1 bills November in arrears; INV-2, the first advance invoice, bills December's fee and
        // November's work again.
        #expect(computed?.invoices.map { $0.usageMonth?.description } == ["2026-11", "2026-11"])
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/clients/acme/invoices/INV-2.md: error: the work of November 2026 is billed by both INV-1 (period 2026-11) and INV-2 (period 2026-12): the retainer's billing changes between arrears and advance here; every month is billed by one invoice only, so settle the change-over month by hand (extra `lines`, or no `period` on one of them)"
            ])
    }
}

extension FiguresOverTimeTests {
    @Test("a retainer brought in by a version counts its months from its start, before anything is logged")
    func retainerStartInVersion() throws {
        let (computed, diagnostics) = Self.compute(
            client: "rate: 30.00\n",
            terms: [
                Self.agreed(1, "2026-08-01", "retainer: { hours: 10, fee: 300.00, rollover: 5, start: 2026-08 }\n")
            ],
            sheets: [("2026-10", Self.sheet("2026-10-05", hours: 12))],
            today: "2026-10-20")
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let months = Dictionary(
            uniqueKeysWithValues: try #require(computed).figures.months.map { ($0.month.description, $0) })
        // August and September are retainer months: nothing used, 5h (the cap) rolls on each time. October:
        // 10h + 5h = 15h available, 12h used, no overage.
        #expect(months.keys.sorted() == ["2026-08", "2026-09", "2026-10"])
        #expect(months["2026-10"]?.retainer?.rolloverInMinutes == 5 * 60)
        #expect(months["2026-10"]?.retainer?.overageMinutes == 0)
        #expect(months["2026-10"]?.retainer?.remainingMinutes == 3 * 60)
    }
}
