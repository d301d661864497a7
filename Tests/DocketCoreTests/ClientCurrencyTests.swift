import Foundation
import Testing

@testable import DocketCore

/// A client billed in its own currency (client.md's `currency`) by a business in another. 2026-10-05 is a Monday.
@Suite("A client's own currency")
struct ClientCurrencyTests {
    static let euroClient = """
        ---
        name: Euro Events GmbH
        contact: Jana
        email: jana@euro.example
        address: "Hauptstrasse 1\\nBerlin"
        currency: EUR
        rate: €45.00
        ---
        """

    /// A GBP business with a GBP client (Acme) and a EUR client (Euro), each with an overdue invoice.
    func site(
        euroOctober: String =
            "## 2026-10-05\n- 8h Board papers\n- expense €12.50 Train\n## 2026-10-06\n- 8h Minutes\n- expense 20 EUR Taxi\n## 2026-10-07\n- 10h Conference support\n",
        acmeOctober: String = "## 2026-10-05\n- 3h Report\n"
    ) throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": billingBusinessMD,
            "content/clients/acme/client.md":
                "---\nname: Acme\ncontact: Sam\nemail: s@a.example\naddress: 1 High St\nrate: 30\n---\n",
            "content/clients/acme/terms/1.md": DashboardTests.terms,
            "content/clients/acme/timesheets/2026-10.md": acmeOctober,
            "content/clients/acme/invoices/INV-1.md":
                "---\nnumber: INV-1\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\ntotal: 90.00\npayments:\n  - { date: 2026-11-10, amount: 20.00 }\n---\n",
            "content/clients/euro/client.md": Self.euroClient,
            "content/clients/euro/terms/1.md": DashboardTests.terms,
            // Version 2 raises the rate from November, written with the euro sign: read in EUR.
            "content/clients/euro/terms/2.md":
                "---\nversion: 2\neffective: 2026-11-01\nagreed_on: 2026-10-20\nagreed_by: Jana\nrate: €50.00\n---\nNew rate.\n",
            "content/clients/euro/timesheets/2026-10.md": euroOctober,
            "content/clients/euro/invoices/E-1.md": """
            ---
            number: E-1
            issued: 2026-11-01
            period: 2026-10
            status: sent
            total: 1234.50
            payments:
              - { date: 2026-11-10, amount: €200.00 }
            lines:
              - { description: Translation review, amount: 32.00 }
            ---
            """,
        ])
    }

    @Test("a EUR client of a GBP business: its invoice page, every page of its portal and data.json are in euros")
    func euroPortal() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.all)")
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.all)")
        let token = try #require(report.portals.first { $0.slug == "euro" }?.token)
        // Work 8 + 8 + 10 = 26 h × €45 = €1,170.00; expenses €12.50 and €20.00; the extra line €32.00.
        // Subtotal €1,234.50 (no VAT: the business has no VAT number); paid €200.00; balance €1,034.50.
        let invoice = try #require(site.read("public/\(token)/invoices/E-1.html"))
        #expect(
            invoice.contains(
                "<td class=\"num qty-rate\">26.00 h × €45.00</td>\n        <td class=\"num\">€1,170.00</td>"))
        #expect(invoice.contains("<td class=\"num qty-rate\">1 item × €12.50</td>"))
        #expect(invoice.contains("<td class=\"num qty-rate\">1 item × €20.00</td>"))
        #expect(invoice.contains("<td class=\"num qty-rate\">1 item × €32.00</td>"))
        #expect(
            invoice.contains("<tr><th scope=\"row\" colspan=\"2\">Subtotal</th><td class=\"num\">€1,234.50</td></tr>"))
        #expect(
            invoice.contains(
                "<tr class=\"total\"><th scope=\"row\" colspan=\"2\">Total</th><td class=\"num\">€1,234.50</td></tr>"))
        #expect(invoice.contains("<td class=\"num\">−€200.00</td>"))
        #expect(invoice.contains("Please pay €1,034.50 by Sunday 15 November 2026."))
        // Not a pound sign anywhere in the client's portal; the November rate comes from terms version 2.
        for (path, data) in site.snapshot("public/\(token)") {
            #expect(!String(decoding: data, as: UTF8.self).contains("£"), "\(path)")
        }
        let overview = try #require(site.read("public/\(token)/index.html"))
        #expect(overview.contains("€50.00 an hour"))
        let hours = try #require(site.read("public/\(token)/hours/2026-10.html"))
        #expect(hours.contains("€12.50"))
        // data.json: the client's currency, amounts in cents.
        let json = try #require(site.read("public/\(token)/data.json"))
        #expect(json.contains("\"currency\": \"EUR\","))
        #expect(json.contains("\"expenses\": 3250,"))
        #expect(json.contains("\"unit_price\": 4500,\n          \"amount\": 117000"))
        #expect(
            json.contains(
                "\"subtotal\": 123450,\n      \"vat_treatment\": \"none\",\n      \"vat\": 0,\n      \"total\": 123450,\n      \"paid\": 20000,\n      \"balance\": 103450"
            ))
        // The GBP client next to it is unchanged: pounds, GBP.
        let acme = try #require(report.portals.first { $0.slug == "acme" }?.token)
        #expect(try #require(site.read("public/\(acme)/data.json")).contains("\"currency\": \"GBP\","))
        #expect(
            try #require(site.read("public/\(acme)/invoices/INV-1.html")).contains(
                "Please pay £70.00 by Sunday 15 November 2026."))
    }

    @Test("the dashboard totals what is overdue per currency, and lists the business currency's balances first")
    func dashboardPerCurrency() throws {
        let site = try site()
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let loaded = try #require(SiteLoader.load(root: site.root, diagnostics: &diagnostics))
        let today = CalendarDate(iso: "2026-11-29")!
        let computed = loaded.clients.map {
            ComputedClient.compute($0, business: loaded.business, today: today, diagnostics: &diagnostics)
        }
        let dashboard = Dashboard(clients: computed, businessCurrency: .gbp, today: today)
        let euro = Currency(code: "EUR")!
        // Acme: 3 h × £30 − £20.00 = £70.00; Euro: €1,034.50 (see above). Both due 15 Nov: 14 days overdue.
        #expect(dashboard.chaseTotals == [.init(currency: .gbp, amount: 7000), .init(currency: euro, amount: 103_450)])
        // €1,034.50 is the larger number, but pounds come first: amounts in two currencies are not compared.
        #expect(
            dashboard.balances == [
                .init(client: "Acme", balance: 7000, overdue: 7000, currency: .gbp),
                .init(client: "Euro Events GmbH", balance: 103_450, overdue: 103_450, currency: euro),
            ])

        let report = site.build()
        #expect(report.succeeded)
        let page = try #require(site.read("dashboard/index.html"))
        #expect(
            page.contains("<p class=\"status over\">£70.00 overdue.</p><p class=\"status over\">€1,034.50 overdue.</p>")
        )
        #expect(
            page.contains(
                "<tr><td>Euro Events GmbH</td><td>E-1</td><td>14 days</td><td>€1,034.50</td><td><a href=\"../public/"))
        #expect(page.contains("<tr><td>Euro Events GmbH</td><td>€1,034.50</td><td>€1,034.50</td></tr>"))
        // Never the two added together (£70.00 + €1,034.50 would be 1,104.50).
        #expect(!page.contains("1,104.50"))
    }

    @Test("a EUR client's expenses are accepted in euros and refused in pounds; a GBP client's the other way round")
    func expensesInTheClientsCurrency() throws {
        let site = try site(
            euroOctober: "## 2026-10-05\n- 8h Board papers\n- expense £12.50 Train\n",
            acmeOctober: "## 2026-10-05\n- 3h Report\n- expense €4.00 Coffee\n")
        defer { site.remove() }
        let report = site.build(mode: .check)
        #expect(
            report.diagnostics.errors.map(\.description) == [
                "content/clients/acme/timesheets/2026-10.md:3:11: error: an expense in another currency (`€`); expected an amount in GBP, the client's currency — convert it and write the GBP amount",
                "content/clients/euro/timesheets/2026-10.md:3:11: error: an expense in another currency (`£`); expected an amount in EUR, the client's currency — convert it and write the EUR amount",
            ])
    }

    @Test("client.md's amounts are read in its currency; an unknown currency code is an error at its value")
    func clientFields() {
        func parse(_ text: String) -> (Client?, Diagnostics) {
            var diagnostics = Diagnostics()
            let client = Client.parse(
                source(text, path: "content/clients/euro/client.md"), slug: "euro",
                business: testBusiness(), diagnostics: &diagnostics)
            return (client, diagnostics)
        }
        let (euro, none) = parse(
            "---\nname: E\ncontact: J\nemail: j@e.example\ncurrency: eur\nrate: EUR 45.50\nretainer: { hours: 10, fee: €400 }\n---\n"
        )
        #expect(none.all.isEmpty)
        #expect(euro?.currency.code == "EUR")
        #expect(euro?.figures.rate == 4550)
        #expect(
            euro?.figures.retainer
                == .terms(
                    RetainerTerms(
                        includedMinutes: 600, fee: 40_000, rolloverMinutes: 0,
                        overageRate: 0, billing: .arrears, start: nil),
                    overageRateWritten: false))
        let (_, pounds) = parse("---\nname: E\ncontact: J\nemail: j@e.example\ncurrency: EUR\nrate: £45\n---\n")
        #expect(
            pounds.errors.map(\.description) == [
                "content/clients/euro/client.md:6:7: error: `rate` must be an amount like `30.00` in EUR with at most 2 decimals, found `£45`"
            ])
        let (unknown, diagnostics) = parse(
            "---\nname: E\ncontact: J\nemail: j@e.example\ncurrency: EURO\nrate: 45\n---\n")
        #expect(unknown == nil)
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/clients/euro/client.md:5:11: error: `currency` must be an ISO 4217 code like `GBP`, `EUR` or `USD`, found `EURO`"
            ])
        // Without `currency`, the business's.
        let (pound, _) = parse("---\nname: E\ncontact: J\nemail: j@e.example\nrate: 45\n---\n")
        #expect(pound?.currency == .gbp)
    }
}
