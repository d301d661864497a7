import Foundation
import Testing

@testable import DocketCore

/// client.md's `vat` and `vat_number`: how each treatment is charged and printed.
@Suite("VAT per client")
struct VATTreatmentTests {
    static let vatBusinessMD = """
        ---
        name: Jo Bloggs VA
        address: "4 Mill Lane\\nYork YO1 7AA"
        email: jo@example.com
        vat_number: GB123456789
        bank: { account_name: Jo Bloggs, sort_code: "12-34-56", account: "12345678" }
        late_payment: "Interest at 8% over base rate."
        payment_terms: 14
        ---
        """

    /// A VAT-registered business with one client per treatment, each billed 10 h at £30 for October.
    func site() throws -> TemporarySite {
        var files = ["content/business.md": Self.vatBusinessMD]
        // 10 h × £30 = £300.00; standard adds 20% VAT: £360.00. Each invoice is sealed with that total.
        let treatments = [
            ("standard", "", "360.00"), ("zero", "vat: zero\n", "300.00"), ("exempt", "vat: exempt\n", "300.00"),
            ("abroad", "vat: reverse_charge\nvat_number: DE123456789\n", "300.00"),
        ]
        for (slug, vat, total) in treatments {
            files["content/clients/\(slug)/client.md"] =
                "---\nname: \(slug.capitalized) Ltd\ncontact: Sam\nemail: s@\(slug).example\naddress: 1 High St\nrate: 30\n\(vat)---\n"
            files["content/clients/\(slug)/terms/1.md"] = DashboardTests.terms
            files["content/clients/\(slug)/timesheets/2026-10.md"] = "## 2026-10-05\n- 10h Month-end\n"
            files["content/clients/\(slug)/invoices/\(slug)-1.md"] =
                "---\nnumber: \(slug)-1\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\ntotal: \(total)\n---\n"
        }
        return try TemporarySite(files: files)
    }

    /// The VAT rows of an invoice page's totals, as printed.
    static let standardRow = "<tr><th scope=\"row\" colspan=\"2\">VAT at 20%</th><td class=\"num\">£60.00</td></tr>"
    static func noteRow(_ text: String) -> String {
        "<tr class=\"vat-note\"><th scope=\"row\" colspan=\"2\">\(text)</th><td class=\"num\">£0.00</td></tr>"
    }
    static func totalRow(_ amount: String) -> String {
        "<tr class=\"total\"><th scope=\"row\" colspan=\"2\">Total</th><td class=\"num\">\(amount)</td></tr>"
    }

    @Test("standard, zero-rated, exempt and reverse-charge invoices: their VAT line, total and data.json treatment")
    func invoices() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.all)")
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.all)")
        func pages(_ slug: String) throws -> (invoice: String, json: String) {
            let token = try #require(report.portals.first { $0.slug == slug }?.token)
            return (
                try #require(site.read("public/\(token)/invoices/\(slug)-1.html")),
                try #require(site.read("public/\(token)/data.json"))
            )
        }
        // 10 h × £30 = £300.00 for every client.
        // Standard: VAT at 20% = £60.00, total £360.00.
        let standard = try pages("standard")
        #expect(standard.invoice.contains(Self.standardRow + "\n"))
        #expect(standard.invoice.contains(Self.totalRow("£360.00")))
        #expect(!standard.invoice.contains("vat-note"))
        #expect(
            standard.json.contains(
                "\"subtotal\": 30000,\n      \"vat_treatment\": \"standard\",\n      \"vat\": 6000,\n      \"total\": 36000,"
            ))
        // Zero-rated: VAT at 0%, £0.00, total £300.00.
        let zero = try pages("zero")
        #expect(zero.invoice.contains(Self.noteRow("Zero-rated supply: VAT at 0%") + "\n"))
        #expect(zero.invoice.contains(Self.totalRow("£300.00")))
        #expect(!zero.invoice.contains("VAT at 20%"))
        #expect(
            zero.json.contains(
                "\"subtotal\": 30000,\n      \"vat_treatment\": \"zero\",\n      \"vat\": 0,\n      \"total\": 30000,"))
        // Exempt: no VAT, total £300.00.
        let exempt = try pages("exempt")
        #expect(exempt.invoice.contains(Self.noteRow("Exempt from VAT") + "\n"))
        #expect(exempt.invoice.contains(Self.totalRow("£300.00")))
        #expect(!exempt.invoice.contains("VAT at"))
        #expect(exempt.json.contains("\"vat_treatment\": \"exempt\",\n      \"vat\": 0,\n      \"total\": 30000,"))
        // Reverse charge: no VAT, the wording, the VA's VAT number and the client's.
        let abroad = try pages("abroad")
        #expect(abroad.invoice.contains(Self.noteRow("Reverse charge: the customer accounts for the VAT") + "\n"))
        #expect(abroad.invoice.contains(Self.totalRow("£300.00")))
        #expect(!abroad.invoice.contains("VAT at"))
        #expect(abroad.invoice.contains("jo@example.com\n      <br>VAT number: GB123456789"))
        #expect(abroad.invoice.contains("s@abroad.example<br>VAT number: DE123456789\n    </div>"))
        #expect(
            abroad.json.contains("\"vat_treatment\": \"reverse_charge\",\n      \"vat\": 0,\n      \"total\": 30000,"))
        // The VA's VAT number is printed whatever the treatment.
        for page in [standard.invoice, zero.invoice, exempt.invoice] {
            #expect(page.contains("<br>VAT number: GB123456789"))
            #expect(!page.contains("DE123456789"))
        }
    }

    @Test("the treatment as computed: rate and VAT of each, none for a business that is not VAT registered")
    func computed() {
        var business = testBusiness()
        let client = testClientRecord(testClient(rate: 3000))
        let record = InvoiceTests.record(nil, lines: [ExtraLine(description: "Set-up", amount: 10_020)])
        let today = CalendarDate(iso: "2026-12-05")!
        func invoice(_ vat: VATTreatment?) -> Invoice {
            var client = client
            client.vat = vat
            let context = InvoiceCalculator.Context(
                client: client, business: business, months: [:], timesheets: [:],
                terms: [], timeline: FiguresTimeline(figures: testClient(rate: 3000)))
            return InvoiceCalculator.invoice(record, context: context, today: today)
        }
        // Not VAT registered: no treatment, no VAT, whatever client.md says.
        #expect(invoice(nil).vatTreatment == nil && invoice(nil).vat == 0 && invoice(nil).total == 10_020)
        business.vatNumber = "GB123456789"
        business.vatRate = FixedDecimal(digits: 20, scale: 0, negative: false)
        // £100.20 at 20% = £20.04.
        let standard = invoice(nil)
        #expect(standard.vatTreatment == .standard && standard.vat == 2004 && standard.total == 12_024)
        let zero = invoice(.zero)
        #expect(zero.vatTreatment == .zero && zero.vatRate == FixedDecimal(digits: 0, scale: 0, negative: false))
        #expect(zero.vat == 0 && zero.total == 10_020)
        for treatment in [VATTreatment.exempt, .reverseCharge] {
            let other = invoice(treatment)
            #expect(other.vatTreatment == treatment && other.vatRate == nil && other.vat == 0 && other.total == 10_020)
        }
    }

    func parse(_ vatLines: String, business: Business) -> (Client?, Diagnostics) {
        var diagnostics = Diagnostics()
        let client = Client.parse(
            source(
                "---\nname: A\ncontact: B\nemail: b@a.example\nrate: 30\n\(vatLines)---\n",
                path: "content/clients/a/client.md"),
            slug: "a", business: business, diagnostics: &diagnostics)
        return (client, diagnostics)
    }

    @Test("`reverse_charge` needs the client's `vat_number`; `vat` needs the business's; an unknown word is an error")
    func errors() throws {
        var registered = testBusiness()
        registered.vatNumber = "GB123456789"
        let (missing, diagnostics) = parse("vat: reverse_charge\n", business: registered)
        #expect(missing == nil)
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/clients/a/client.md:6:6: error: `vat: reverse_charge` needs the client's VAT number: the invoice must show it, as the client accounts for the VAT; add `vat_number` (like `vat_number: DE123456789`) to this file"
            ])
        let (_, unregistered) = parse("vat: zero\n", business: testBusiness())
        #expect(
            unregistered.errors.map(\.description) == [
                "content/clients/a/client.md:6:6: error: `vat` is set but content/business.md has no `vat_number`; a business that is not VAT registered charges no VAT: remove `vat`, or add your `vat_number` to business.md"
            ])
        let (_, unknown) = parse("vat: reduced\n", business: registered)
        #expect(
            unknown.errors.map(\.description) == [
                "content/clients/a/client.md:6:6: error: `vat` must be `standard` or `zero` or `exempt` or `reverse_charge`, found `reduced`"
            ])
        let (abroad, none) = parse("vat: reverse_charge\nvat_number: FR12345678901\n", business: registered)
        #expect(none.all.isEmpty)
        #expect(abroad?.vat == .reverseCharge && abroad?.vatNumber == "FR12345678901")
        // `vat` not written: standard for a VAT-registered business, nothing for one that is not.
        let plain = try #require(parse("", business: registered).0)
        #expect(VATTreatment.of(plain, business: registered) == .standard)
        #expect(VATTreatment.of(plain, business: testBusiness()) == nil)
    }
}
