import Foundation
import Testing

@testable import DocketCore

/// The overview states the figures in force today, what the month comes to so far, and agreed changes ahead.
@Suite("Overview figures")
struct OverviewFiguresTests {
    static let files = [
        "content/business.md": businessMD,
        "content/clients/acme/client.md": """
        ---
        name: Acme
        contact: Sam
        email: sam@acme.example
        address: Leeds
        rate: 30.00
        out_of_hours_rate: 45.00
        core_hours: "Mon-Fri 09:00-17:00"
        retainer: { hours: 10, fee: 300.00, overage_rate: 32.00, start: 2026-10 }
        ---
        """,
        "content/clients/acme/terms/1.md":
            "---\nversion: 1\neffective: 2026-10-01\nagreed_on: 2026-09-20\nagreed_by: Sam\n---\nTerms.\n",
        "content/clients/acme/terms/2.md": """
        ---
        version: 2
        effective: 2026-12-01
        agreed_on: 2026-11-10
        agreed_by: Sam
        retainer: { hours: 12, fee: 360.00, overage_rate: 32.00 }
        ---
        Terms, version 2.
        """,
        "content/clients/acme/timesheets/2026-11.md": """
        ## 2026-11-02
        - 09:00-20:30 Launch day
        ## 2026-11-03
        - 09:00-13:00 Admin
        - travel 1h Drive
        """,
    ]

    static func overview(today: String) throws -> String {
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let report = site.build(today: today)
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        let token = try #require(site.read("content/clients/acme/token.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        return try #require(site.read("public/\(token)/index.html"))
    }

    @Test("mid-November: the month so far as the next invoice's lines, overage in money, only the rates that apply")
    func november() throws {
        let html = try Self.overview(today: "2026-11-20")
        // Core 09:00-17:00 + 09:00-13:00 = 12h used of 10h (October, the first month, rolls nothing in):
        // 2h × £32 = £64.00. Out of hours 17:00-20:30 = 3h 30m × £45 = £157.50. Travel 1h × £30 = £30.00.
        // Fee £300.00. So far: £551.50.
        #expect(html.contains("<h2 id=\"so-far\">November 2026 so far: £551.50</h2>"))
        #expect(html.contains("<td class=\"num qty-rate\">2.00 h × £32.00</td>\n        <td class=\"num\">£64.00</td>"))
        #expect(
            html.contains("<td class=\"num qty-rate\">3.50 h × £45.00</td>\n        <td class=\"num\">£157.50</td>"))
        #expect(html.contains("2h beyond the retainer this month: £64.00 at £32.00 an hour."))
        // A retainer client's core work is in the fee: no hourly "Work" rate.
        #expect(html.contains("<tr><th scope=\"row\">Hours beyond the retainer</th><td>£32.00 an hour</td></tr>"))
        #expect(!html.contains("<th scope=\"row\">Work</th>"))
        #expect(!html.contains("<th scope=\"row\">Work in core hours</th>"))
        #expect(html.contains("<tr><th scope=\"row\">Saturday and Sunday</th><td>out of hours all day</td></tr>"))
        // Version 2 is agreed and takes effect in December.
        #expect(html.contains("<caption>From Tuesday 1 December 2026 (terms version 2)</caption>"))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">Retainer fee</th><td>£300.00 a month</td><td>£360.00 a month</td></tr>"))
        #expect(!html.contains("apply since"))
    }

    @Test("in December the overview states version 2's figures and since when")
    func december() throws {
        let html = try Self.overview(today: "2026-12-10")
        #expect(html.contains("<strong>Retainer:</strong> 12h a month for £360.00, billed in arrears."))
        #expect(html.contains("apply since Tuesday 1 December 2026 (terms version 2).</p>"))
        #expect(!html.contains("Agreed changes ahead"))
        // Nothing logged in December yet: the fee alone so far.
        #expect(html.contains("<h2 id=\"so-far\">December 2026 so far: £360.00</h2>"))
    }
}

extension OverviewFiguresTests {
    @Test("the dashboard lists each client's month so far with a total per currency, and overage in money")
    func dashboard() throws {
        var files = Self.files
        files["content/clients/bravo/client.md"] =
            "---\nname: Bravo\ncontact: Ana\nemail: ana@bravo.example\naddress: Lyon\ncurrency: EUR\nrate: 40.00\n---\n"
        files["content/clients/bravo/terms/1.md"] =
            "---\nversion: 1\neffective: 2026-10-01\nagreed_on: 2026-09-20\nagreed_by: Ana\n---\nTerms.\n"
        files["content/clients/bravo/timesheets/2026-11.md"] = "## 2026-11-04\n- 2h Translation review\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let report = site.build(today: "2026-11-20")
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        let html = try #require(site.read("dashboard/index.html"))
        // Acme: £551.50 (see the overview test); Bravo: 2h × €40.00 = €80.00. Never added together.
        #expect(html.contains("<tr><td>Acme</td><td>£551.50</td></tr><tr><td>Bravo</td><td>€80.00</td></tr>"))
        #expect(html.contains("<p>£551.50 so far.</p>"))
        #expect(html.contains("<p>€80.00 so far.</p>"))
        #expect(!html.contains("631.50"))
        // Acme's burn: 12h of 10h, 2h over at £32.00 = £64.00.
        #expect(html.contains("<td>+2h (£64.00)</td>"))
    }
}
