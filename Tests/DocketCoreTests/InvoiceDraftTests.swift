import Foundation
import Testing

@testable import DocketCore

/// `docket invoice SLUG`: the next invoice record, drafted. Figures of `IssuingSite` are worked out there.
@Suite("Drafting invoices")
struct InvoiceDraftTests {
    /// October 2026 (1h = £30.00) is billed by INV-0041, sent and sealed; November is not billed.
    func site(_ files: [String: String] = [:]) throws -> TemporarySite {
        var all = [
            "content/clients/acme/timesheets/2026-10.md": "## 2026-10-05\n- 1h Set-up\n",
            "content/clients/acme/invoices/INV-0041.md":
                "---\nnumber: INV-0041\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\ntotal: 30.00\n---\n",
        ]
        for (path, text) in files { all[path] = text }
        return try IssuingSite.make(all)
    }

    func draft(
        _ site: TemporarySite, slug: String = "acme", period: String? = nil, issued: String? = nil,
        today: String = "2026-12-05"
    ) -> (InvoiceDraft?, Diagnostics) {
        var diagnostics = Diagnostics()
        let draft = InvoiceDraft.make(
            root: site.root, slug: slug, period: period.flatMap { YearMonth(iso: $0) },
            issued: issued.map(IssuingSite.date), today: IssuingSite.date(today),
            diagnostics: &diagnostics)
        return (draft, diagnostics)
    }

    @Test("the next number, the first month not billed, issued today: exactly this file, and the invoice it computes")
    func writesTheFile() throws {
        let site = try site()
        defer { site.remove() }
        let (made, diagnostics) = draft(site)
        let draft = try #require(made, "\(diagnostics.all)")
        #expect(draft.path == "content/clients/acme/invoices/INV-0042.md")
        try draft.write(root: site.root)
        #expect(
            site.read("content/clients/acme/invoices/INV-0042.md")
                == "---\nnumber: INV-0042\nissued: 2026-12-05\nperiod: 2026-11\nstatus: draft\n---\n")
        #expect(draft.invoice.lines.map(\.amount) == [6750, 1500, 1250])
        #expect(draft.invoice.total == 9500)
        #expect(draft.invoice.due == IssuingSite.date("2026-12-19"))
        // Written again, the draft is never written over.
        #expect(throws: (any Error).self) { try draft.write(root: site.root) }
        // A draft is never published.
        let report = site.build(today: "2026-12-05")
        #expect(report.succeeded)
        #expect(!report.paths.contains { $0.hasSuffix("INV-0042.html") })
        #expect(report.paths.contains { $0.hasSuffix("INV-0041.html") })
    }

    @Test("what is printed: lines with quantity, rate and amount in columns, then subtotal and total")
    func printed() throws {
        let site = try site()
        defer { site.remove() }
        let draft = try #require(draft(site).0)
        let spaces = { (count: Int) in String(repeating: " ", count: count) }
        #expect(
            InvoiceText.render(draft.invoice, clientName: draft.clientName, currency: draft.currency) == """
                INV-0042 for Acme Widgets Ltd: November 2026, issued 5 Dec 2026, due 19 Dec 2026
                  Work, November 2026         2.25 h  at £30.00  £67.50
                  Travel time, November 2026  0.50 h  at £30.00  £15.00
                  Parking (2 Nov 2026)        1 item  at £12.50  £12.50
                \(spaces(39))Subtotal  £95.00
                \(spaces(42))Total  £95.00

                """)
    }

    @Test("the default period is the earliest month before this one that no sent invoice bills")
    func earliest() throws {
        let site = try site([
            "content/clients/acme/timesheets/2026-09.md": "## 2026-09-07\n- 2h Filing\n",
            "content/clients/acme/timesheets/2026-08.md": "## 2026-08-03\n- 30m Filing #unbilled\n",
        ])
        defer { site.remove() }
        // August has only free time: nothing to bill. September is the earliest; October is billed.
        #expect(draft(site).0?.invoice.record.period == YearMonth(iso: "2026-09"))
        // With `--period`, any month with something to bill.
        #expect(
            draft(site, period: "2026-11", issued: "2026-12-02").0?.invoice.record.issued
                == IssuingSite.date("2026-12-02"))
        // On 20 November, November is this month: September is still first; with September billed, nothing.
        try site.write(
            "content/clients/acme/invoices/INV-0042.md",
            "---\nnumber: INV-0042\nissued: 2026-10-01\nperiod: 2026-09\nstatus: sent\ntotal: 60.00\n---\n")
        #expect(draft(site).0?.invoice.record.period == YearMonth(iso: "2026-11"))
        let (none, diagnostics) = draft(site, today: "2026-11-20")
        #expect(none == nil)
        #expect(
            diagnostics.all.map(\.description) == [
                "content/clients/acme: error: nothing to invoice for acme: every month before November 2026 with something to bill is billed by a sent invoice (to bill another month, name it with --period YYYY-MM)"
            ])
    }

    static let advanceClient = """
        ---
        name: Bright Sparks
        contact: Lena
        email: lena@bright.example
        address: 2 Low St
        rate: 30
        retainer:
          hours: 10
          fee: 300.00
          billing: BILLING
          start: 2026-10
        ---

        """

    func retainerSite(billing: String) throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": billingBusinessMD,
            "content/clients/bright/client.md": Self.advanceClient.replacingOccurrences(of: "BILLING", with: billing),
            "content/clients/bright/terms/1.md": IssuingSite.terms,
            "content/clients/bright/timesheets/2026-10.md": "## 2026-10-05\n- 2h Set-up\n",
            "content/clients/bright/timesheets/2026-11.md": "## 2026-11-02\n- 3h Campaign\n",
            "content/clients/bright/invoices/INV-0001.md":
                "---\nnumber: INV-0001\nissued: 2026-10-01\nperiod: 2026-10\nstatus: sent\ntotal: 300.00\n---\n",
        ])
    }

    @Test("billed in advance, the default is this month: its fee, with the work of the month before")
    func advance() throws {
        let site = try retainerSite(billing: "advance")
        defer { site.remove() }
        // 20 November: INV-0001 billed October's fee (and September, before the retainer). November's invoice
        // bills November's fee and October's 2h, within the 10 included hours: the fee alone.
        let november = try #require(draft(site, slug: "bright", today: "2026-11-20").0)
        #expect(november.invoice.record.period == YearMonth(iso: "2026-11"))
        #expect(november.invoice.usageMonth == YearMonth(iso: "2026-10"))
        #expect(november.invoice.lines.map(\.amount) == [30_000])
        // With November's invoice sent, on 1 December the default is December (November's work).
        try site.write(
            "content/clients/bright/invoices/INV-0002.md",
            "---\nnumber: INV-0002\nissued: 2026-11-01\nperiod: 2026-11\nstatus: sent\ntotal: 300.00\n---\n")
        let december = try #require(draft(site, slug: "bright", today: "2026-12-01").0)
        #expect(december.invoice.record.period == YearMonth(iso: "2026-12"))
        #expect(december.invoice.usageMonth == YearMonth(iso: "2026-11"))
        #expect(december.invoice.record.number == "INV-0003")
    }

    @Test("billed in arrears, this month is never the default")
    func arrears() throws {
        let site = try retainerSite(billing: "arrears")
        defer { site.remove() }
        #expect(draft(site, slug: "bright", today: "2026-11-20").0 == nil)
        #expect(draft(site, slug: "bright", today: "2026-12-01").0?.invoice.record.period == YearMonth(iso: "2026-11"))
    }

    @Test(
        "from hourly to a retainer billed in advance: the first advance month's work is billed already, so it is passed over"
    )
    func hourlyToAdvance() throws {
        // October is hourly (2h = £60.00, billed by INV-0041); terms version 2 starts a retainer billed in
        // advance from November, so November's invoice would bill October's work again.
        let site = try site([
            "content/clients/acme/timesheets/2026-10.md": "## 2026-10-05\n- 2h Set-up\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 3h Campaign\n",
            "content/clients/acme/terms/2.md":
                "---\nversion: 2\neffective: 2026-11-01\nstatus: agreed\nagreed_on: 2026-10-20\nagreed_by: Sam\nretainer: { hours: 10, fee: 300.00, billing: advance }\n---\nTerms.\n",
            "content/clients/acme/invoices/INV-0041.md":
                "---\nnumber: INV-0041\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\ntotal: 60.00\n---\n",
        ])
        defer { site.remove() }
        let (refused, diagnostics) = draft(site, period: "2026-11", today: "2026-12-01")
        #expect(refused == nil)
        #expect(
            diagnostics.all.map(\.description) == [
                "content/clients/acme/invoices/INV-0041.md:2: error: the invoice for November 2026 would bill the work of October 2026, which INV-0041 already bills (billing changed between arrears and advance); settle November 2026 by hand with an invoice written with `lines` and no `period`"
            ])
        // The default passes November over: December's invoice, with December's fee and November's 3h (within
        // the 10 included hours).
        let december = try #require(draft(site, today: "2026-12-01").0)
        #expect(december.invoice.record.period == YearMonth(iso: "2026-12"))
        #expect(december.invoice.lines.map(\.amount) == [30_000])
    }

    @Test(
        "refused, with nothing written: a billed period, nothing to bill, an unknown client, a draft already, content errors"
    )
    func refusals() throws {
        let site = try site()
        defer { site.remove() }
        func refused(_ period: String?, slug: String = "acme") -> [String] {
            let (made, diagnostics) = draft(site, slug: slug, period: period)
            #expect(made == nil)
            return diagnostics.all.map(\.description)
        }
        #expect(
            refused("2026-10") == [
                "content/clients/acme/invoices/INV-0041.md:2: error: October 2026 is already billed by INV-0041 (sent 1 Nov 2026); to bill it again, void INV-0041 (`status: void`) first"
            ])
        #expect(
            refused("2026-08") == [
                "content/clients/acme: error: an invoice for August 2026 would have nothing to bill: no billable work, travel, mileage or expenses in August 2026 and no retainer fee"
            ])
        #expect(
            refused(nil, slug: "nobody") == [
                "content/clients/nobody: error: there is no client `nobody`: expected a folder content/clients/nobody with client.md (clients: acme)"
            ])
        try site.write(
            "content/clients/acme/invoices/INV-0042.md",
            "---\nnumber: INV-0042\nissued: 2026-12-01\nperiod: 2026-11\nstatus: draft\n---\n")
        #expect(
            refused(nil) == [
                "content/clients/acme/invoices/INV-0042.md:2: error: INV-0042 is already a draft for November 2026; check it and send it with `docket invoice --send INV-0042`, or delete it to draft again"
            ])
        // A void invoice bills nothing: its month may be billed again.
        try site.write(
            "content/clients/acme/invoices/INV-0041.md",
            "---\nnumber: INV-0041\nissued: 2026-11-01\nperiod: 2026-10\nstatus: void\ntotal: 30.00\n---\n")
        #expect(draft(site, period: "2026-10").0?.invoice.record.number == "INV-0043")
        // Content errors anywhere: printed, nothing drafted.
        try site.write("content/clients/acme/timesheets/2026-09.md", "## 2026-09-07\n- 9:00-9:99 Bad\n")
        let errors = refused("2026-11")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/clients/acme/timesheets/2026-09.md:2:") == true)
        #expect(!site.exists("content/clients/acme/invoices/INV-0043.md"))
    }
}
