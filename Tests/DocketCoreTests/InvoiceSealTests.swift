import Foundation
import Testing

@testable import DocketCore

/// Sealed invoices: once sent with its total, an invoice must keep giving that total. November's invoice of
/// `IssuingSite` comes to £95.00; with the late entry, to £125.00 (worked out there).
@Suite("Sealed invoices")
struct InvoiceSealTests {
    static let path = "content/clients/acme/invoices/INV-0001.md"

    /// November's invoice, sent, with a `total:` line as given.
    static func sent(total: String?, payments: String = "") -> String {
        "---\nnumber: INV-0001\nissued: 2026-12-01\nperiod: 2026-11\nstatus: sent\n" + (total.map { $0 + "\n" } ?? "")
            + payments + "---\n"
    }

    static let reissue =
        "A sent invoice must not change: put the late entry in this month's timesheet (content/clients/acme/timesheets/2026-12.md) instead, or mark it #unbilled, or void this invoice (`status: void`) and issue a new one with `docket invoice acme --period 2026-11`"
    /// The ways out when only prices changed (a figure, not an entry).
    static let refigure =
        "A sent invoice must not change: a rate, fee or other billing figure it used has changed; keep the old figure for the months already invoiced and put the new one in a terms version that takes effect on the first day of the first month not yet invoiced, or void this invoice (`status: void`) and issue a new one with `docket invoice acme --period 2026-11`"
    /// The ways out when the lines as sent are not known.
    static let either =
        "A sent invoice must not change: if an entry was added or edited, put the late entry in this month's timesheet (content/clients/acme/timesheets/2026-12.md) instead, or mark it #unbilled; if a billing figure changed, keep the old figure for the months already invoiced and put the new one in a terms version that takes effect on the first day of the first month not yet invoiced; or void this invoice (`status: void`) and issue a new one with `docket invoice acme --period 2026-11`"

    @Test(
        "drafted, sent, built; a late entry in the sealed month fails build and check with one error, and public/ stays as it was"
    )
    func lateEntry() throws {
        let site = try IssuingSite.make()
        defer { site.remove() }
        let today = IssuingSite.date("2026-12-05")
        var diagnostics = Diagnostics()
        let draft = try #require(
            InvoiceDraft.make(
                root: site.root, slug: "acme", period: nil, issued: nil, today: today,
                diagnostics: &diagnostics), "\(diagnostics.all)")
        try draft.write(root: site.root)
        let change = try #require(
            InvoiceSending.send(
                number: "INV-0001", issued: nil, root: site.root, today: today,
                diagnostics: &diagnostics), "\(diagnostics.all)")
        try InvoiceSending.write([change], root: site.root)
        #expect(
            site.read(Self.path)
                == "---\nnumber: INV-0001\nissued: 2026-12-05\nperiod: 2026-11\nstatus: sent\n\(IssuingSite.novemberTotal)\ndue: 2026-12-19\n---\n"
        )
        let first = site.build(today: "2026-12-05")
        try #require(first.succeeded, "\(first.diagnostics.errors)")
        let published = site.snapshot("public")

        try site.write("content/clients/acme/timesheets/2026-11.md", IssuingSite.novemberLate)
        let expected =
            "\(Self.path):6:8: error: INV-0001 was sent with a total of £95.00, but its records now give £125.00: work 2.25 h → 3.25 h (£67.50 → £97.50). \(Self.reissue)"
        let failed = site.build(today: "2026-12-05")
        #expect(failed.diagnostics.errors.map(\.description) == [expected])
        #expect(site.snapshot("public") == published)
        #expect(site.build(today: "2026-12-05", mode: .check).diagnostics.errors.map(\.description) == [expected])

        // Marked #unbilled, the late hour is shown and not charged: the invoice gives its total again.
        try site.write(
            "content/clients/acme/timesheets/2026-11.md", IssuingSite.november + "- 1h Late call #unbilled\n")
        #expect(site.build(today: "2026-12-05").succeeded)
    }

    @Test("a changed figure is named by the amounts that changed")
    func changedRate() throws {
        // At £32 an hour: work 2.25 h = £72.00, travel 0.50 h = £16.00, parking £12.50: £100.50.
        let site = try IssuingSite.make([
            Self.path: Self.sent(total: IssuingSite.novemberTotal),
            "content/clients/acme/client.md": IssuingSite.client.replacingOccurrences(of: "rate: 30", with: "rate: 32"),
        ])
        defer { site.remove() }
        #expect(
            site.build(today: "2026-12-05").diagnostics.errors.map(\.description) == [
                "\(Self.path):6:8: error: INV-0001 was sent with a total of £95.00, but its records now give £100.50: work £67.50 → £72.00; travel £15.00 → £16.00. \(Self.refigure)"
            ])
    }

    @Test(
        "lines that appear or go are named; without a usable summary the error names both totals only",
        arguments: [
            // The expense deleted and a mileage line added (10 mi at 45p = £4.50): £67.50 + £15.00 + £4.50 = £87.00.
            (
                IssuingSite.novemberTotal, "mileage 10mi Office",
                "£87.00: mileage none → 10.0 mi (£4.50); expenses 1 item (£12.50) → none", reissue
            ),
            (
                "total: 95.00", "1h Late call",
                "£125.00 (the lines as sent are not recorded beside `total`, so which lines changed cannot be said)",
                either
            ),
            // An edited summary that no longer adds up to the total is not used.
            (
                "total: 95.00  # as sent: work 2.25 h 60.00", "1h Late call",
                "£125.00 (the lines as sent are not recorded beside `total`, so which lines changed cannot be said)",
                either
            ),
        ])
    func summaries(total: String, entry: String, now: String, waysOut: String) throws {
        var november = IssuingSite.november + "- \(entry)\n"
        if entry.hasPrefix("mileage") {
            november = november.replacingOccurrences(of: "- expense 12.50 Parking\n", with: "")
        }
        let site = try IssuingSite.make([
            Self.path: Self.sent(total: total),
            "content/clients/acme/timesheets/2026-11.md": november,
            "content/clients/acme/client.md": IssuingSite.client.replacingOccurrences(
                of: "rate: 30", with: "rate: 30\nmileage_rate: 0.45"),
        ])
        defer { site.remove() }
        #expect(
            site.build(today: "2026-12-05").diagnostics.errors.map(\.description) == [
                "\(Self.path):6:8: error: INV-0001 was sent with a total of £95.00, but its records now give \(now). \(waysOut)"
            ])
    }

    @Test("a sent invoice without `total` is computed as before, with a warning naming --seal")
    func unsealed() throws {
        let site = try IssuingSite.make([Self.path: Self.sent(total: nil)])
        defer { site.remove() }
        let report = site.build(today: "2026-12-05")
        #expect(report.succeeded)
        #expect(
            report.diagnostics.warnings.filter { $0.path == Self.path }.map(\.description) == [
                "\(Self.path):2: warning: INV-0001 is sent but its total (£95.00) is not sealed: a later edit to its records would change it without notice; run `docket invoice --seal INV-0001` (or `docket invoice --seal-all`) to record it"
            ])
    }

    @Test("void and draft invoices are not held to a total; a total on a draft is a warning")
    func voidAndDraft() throws {
        let site = try IssuingSite.make([
            Self.path: Self.sent(total: "total: 12.00").replacingOccurrences(of: "status: sent", with: "status: void"),
            "content/clients/acme/invoices/INV-0002.md":
                "---\nnumber: INV-0002\nissued: 2026-12-01\nperiod: 2026-11\nstatus: draft\ntotal: 12.00\n---\n",
        ])
        defer { site.remove() }
        let report = site.build(today: "2026-12-05")
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        #expect(
            report.diagnostics.warnings.map(\.description).contains(
                "content/clients/acme/invoices/INV-0002.md:6:8: warning: a draft has no total as sent; it is ignored (`docket invoice --send` writes it)"
            ))
    }

    @Test("payments above the total: a warning naming the credit, and the portal shows it in the client's favour")
    func overpaid() throws {
        let payments = "payments:\n  - { date: 2026-12-10, amount: 50.00 }\n  - { date: 2026-12-12, amount: 57.00 }\n"
        let site = try IssuingSite.make([Self.path: Self.sent(total: IssuingSite.novemberTotal, payments: payments)])
        defer { site.remove() }
        let report = site.build(today: "2026-12-15")
        #expect(report.succeeded)
        #expect(
            report.diagnostics.warnings.filter { $0.path == Self.path }.map(\.description) == [
                "\(Self.path):2: warning: INV-0001 is overpaid: payments of £107.00 against a total of £95.00 leave £12.00 in the client's favour; refund it, or take it off the next invoice with a line like `- { description: Credit from INV-0001, amount: -12.00 }`"
            ])
        let token = try #require(
            site.read("content/clients/acme/token.txt")?.trimmingCharacters(in: .whitespacesAndNewlines))
        let statement = try #require(site.read("public/\(token)/statement.html"))
        #expect(statement.contains("<p class=\"big\">£12.00 <span class=\"of\">in your favour</span></p>"))
        let overview = try #require(site.read("public/\(token)/index.html"))
        #expect(overview.contains("<p class=\"big\">£12.00 <span class=\"of\">in your favour</span></p>"))
    }

    @Test(
        "the seal's summary: one item per kind, expenses and extra lines summed, VAT with its rate; read back as written"
    )
    func summary() throws {
        var business = testBusiness()
        business.vatNumber = "GB123456789"
        business.vatRate = FixedDecimal(digits: 175, scale: 1, negative: false)
        let (sheet, _) = parseTimesheet("## 2026-11-02\n- 2h Work\n- expense 3.00 Stamps\n- expense 4.50 Post\n")
        let client = testClient(rate: 3000)
        let figures = MonthCalculator.figures(
            client: client, timesheets: [sheet], today: IssuingSite.date("2026-12-05"))
        let context = InvoiceCalculator.Context(
            client: client, business: business,
            months: Dictionary(uniqueKeysWithValues: figures.months.map { ($0.month, $0) }),
            timesheets: [sheet.month: sheet], terms: [])
        var record = InvoiceTests.record("2026-11")
        record.extraLines = [ExtraLine(description: "Discount", amount: -1000)]
        let invoice = InvoiceCalculator.invoice(record, context: context, today: IssuingSite.date("2026-12-05"))
        // Work £60.00, expenses £7.50, a £10.00 discount: subtotal £57.50; VAT 17.5% = £10.0625 → £10.06.
        let line = InvoiceSeal.totalLine(invoice, currency: .gbp)
        #expect(
            line
                == "total: GBP 67.56  # as sent: work 2.00 h 60.00; expenses 2 items 7.50; lines 1 item -10.00; vat 17.5% 10.06"
        )
        let items = try #require(InvoiceSeal.summary(inComment: Substring(line), currency: .gbp))
        #expect(items == InvoiceSeal.items(of: invoice))
        #expect(InvoiceSeal.summary(inComment: "total: 1.00  # as sent: wages 1 h 1.00", currency: .gbp) == nil)
        #expect(InvoiceSeal.summary(inComment: "total: 1.00  # as sent: work 1 h one", currency: .gbp) == nil)
        #expect(InvoiceSeal.summary(inComment: "total: 1.00  # sent", currency: .gbp) == nil)
    }

    @Test(
        "amounts are written plain in the currency's decimals",
        arguments: [
            (61250, "GBP", "612.50"), (5, "GBP", "0.05"), (-2000, "GBP", "-20.00"), (123_456_789, "GBP", "1234567.89"),
            (1250, "JPY", "1250"), (12345, "KWD", "12.345"),
        ])
    func plain(amount: MinorUnits, code: String, expected: String) throws {
        let currency = try #require(Currency(code: code))
        #expect(MoneyFormat.plain(amount, currency: currency) == expected)
        #expect(MoneyFormat.parseSigned(expected, currency: currency) == amount)
    }
}
