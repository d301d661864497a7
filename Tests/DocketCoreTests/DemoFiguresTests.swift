import Foundation
import Testing

@testable import DocketCore

/// The demo site, changed the way docs/content-format.md says: agreeing Northwind's proposal (25 hours for
/// £675.00 from January 2027) keeps every sent invoice exactly as it was; changing the fee in client.md
/// instead is caught by the sealed totals.
@Suite("The demo's figures over time")
struct DemoFiguresTests {
    /// A copy of the repository's demo content and templates.
    static func demo() throws -> TemporarySite {
        let site = try TemporarySite(files: [:])
        try FileManager.default.copyItem(
            at: TemporarySite.repository.appendingPathComponent("content"),
            to: site.root.appendingPathComponent("content"))
        return site
    }

    static let proposal = "content/clients/northwind-dental/terms/2.md"

    /// Every sealed total of the site's sent invoices, by number, as written in the records.
    static func sealedTotals(_ site: TemporarySite) throws -> [String: String] {
        var totals: [String: String] = [:]
        let clients = site.root.appendingPathComponent("content/clients")
        for client in try FileManager.default.contentsOfDirectory(atPath: clients.path) {
            let folder = clients.appendingPathComponent("\(client)/invoices")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("total: ") }) {
                    // `total: GBP 660.00  # as sent: …` → `GBP 660.00`
                    totals[String(name.dropLast(3))] = line.dropFirst(7).split(separator: " ").prefix(2).joined(
                        separator: " ")
                }
            }
        }
        return totals
    }

    @Test("the proposal carries its figures, and agreeing it leaves every sent invoice's total as sealed")
    func agreeNorthwind() throws {
        let site = try Self.demo()
        defer { site.remove() }
        let text = try #require(site.read(Self.proposal))
        #expect(
            text.contains("retainer: { hours: 25, fee: 675.00, rollover: 5, overage_rate: 32.00, billing: arrears }"))
        // Northwind's invoices as sent: September £660.00 (£550.00 + 20% VAT) and October £781.50
        // (£550.00 + 2.25 h out of hours at £45.00 = £651.25, + 20% VAT).
        let sealed = try Self.sealedTotals(site)
        #expect(sealed["INV-2026-032"] == "GBP 660.00")
        #expect(sealed["INV-2026-035"] == "GBP 781.50")
        #expect(site.build(today: "2026-11-29").succeeded)

        // Agree it as the docs say: status, agreed_on, agreed_by; client.md untouched.
        try site.write(
            Self.proposal,
            text.replacingOccurrences(
                of: "status: proposed\n", with: "status: agreed\nagreed_on: 2026-12-15\nagreed_by: Dr Priya Shah\n"))
        let report = site.build(today: "2027-01-20")
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        #expect(report.diagnostics.errors.isEmpty)
        var diagnostics = Diagnostics()
        let loaded = try #require(SiteLoader.load(root: site.root, diagnostics: &diagnostics))
        let northwind = try #require(loaded.clients.first { $0.client.slug == "northwind-dental" })
        let computed = ComputedClient.compute(
            northwind, business: loaded.business,
            today: CalendarDate(iso: "2027-01-20")!, diagnostics: &diagnostics)
        let totals = Dictionary(uniqueKeysWithValues: computed.publishedInvoices.map { ($0.number, $0.total) })
        #expect(totals == ["INV-2026-032": 66_000, "INV-2026-035": 78_150])
        // January 2027 is priced at the new figures: 25 hours for £675.00.
        let january = computed.content.timeline.figures(for: YearMonth(iso: "2027-01")!)
        #expect(january.retainer?.includedMinutes == 25 * 60)
        #expect(january.retainer?.fee == 67_500)
    }

    @Test("putting the new fee in client.md instead fails the build on the sealed invoices and writes nothing")
    func feeInClientMD() throws {
        let site = try Self.demo()
        defer { site.remove() }
        #expect(site.build(today: "2026-11-29").succeeded)
        let before = site.snapshot("public")
        let path = "content/clients/northwind-dental/client.md"
        let client = try #require(site.read(path))
        try site.write(path, client.replacingOccurrences(of: "fee: 550.00", with: "fee: 675.00"))
        let report = site.build(today: "2026-11-29")
        #expect(!report.succeeded)
        // September: £675.00 + 20% = £810.00 instead of £660.00; October £931.50 instead of £781.50.
        let messages = report.diagnostics.errors.map(\.description)
        #expect(messages.count == 2)
        #expect(
            messages.first
                == "content/clients/northwind-dental/invoices/INV-2026-032.md:6:8: error: INV-2026-032 was sent with a total of £660.00, but its records now give £810.00: fee £550.00 → £675.00; vat £110.00 → £135.00. A sent invoice must not change: a rate, fee or other billing figure it used has changed; keep the old figure for the months already invoiced and put the new one in a terms version that takes effect on the first day of the first month not yet invoiced, or void this invoice (`status: void`) and issue a new one with `docket invoice northwind-dental --period 2026-09`"
        )
        #expect(
            messages.last?.hasPrefix(
                "content/clients/northwind-dental/invoices/INV-2026-035.md:6:8: error: INV-2026-035 was sent with a total of £781.50, but its records now give £931.50"
            ) == true)
        #expect(site.snapshot("public") == before)
    }
}

extension DemoFiguresTests {
    /// A mistaken `status` line written into the demo's sealed Atelier invoice, and the one message it gets.
    static let statusMistakes = [
        // No colon: one error, and the invoice's number is not also reported missing from the sequence.
        ("status sent\n", "5:7: error: `status sent` has no colon after the field name: write `status: sent`"),
        // `paid`: where payments go, with no warning about the total of what is read as a draft.
        (
            "status: paid\n",
            "5:9: error: a paid invoice stays `status: sent`: record each payment under `payments:` with the day it arrived and the amount, like `- { date: 2026-12-10, amount: 400.00 }`, and Docket shows the invoice as paid once its payments cover the total"
        ),
    ]

    @Test(
        "a mistaken `status` on a sealed invoice is one message, with nothing else reported because of it",
        arguments: statusMistakes)
    func statusMistake(written: String, expected: String) throws {
        let site = try Self.demo()
        defer { site.remove() }
        let path = "content/clients/atelier-lumiere/invoices/INV-2026-038.md"
        let text = try #require(site.read(path))
        try site.write(path, text.replacingOccurrences(of: "status: sent\n", with: written))
        #expect(
            site.build(today: "2026-11-29", mode: .check).diagnostics.all.map(\.description) == ["\(path):\(expected)"])
    }
}
