import Foundation
import Testing

@testable import DocketCore

/// Invoices computed by hand. 2026-11-02 is a Monday; 2026-11-07 a Saturday.
@Suite("Invoices")
struct InvoiceTests {
    static func record(
        _ period: String?, issued: String = "2026-12-01", status: InvoiceRecordStatus = .sent,
        payments: [(String, MinorUnits)] = [], lines: [ExtraLine] = [], due: String? = nil
    ) -> InvoiceRecord {
        InvoiceRecord(
            number: "INV-1", issued: CalendarDate(iso: issued)!, period: period.flatMap { YearMonth(iso: $0) },
            supplied: nil, due: due.flatMap { CalendarDate(iso: $0) }, status: status, po: nil,
            payments: payments.map { Payment(date: CalendarDate(iso: $0.0)!, amount: $0.1) },
            extraLines: lines, noteHTML: "", path: "content/clients/acme/invoices/INV-1.md", numberLine: 2)
    }

    static func context(
        _ client: BillingFigures, sheets: [(String, String)], business: Business = testBusiness(),
        today: String = "2026-12-05"
    ) -> InvoiceCalculator.Context {
        let timesheets = sheets.map { parseTimesheet($0.1, month: $0.0).0 }
        let figures = MonthCalculator.figures(client: client, timesheets: timesheets, today: CalendarDate(iso: today)!)
        var months = Dictionary(uniqueKeysWithValues: figures.months.map { ($0.month, $0) })
        if let current = figures.current { months[current.month] = months[current.month] ?? current }
        return InvoiceCalculator.Context(
            client: client, business: business, months: months,
            timesheets: Dictionary(uniqueKeysWithValues: timesheets.map { ($0.month, $0) }),
            terms: [])
    }

    static let hourlyNovember = """
        ## 2026-11-02 Monday
        - 09:00-10:10 Inbox and diary
        - 16:30-18:05 Board pack, finished after hours
        ## 2026-11-03 Tuesday
        - travel 50m Drive to the office
        - travel 1h20m Drive back via the printer
        - mileage 10mi Office
        - mileage 16.093km Printer
        - expense 12.50 Parking
        - expense £3.99 Stamps
        - 20m Tidied shared drive #unbilled
        ## 2026-11-07 Saturday
        - 1h Weekend cover
        """

    func hourlyClient() -> BillingFigures {
        var client = testClient(rate: 3000, increment: 15, coreHours: "Mon-Fri 09:00-17:00")
        client.outOfHoursRate = 4500
        client.travelRate = 1500
        client.mileageRate = 45
        return client
    }

    @Test("an hourly month: rounding, out of hours, travel, km mileage for a mi client, expenses")
    func hourlyMonth() {
        let context = Self.context(hourlyClient(), sheets: [("2026-11", Self.hourlyNovember)])
        let invoice = InvoiceCalculator.invoice(
            Self.record("2026-11"), context: context, today: CalendarDate(iso: "2026-12-05")!)
        // Core: 70 → 75, and 16:30-17:00 = 30 → 30: 105 minutes × £30/h = £52.50.
        // Out of hours: 17:00-18:05 = 65 → 75, Saturday 60: 135 minutes × £45/h = £101.25.
        // Travel: 50 → 60, 80 → 90: 150 minutes × £15/h = £37.50.
        // Mileage: 10 mi + 16.093 km (9.99973 mi) = 19.99973 mi × 45p = 899.988p → £9.00, shown as 20.0 mi.
        // Expenses at cost: £12.50 and £3.99. The unbilled 20 minutes are not charged.
        #expect(invoice.lines.map(\.kind) == [.work, .outOfHours, .travel, .mileage, .expense, .expense])
        #expect(invoice.lines.map(\.amount) == [5250, 10125, 3750, 900, 1250, 399])
        #expect(invoice.lines.map(\.quantityText) == ["1.75", "2.25", "2.50", "20.0", "1", "1"])
        #expect(invoice.lines.map(\.unit) == ["h", "h", "h", "mi", "item", "item"])
        #expect(invoice.lines.map(\.unitPrice) == [3000, 4500, 1500, 45, 1250, 399])
        #expect(invoice.lines[4].description == "Parking (3 Nov 2026)")
        #expect(invoice.subtotal == 21_674)
        #expect(invoice.vat == 0)
        #expect(invoice.total == 21_674)
        #expect(invoice.due.description == "2026-12-15")  // issued 1 Dec + 14 days
        #expect(invoice.status == .sent)
    }

    func retainerClient(billing: RetainerBilling) -> BillingFigures {
        testClient(
            rate: 3000,
            retainer: RetainerTerms(
                includedMinutes: 600, fee: 30_000, rolloverMinutes: 120,
                overageRate: 4000, billing: billing,
                start: YearMonth(iso: "2026-10")))
    }

    static let retainerSheets = [
        ("2026-10", "## 2026-10-05\n- 8h Set-up month\n"),
        ("2026-11", "## 2026-11-02\n- 6h Campaign\n- 6h30m Launch\n- travel 1h Launch venue\n"),
    ]

    @Test("a retainer month with overage after rollover (arrears)")
    func retainerOverage() {
        let context = Self.context(retainerClient(billing: .arrears), sheets: Self.retainerSheets)
        let invoice = InvoiceCalculator.invoice(
            Self.record("2026-11"), context: context, today: CalendarDate(iso: "2026-12-05")!)
        // October used 8h of 10h: 2h unused, rollover capped at 2h. November: 10h + 2h = 12h available,
        // 12h 30m used: 30 minutes over at £40/h = £20.00. Travel 1h at £30/h.
        #expect(invoice.lines.map(\.kind) == [.retainerFee, .overage, .travel])
        #expect(invoice.lines.map(\.amount) == [30_000, 2000, 3000])
        #expect(invoice.lines[1].quantityText == "0.50")
        #expect(invoice.total == 35_000)
    }

    @Test("billing in advance: the fee of the period with everything else of the month before")
    func advance() {
        let context = Self.context(retainerClient(billing: .advance), sheets: Self.retainerSheets)
        let today = CalendarDate(iso: "2026-12-05")!
        let december = InvoiceCalculator.invoice(Self.record("2026-12"), context: context, today: today)
        #expect(december.lines.map(\.kind) == [.retainerFee, .overage, .travel])
        #expect(december.lines.map(\.amount) == [30_000, 2000, 3000])
        #expect(december.lines[0].month?.description == "2026-12")
        #expect(december.lines[1].month?.description == "2026-11")
        #expect(december.usageMonth?.description == "2026-11")
        // The first month of the retainer bills only its fee: nothing was used before it.
        let october = InvoiceCalculator.invoice(
            Self.record("2026-10", issued: "2026-10-01"), context: context, today: today)
        #expect(october.lines.map(\.amount) == [30_000])
        // November bills November's fee and October's usage: 8h within the retainer, nothing more.
        let november = InvoiceCalculator.invoice(
            Self.record("2026-11", issued: "2026-11-01"), context: context, today: today)
        #expect(november.lines.map(\.amount) == [30_000])
    }

    @Test("VAT is rounded half up once, at a .5 boundary")
    func vatRounding() {
        var business = testBusiness()
        business.vatNumber = "GB123456789"
        business.vatRate = FixedDecimal(digits: 175, scale: 1, negative: false)
        let context = Self.context(testClient(), sheets: [], business: business)
        let today = CalendarDate(iso: "2026-12-05")!
        // £10.20 at 17.5% = 178.5p → 179p (half up; banker's rounding would give 178p).
        let invoice = InvoiceCalculator.invoice(
            Self.record(nil, lines: [ExtraLine(description: "Setup", amount: 1020)]),
            context: context, today: today)
        #expect(invoice.subtotal == 1020)
        #expect(invoice.vat == 179)
        #expect(invoice.total == 1199)
        #expect(
            InvoiceCalculator.vatAmount(subtotal: 1003, rate: FixedDecimal(digits: 20, scale: 0, negative: false))
                == 201)
        #expect(
            InvoiceCalculator.vatAmount(subtotal: 1002, rate: FixedDecimal(digits: 20, scale: 0, negative: false))
                == 200)
    }

    @Test("each line is rounded half up once from the exact product")
    func lineRounding() {
        // 1 minute at £0.30/h = 0.5p → 1p; 1 minute at £0.29/h = 0.4833p → 0p; 7 minutes at £33.33/h = 388.85p → 389p.
        #expect(InvoiceCalculator.amount(minutes: 1, hourlyRate: 30) == 1)
        #expect(InvoiceCalculator.amount(minutes: 1, hourlyRate: 29) == 0)
        #expect(InvoiceCalculator.amount(minutes: 7, hourlyRate: 3333) == 389)
    }

    @Test("partial payments, an overdue balance, paid in full, and the due date itself")
    func paymentsAndStatus() {
        let context = Self.context(hourlyClient(), sheets: [("2026-11", Self.hourlyNovember)])
        let partial = Self.record("2026-11", payments: [("2026-12-08", 10_000), ("2026-12-12", 5000)])
        let late = InvoiceCalculator.invoice(partial, context: context, today: CalendarDate(iso: "2026-12-20")!)
        #expect(late.paid == 15_000)
        #expect(late.balance == 6674)
        #expect(late.status == .overdue)
        #expect(late.daysOverdue == 5)
        let onDueDate = InvoiceCalculator.invoice(partial, context: context, today: CalendarDate(iso: "2026-12-15")!)
        #expect(onDueDate.status == .sent)
        let full = InvoiceCalculator.invoice(
            Self.record("2026-11", payments: [("2026-12-20", 21_674)]),
            context: context, today: CalendarDate(iso: "2027-01-20")!)
        #expect(full.status == .paid)
        #expect(full.balance == 0)
        let draft = InvoiceCalculator.invoice(
            Self.record("2026-11", status: .draft), context: context,
            today: CalendarDate(iso: "2027-01-20")!)
        #expect(draft.status == .draft && !draft.isPublished)
        let void = InvoiceCalculator.invoice(
            Self.record("2026-11", status: .void), context: context,
            today: CalendarDate(iso: "2027-01-20")!)
        #expect(void.status == .void && !void.isPublished)
        let explicitDue = InvoiceCalculator.invoice(
            Self.record("2026-11", due: "2026-12-31"), context: context,
            today: CalendarDate(iso: "2026-12-20")!)
        #expect(explicitDue.status == .sent)
    }

    @Test("the statement: invoices and payments in date order with a running balance")
    func statement() {
        let context = Self.context(testClient(), sheets: [])
        let today = CalendarDate(iso: "2026-12-20")!
        let a = InvoiceCalculator.invoice(
            InvoiceRecord(
                number: "A-1", issued: CalendarDate(iso: "2026-10-01")!, period: nil,
                supplied: nil, due: nil, status: .sent, po: nil,
                payments: [Payment(date: CalendarDate(iso: "2026-10-05")!, amount: 4000)],
                extraLines: [ExtraLine(description: "x", amount: 10_000)],
                noteHTML: "", path: "a", numberLine: 1), context: context, today: today)
        let b = InvoiceCalculator.invoice(
            InvoiceRecord(
                number: "A-2", issued: CalendarDate(iso: "2026-12-10")!, period: nil,
                supplied: nil, due: nil, status: .sent, po: nil, payments: [],
                extraLines: [ExtraLine(description: "y", amount: 2500)],
                noteHTML: "", path: "b", numberLine: 1), context: context, today: today)
        let draft = InvoiceCalculator.invoice(
            InvoiceRecord(
                number: "A-3", issued: CalendarDate(iso: "2026-12-11")!, period: nil,
                supplied: nil, due: nil, status: .draft, po: nil, payments: [],
                extraLines: [ExtraLine(description: "z", amount: 99_900)],
                noteHTML: "", path: "c", numberLine: 1), context: context, today: today)
        let statement = Statement(invoices: [b, draft, a])
        #expect(statement.rows.map(\.balance) == [10_000, 6000, 8500])
        #expect(statement.rows.map(\.isPayment) == [false, true, false])
        #expect(statement.balance == 8500)
        #expect(statement.overdue.map(\.number) == ["A-1"])  // due 15 Oct, £60.00 left
        #expect(statement.nextDue?.number == "A-2")  // due 24 Dec
        #expect(statement.latest?.number == "A-2")
    }
}

@Suite("Invoice records and checks")
struct InvoiceRecordTests {
    func parse(_ text: String) -> (InvoiceRecord?, Diagnostics) {
        var diagnostics = Diagnostics()
        let record = InvoiceRecord.parse(
            source(text, path: "content/clients/acme/invoices/INV-2026-042.md"),
            currency: .gbp, diagnostics: &diagnostics)
        return (record, diagnostics)
    }

    @Test("every field, payments, extra lines with a discount, and the note")
    func fields() {
        let (record, diagnostics) = parse(
            """
            ---
            number: INV-2026-042
            issued: 2026-12-01
            period: 2026-11
            due: 2026-12-15
            status: sent
            po: PO-7788
            payments:
              - { date: 2026-12-10, amount: 400.00 }
            lines:
              - { description: Setup of shared inbox, amount: 50.00 }
              - { description: Loyalty discount, amount: -20.00 }
            ---
            Thank you for *your* business.
            """)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        #expect(record?.period?.description == "2026-11")
        #expect(record?.payments == [Payment(date: CalendarDate(iso: "2026-12-10")!, amount: 40_000)])
        #expect(
            record?.extraLines == [
                ExtraLine(description: "Setup of shared inbox", amount: 5000),
                ExtraLine(description: "Loyalty discount", amount: -2000),
            ])
        #expect(record?.noteHTML == "<p>Thank you for <em>your</em> business.</p>\n")
        #expect(record?.numberLine == 2)
        #expect(record?.po == "PO-7788")
    }

    @Test("bad fields are errors at their line; a missing status is a warning (treated as draft)")
    func badFields() {
        let (record, diagnostics) = parse(
            """
            ---
            number: INV/2026/042
            issued: 1 Dec 2026
            payments:
              - { date: 2026-12-10, amount: lots }
            ---
            """)
        #expect(record == nil)
        #expect(diagnostics.errors.map { "\($0.line):\($0.column)" } == ["2:9", "3:9", "5:33"])
        #expect(diagnostics.warnings.map(\.message).first?.contains("treated as a draft") == true)
    }

    func site(_ extra: [String: String] = [:]) throws -> TemporarySite {
        var files = [
            "content/business.md": billingBusinessMD,
            "content/clients/acme/client.md":
                "---\nname: Acme\ncontact: Sam\nemail: s@a.example\naddress: 1 High St\nrate: 30\n---\n",
            "content/clients/acme/terms/1.md":
                "---\nversion: 1\neffective: 2026-01-01\nstatus: agreed\nagreed_on: 2025-12-20\nagreed_by: Sam\n---\nTerms.\n",
            "content/clients/acme/timesheets/2026-10.md": "## 2026-10-05\n- 2h Work\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 1h Work\n",
            "content/clients/acme/invoices/INV-041.md":
                "---\nnumber: INV-041\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\ntotal: 60.00\n---\n",
        ]
        for (path, text) in extra { files[path] = text }
        return try TemporarySite(files: files)
    }

    @Test("a clean site has no diagnostics")
    func clean() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.build(today: "2026-11-20")
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.all)")
    }

    @Test("a number used twice is an error naming both files; a gap is a warning")
    func numbers() throws {
        let site = try site([
            "content/clients/beta/client.md":
                "---\nname: Beta\ncontact: B\nemail: b@b.example\naddress: 2 Low St\nrate: 30\n---\n",
            "content/clients/beta/invoices/INV-041.md":
                "---\nnumber: INV-041\nissued: 2026-11-01\nstatus: draft\n---\n",
            "content/clients/acme/invoices/INV-044.md":
                "---\nnumber: INV-044\nissued: 2026-11-02\nstatus: draft\n---\n",
        ])
        defer { site.remove() }
        let report = site.build(today: "2026-11-20")
        #expect(
            report.diagnostics.errors.map(\.description) == [
                "content/clients/beta/invoices/INV-041.md:2: error: the invoice number INV-041 is already used by content/clients/acme/invoices/INV-041.md; expected a number unique across the business"
            ])
        #expect(
            report.diagnostics.warnings.map(\.message).contains(
                "INV-042 to INV-043 are missing between INV-041 and INV-044; keep a cancelled invoice as `status: void` rather than deleting it"
            ))
    }

    @Test("two published invoices billing one month is an error; a void one is not")
    func samePeriod() throws {
        let site = try site([
            "content/clients/acme/invoices/INV-042.md":
                "---\nnumber: INV-042\nissued: 2026-11-03\nperiod: 2026-10\nstatus: sent\n---\n",
            "content/clients/acme/invoices/INV-043.md":
                "---\nnumber: INV-043\nissued: 2026-11-03\nperiod: 2026-10\nstatus: void\n---\n",
        ])
        defer { site.remove() }
        let errors = site.build(today: "2026-11-20").diagnostics.errors
        #expect(errors.map(\.path) == ["content/clients/acme/invoices/INV-042.md"])
        #expect(errors.first?.message.contains("already bills October 2026") == true)
    }

    @Test("a sent invoice missing what it must carry is an error per missing item, and the build fails")
    func mustCarry() throws {
        let site = try site([
            "content/business.md": "---\nname: Jo\naddress: York\nemail: jo@example.com\n---\n",
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\n",
            "content/clients/acme/terms/1.md":
                "---\nversion: 1\neffective: 2026-11-01\nstatus: agreed\nagreed_on: 2025-12-20\nagreed_by: Sam\n---\n",
        ])
        defer { site.remove() }
        let report = site.build(today: "2026-11-20")
        let messages = report.diagnostics.errors.map(\.message)
        #expect(report.diagnostics.errors.allSatisfy { $0.path == "content/clients/acme/invoices/INV-041.md" })
        #expect(messages.count == 4)
        #expect(messages.contains { $0.contains("the client's address") })
        #expect(messages.contains { $0.contains("how to pay") })
        #expect(messages.contains { $0.contains("late-payment terms") })
        #expect(messages.contains { $0.contains("terms version in force during October 2026") })
        #expect(!site.exists("public"))
    }

    @Test("work older than this month that no invoice bills is a warning; an invoice for a month with no timesheet too")
    func uninvoiced() throws {
        let site = try site([
            "content/clients/acme/timesheets/2026-09.md": "## 2026-09-07\n- 12h15m Big project\n- expense 5 Post\n",
            "content/clients/acme/invoices/INV-042.md":
                "---\nnumber: INV-042\nissued: 2026-11-03\nperiod: 2026-08\nstatus: sent\ntotal: 100.00\nlines:\n  - { description: Deposit, amount: 100 }\n---\n",
        ])
        defer { site.remove() }
        let warnings = site.build(today: "2026-11-20").diagnostics.warnings.map(\.description)
        #expect(
            warnings == [
                "content/clients/acme/invoices/INV-042.md: warning: there is no timesheet for August 2026, the month this invoice bills",
                "content/clients/acme/timesheets/2026-09.md: warning: September 2026: 12h 15m of work, 1 expense not invoiced (no sent invoice bills this month)",
            ])
    }

    @Test("an address is split into its non-empty lines, each trimmed, whatever ends them")
    func addressLines() {
        #expect(
            PortalRenderer.addressLines("1 High St\r\n  Leeds \n\nLS1\u{0B}UK\u{0C}") == [
                "1 High St", "Leeds", "LS1", "UK",
            ])
        #expect(PortalRenderer.addressLines("Café Rd\u{2028}Paris\n") == ["Café Rd", "Paris"])
        #expect(PortalRenderer.addressLines("\n \n") == [])
        #expect(PortalRenderer.addressLines(nil) == [])
    }
}
