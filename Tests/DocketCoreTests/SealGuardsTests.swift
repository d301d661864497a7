import Foundation
import Testing

@testable import DocketCore

/// What else a seal guards, found by review: the currency, the due date, the lines as sent; and what an
/// invoice may not be issued for. November's invoice of `IssuingSite` is £95.00 (worked out there).
@Suite("What a seal guards")
struct SealGuardsTests {
    static let path = InvoiceSealTests.path
    let cli = CLITests()

    @Test("a sealed invoice keeps its currency: billing the client in EUR afterwards is an error on the total line")
    func currencyChange() throws {
        let site = try IssuingSite.make([
            Self.path: InvoiceSealTests.sent(total: IssuingSite.novemberTotal),
            "content/clients/acme/client.md": IssuingSite.client.replacingOccurrences(
                of: "rate: 30", with: "rate: 30\ncurrency: EUR"),
        ])
        defer { site.remove() }
        #expect(
            site.build(today: "2026-12-05").diagnostics.errors.map(\.description) == [
                "\(Self.path):6:8: error: this invoice was sent in GBP (`total: GBP 95.00`), but the client is now billed in EUR; a sent invoice keeps its currency: set `currency: GBP` back in client.md, or void this invoice (`status: void`) and issue a new one"
            ])
    }

    @Test("--send writes the due date, so payment terms changed later never move it")
    func dueDateKept() throws {
        let site = try IssuingSite.make()
        defer { site.remove() }
        let common = ["--site", site.root.path, "--today", "2026-12-05"]
        #expect(try cli.docket(["invoice", "acme"] + common).status == 0)
        #expect(try cli.docket(["invoice", "--send", "INV-0001"] + common).status == 0)
        // Issued 5 December 2026 under 14 days' terms: due 19 December.
        #expect(site.read(Self.path)?.contains("\ndue: 2026-12-19\n") == true)
        try site.write(
            "content/business.md",
            billingBusinessMD.replacingOccurrences(of: "payment_terms: 14", with: "payment_terms: 60"))
        let report = site.build(today: "2026-12-05")
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        var diagnostics = Diagnostics()
        let checked = try #require(
            CheckedSite.load(root: site.root, today: IssuingSite.date("2026-12-05"), diagnostics: &diagnostics))
        #expect(checked.invoice(numbered: "INV-0001")?.invoice.due == IssuingSite.date("2026-12-19"))
    }

    @Test("the same total with other lines breaks the seal: core hours moved work out of hours at the same rate")
    func sameTotalOtherLines() throws {
        // Core hours 09:00-10:00 split 09:00-11:15 into 1.00 h core and 1.25 h out of hours, both at £30:
        // £30.00 + £37.50 = £67.50, the same total, but not the line that was sent.
        let site = try IssuingSite.make([
            Self.path: InvoiceSealTests.sent(total: IssuingSite.novemberTotal),
            "content/clients/acme/client.md": IssuingSite.client.replacingOccurrences(
                of: "rate: 30", with: "rate: 30\ncore_hours: \"Mon-Fri 09:00-10:00\""),
        ])
        defer { site.remove() }
        #expect(
            site.build(today: "2026-12-05").diagnostics.errors.map(\.description) == [
                "\(Self.path):6:8: error: INV-0001 was sent with a total of £95.00, and its records still give that total, but not the same lines: work 2.25 h → 1.00 h (£67.50 → £30.00); out-of-hours none → 1.25 h (£37.50). \(InvoiceSealTests.reissue)"
            ])
    }

    @Test("a rate change that prints the same minutes differently (3.333 h, 3.3333 h) is named as a changed figure")
    func rateChangeSameMinutes() throws {
        // 200 minutes at £25 = £83.33 (printed 3.333 h: 3.333 × 25 = 83.325 → 83.33); at £28 = £93.33
        // (3.333 × 28 = 93.324 → 93.32, so 3.3333 h: 93.3324 → 93.33).
        let november = "## 2026-11-02\n- 09:00-12:20 Report\n"
        let site = try IssuingSite.make([
            Self.path: InvoiceSealTests.sent(total: "total: GBP 83.33  # as sent: work 3.333 h 83.33"),
            "content/clients/acme/client.md": IssuingSite.client.replacingOccurrences(of: "rate: 30", with: "rate: 28"),
            "content/clients/acme/timesheets/2026-11.md": november,
        ])
        defer { site.remove() }
        #expect(
            site.build(today: "2026-12-05").diagnostics.errors.map(\.description) == [
                "\(Self.path):6:8: error: INV-0001 was sent with a total of £83.33, but its records now give £93.33: work £83.33 → £93.33. \(InvoiceSealTests.refigure)"
            ])
    }

    @Test("a changed VAT rate is named as such, with its own way out")
    func vatRateChange() throws {
        // At 20%: £95.00 + £19.00 = £114.00. At 17.5%: £95.00 + £16.625 → £16.63 = £111.63.
        let business = billingBusinessMD.replacingOccurrences(
            of: "payment_terms: 14", with: "payment_terms: 14\nvat_number: GB123456789\nvat_rate: 17.5")
        let site = try IssuingSite.make([
            "content/business.md": business,
            Self.path: InvoiceSealTests.sent(
                total:
                    "total: GBP 114.00  # as sent: work 2.25 h 67.50; travel 0.50 h 15.00; expenses 1 item 12.50; vat 20% 19.00"
            ),
        ])
        defer { site.remove() }
        #expect(
            site.build(today: "2026-12-05").diagnostics.errors.map(\.description) == [
                "\(Self.path):6:8: error: INV-0001 was sent with a total of £114.00, but its records now give £111.63: vat 20% → 17.5% (£19.00 → £16.63). A sent invoice must not change: the VAT rate in content/business.md has changed; a sent invoice keeps the rate it was sent with, so restore `vat_rate`, or void this invoice (`status: void`) and issue a new one with `docket invoice acme --period 2026-11`"
            ])
    }

    @Test("an invoice may not be drafted or sent for work of a month that has not begun")
    func futureMonth() throws {
        let site = try IssuingSite.make([
            "content/clients/acme/client.md": IssuingSite.client.replacingOccurrences(
                of: "rate: 30", with: "rate: 30\nretainer: { hours: 10, fee: 300.00, start: 2026-11 }")
        ])
        defer { site.remove() }
        let common = ["--site", site.root.path, "--today", "2026-12-05"]
        let draft = try cli.docket(["invoice", "acme", "--period", "2027-05"] + common)
        #expect(draft.status == 1)
        #expect(
            draft.stderr.hasPrefix(
                "content/clients/acme: error: the invoice for May 2027 bills the work of May 2027, which has not begun on Saturday 5 December 2026; issue it once the work is done (from Saturday 1 May 2027 at the earliest)\n"
            ))
        #expect(!site.exists("content/clients/acme/invoices"))
        // A draft written by hand for May 2027 is refused by --send the same way.
        try site.write(
            "content/clients/acme/invoices/INV-0001.md",
            "---\nnumber: INV-0001\nissued: 2026-12-05\nperiod: 2027-05\nstatus: draft\n---\n")
        let send = try cli.docket(["invoice", "--send", "INV-0001"] + common)
        #expect(send.status == 1)
        #expect(send.stderr.contains("error: the invoice for May 2027 bills the work of May 2027, which has not begun"))
        #expect(site.read("content/clients/acme/invoices/INV-0001.md")?.contains("status: draft") == true)
    }
}
