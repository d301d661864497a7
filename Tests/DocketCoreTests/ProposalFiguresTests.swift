import Foundation
import Testing

@testable import DocketCore

/// A proposal that changes billing figures shows them old → new on its review page and in its approval email.
@Suite("Proposals that change figures")
struct ProposalFiguresTests {
    static let client = """
        ---
        name: Northwind Dental
        contact: Priya Shah
        email: pm@northwind.example
        address: "88 Gillygate\\nYork"
        rate: 30.00
        retainer: { hours: 20, fee: 550.00, rollover: 5, overage_rate: 32.00, start: 2026-09 }
        ---
        """
    static let agreed =
        "---\nversion: 1\neffective: 2026-09-01\nstatus: agreed\nagreed_on: 2026-08-25\nagreed_by: Priya Shah\n---\nOld terms.\n"
    static let proposed = """
        ---
        version: 2
        effective: 2027-01-01
        status: proposed
        retainer: { hours: 25, fee: 675.00, rollover: 5 }
        payment_terms: 21
        ---
        New terms.
        """

    @Test("the changed figures, worked out with and without the proposal agreed")
    func changes() throws {
        var diagnostics = Diagnostics()
        let business = testBusiness()
        let client = try #require(
            Client.parse(
                source(Self.client, path: "c.md"), slug: "northwind", business: business,
                diagnostics: &diagnostics))
        let terms = [
            Terms.parse(
                source(TemporarySite.sealed("c/terms/1.md", Self.agreed), path: "1.md"), currency: .gbp,
                diagnostics: &diagnostics)!,
            Terms.parse(source(Self.proposed, path: "2.md"), currency: .gbp, diagnostics: &diagnostics)!,
        ]
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        let content = ClientContent(client: client, timesheets: [], terms: terms, defaultPaymentTerms: 14)
        let figures = FigureChanges.proposal(terms[1], content: content)
        let changes = FigureChanges.between(figures.before, figures.after) { MoneyFormat.format($0, currency: .gbp) }
        // The proposal's retainer block replaces the whole block: it writes no overage_rate, so the rate
        // (£30.00) would apply instead of £32.00; payment terms from 14 (business.md) to 21 days.
        #expect(
            changes.map(\.sentence) == [
                "Payment terms: 14 days → 21 days",
                "Hours included: 20h a month → 25h a month",
                "Retainer fee: £550.00 a month → £675.00 a month",
                "Hours beyond the retainer: £32.00 an hour → £30.00 an hour",
            ])
        // Not agreed, so nothing is used: January 2027 is still priced at £550.00.
        #expect(content.timeline.figures(for: YearMonth(iso: "2027-01")!).retainer?.fee == 55_000)
    }

    @Test("the review page shows the table and the approval email names the changed figures")
    func page() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/northwind/client.md": Self.client,
            "content/clients/northwind/terms/1.md": Self.agreed,
            "content/clients/northwind/terms/2.md": Self.proposed,
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        let token = try #require(site.read("content/clients/northwind/token.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let html = try #require(site.read("public/\(token)/terms/2.html"))
        #expect(html.contains("<caption>Figures that change from Friday 1 January 2027</caption>"))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">Retainer fee</th><td>£550.00 a month</td><td>£675.00 a month</td></tr>"))
        // The figures the version itself writes, as written (its retainer block has no overage_rate).
        #expect(
            html.contains(
                "<tr><th scope=\"row\">Payment terms</th><td>21 days</td></tr><tr><th scope=\"row\">Retainer</th><td>25h a month for £675.00, billed in arrears</td></tr><tr><th scope=\"row\">Unused hours carried over</th><td>up to 5h, into the next month only</td></tr><tr><th scope=\"row\">Hours beyond the retainer</th><td>the hourly rate</td></tr>"
            ))
        // A version that changes only the text has no figures section.
        let agreedPage = try #require(site.read("public/\(token)/terms/1.html"))
        #expect(!agreedPage.contains("Billing figures in this version"))
        let href = try #require(
            html.components(separatedBy: "href=\"mailto:").dropFirst().first?.components(separatedBy: "\"").first)
        let body = try #require(href.components(separatedBy: "&amp;body=").last?.removingPercentEncoding)
        #expect(
            body == """
                Hello,

                I approve version 2 of the terms to take effect on Friday 1 January 2027.

                From Friday 1 January 2027:
                - Payment terms: 30 days → 21 days
                - Hours included: 20h a month → 25h a month
                - Retainer fee: £550.00 a month → £675.00 a month
                - Hours beyond the retainer: £32.00 an hour → £30.00 an hour

                The version I approve has the fingerprint \(TermsFingerprint.of(Self.proposed)).

                Priya Shah
                Northwind Dental

                """)
    }
}

extension ProposalFiguresTests {
    @Test("a change of distance unit states each mileage rate in its own unit")
    func mileageUnit() {
        let old = BillingFigures(rate: 3000, mileageRate: 45, distanceUnit: .mi)
        let new = BillingFigures(rate: 3000, mileageRate: 28, distanceUnit: .km)
        let changes = FigureChanges.between(old, new) { MoneyFormat.format($0, currency: .gbp) }
        #expect(
            changes.map(\.sentence) == [
                "Distance unit: miles → kilometres", "Mileage: £0.45 a mile → £0.28 a kilometre",
            ])
    }
}
