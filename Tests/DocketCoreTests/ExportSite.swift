import Foundation

@testable import DocketCore

/// A small VAT-registered site for the export tests, every figure worked out by hand in the comments:
///
/// - Acme Widgets Ltd (GBP, standard VAT, 15-minute increment, 45p a mile). INV-001, issued 2 November for
///   October: work 09:00–11:10 is 130 min, rounded up to 135 min = 2.25 h × £30.00 = £67.50; mileage 10 km =
///   6.2137… mi × £0.45 = £2.796… → £2.80 (printed as 6.214 mi, whose product is £2.7963, not £2.80);
///   parking £12.50; the extra line `Setup of "shared" inbox, with rules` £50.00. Subtotal £132.80, VAT 20%
///   £26.56, total £159.36, due 16 November (14 days); £100.00 paid on 20 November, £59.36 owed.
///   INV-004 is void and INV-005 a draft: neither is ever exported.
/// - Euro Events GmbH (EUR, reverse charge). INV-002, issued 2 November for October: 3 h × €45.00 =
///   €135.00, no VAT; paid in full on 25 November.
/// - Charity Trust (GBP, zero-rated). INV-003, issued 1 October for September: 1h30m = 1.50 h × £20.00 =
///   £30.00, VAT 0% £0.00; nothing paid, due 15 October: overdue on 29 November.
enum ExportSite {
    static let business = """
        ---
        name: Jo Bloggs VA
        address: "4 Mill Lane\\nYork YO1 7AA"
        email: jo@example.com
        vat_number: GB123456789
        bank: { account_name: Jo Bloggs, sort_code: "12-34-56", account: "12345678" }
        late_payment: "Interest at 8% over base rate."
        payment_terms: 14
        """

    /// The site; `xero` is added to business.md's front matter as written.
    static func make(xero: String = "") throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": business + "\n" + xero + "---\n",
            "content/clients/acme/client.md": """
            ---
            name: Acme Widgets Ltd
            contact: Sam Patel
            email: sam@acme.example
            address: "1 High Street, Leeds\\nLS1 1AA"
            rate: 30.00
            increment: 15m
            mileage_rate: 0.45
            ---
            """,
            "content/clients/acme/terms/1.md": DashboardTests.terms,
            "content/clients/acme/timesheets/2026-10.md":
                "## 2026-10-05\n- 09:00-11:10 Inbox and diary\n- mileage 10km To the bank\n- expense 12.50 Parking\n",
            "content/clients/acme/invoices/INV-001.md": """
            ---
            number: INV-001
            issued: 2026-11-02
            period: 2026-10
            status: sent
            po: PO-77
            total: 159.36
            payments:
              - { date: 2026-11-20, amount: 100.00 }
            lines:
              - { description: 'Setup of "shared" inbox, with rules', amount: 50.00 }
            ---
            """,
            "content/clients/acme/invoices/INV-004.md":
                "---\nnumber: INV-004\nissued: 2026-11-03\nstatus: void\nlines:\n  - { description: Void line, amount: 10.00 }\n---\n",
            "content/clients/acme/invoices/INV-005.md":
                "---\nnumber: INV-005\nissued: 2026-11-04\nstatus: draft\nlines:\n  - { description: Draft line, amount: 20.00 }\n---\n",
            "content/clients/euro/client.md": """
            ---
            name: Euro Events GmbH
            contact: Jana
            email: jana@euro.example
            address: "Hauptstrasse 1\\n10115 Berlin\\nGermany"
            currency: EUR
            vat: reverse_charge
            vat_number: DE123456789
            rate: 45.00
            ---
            """,
            "content/clients/euro/terms/1.md": DashboardTests.terms,
            "content/clients/euro/timesheets/2026-10.md": "## 2026-10-06\n- 3h Board papers\n",
            "content/clients/euro/invoices/INV-002.md":
                "---\nnumber: INV-002\nissued: 2026-11-02\nperiod: 2026-10\nstatus: sent\ntotal: 135.00\npayments:\n  - { date: 2026-11-25, amount: 135.00 }\n---\n",
            "content/clients/zero/client.md":
                "---\nname: Charity Trust\ncontact: Pat\nemail: pat@charity.example\naddress: 2 Low Road\nvat: zero\nrate: 20\n---\n",
            "content/clients/zero/terms/1.md": DashboardTests.terms,
            "content/clients/zero/timesheets/2026-09.md": "## 2026-09-14\n- 1h30m Grant form\n",
            "content/clients/zero/invoices/INV-003.md":
                "---\nnumber: INV-003\nissued: 2026-10-01\nperiod: 2026-09\nstatus: sent\ntotal: 30.00\n---\n",
        ])
    }

    /// The export of a site as of 29 November 2026, with the diagnostics.
    static func export(
        _ format: ExportFormat, _ site: TemporarySite, from: String? = nil
    ) -> (text: String?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let text = Export.make(
            format, root: site.root, today: CalendarDate(iso: "2026-11-29")!,
            from: from.flatMap { CalendarDate(iso: $0) }, diagnostics: &diagnostics)
        return (text, diagnostics)
    }
}
