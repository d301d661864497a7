import Foundation
import Testing

@testable import DocketCore

@Suite("The VA's dashboard")
struct DashboardTests {
    static let terms =
        "---\nversion: 1\neffective: 2026-01-01\nagreed_on: 2025-12-01\nagreed_by: Sam\n---\nOld terms.\n"

    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": billingBusinessMD,
            // Acme: hourly, £30/h, 15m increment, core hours Mon-Fri 09:00-17:00.
            "content/clients/acme/client.md":
                "---\nname: Acme\ncontact: Sam\nemail: s@a.example\naddress: 1 High St\nrate: 30\nincrement: 15m\ncore_hours: Mon-Fri 09:00-17:00\n---\n",
            "content/clients/acme/terms/1.md": Self.terms,
            "content/clients/acme/terms/2.md":
                "---\nversion: 2\neffective: 2027-01-01\nstatus: proposed\n---\nNew terms.\n",
            "content/clients/acme/timesheets/2026-10.md": "## 2026-10-05\n- 2h Report #admin\n- 1h Post #marketing\n",
            "content/clients/acme/timesheets/2026-11.md":
                "## 2026-11-02\n- 16:00-18:00 Late call #admin\n- 30m Favour #admin #unbilled\n",
            "content/clients/acme/invoices/INV-1.md":
                "---\nnumber: INV-1\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\npayments:\n  - { date: 2026-11-10, amount: 20.00 }\n---\n",
            "content/clients/acme/tasks.md": "- Brochure\n  - due: 2026-12-01\n  - asked: 2026-11-20 photos\n",
            // Beta: retainer 10h, no terms at all.
            "content/clients/beta/client.md":
                "---\nname: Beta\ncontact: Bea\nemail: b@b.example\naddress: 2 Low St\nrate: 25\nretainer:\n  hours: 10\n  fee: 200\n---\n",
            "content/clients/beta/timesheets/2026-11.md":
                "## 2026-11-03\n- 4h Bookkeeping #accounts\n- 1h Inbox #admin\n",
        ])
    }

    @Test("figures by hand: chase list, balances, burn, unbilled, out of hours, tags, no terms, proposals")
    func figures() throws {
        let site = try site()
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let loaded = try #require(SiteLoader.load(root: site.root, diagnostics: &diagnostics))
        let today = CalendarDate(iso: "2026-11-29")!
        let computed = loaded.clients.map {
            ComputedClient.compute($0, business: loaded.business, today: today, diagnostics: &diagnostics)
        }
        let dashboard = Dashboard(clients: computed, businessCurrency: .gbp, today: today)
        // INV-1 bills October: 3h × £30 = £90.00, £20.00 paid, due 15 Nov: 14 days overdue on 29 Nov.
        #expect(
            dashboard.chase == [.init(client: "Acme", number: "INV-1", daysOverdue: 14, balance: 7000, currency: .gbp)])
        #expect(dashboard.chaseTotals == [.init(currency: .gbp, amount: 7000)])
        #expect(dashboard.balances == [.init(client: "Acme", balance: 7000, overdue: 7000, currency: .gbp)])
        // Beta: 5h of 10h this month.
        #expect(dashboard.burn == [.init(client: "Beta", used: 300, available: 600, overage: 0)])
        #expect(dashboard.unbilled == [.init(client: "Acme", thisMonth: 30, total: 30)])
        // 16:00-18:00 on a Monday: 17:00-18:00 is out of hours.
        #expect(dashboard.outOfHours == [.init(client: "Acme", thisMonth: 60, total: 60)])
        // #admin: 120 + 120 + 30 + 60 = 330 minutes over 4 entries → 82.5 → 83 minutes on average.
        #expect(
            dashboard.tags == [
                .init(tag: "admin", minutes: 330, entries: 4, averageMinutes: 83),
                .init(tag: "accounts", minutes: 240, entries: 1, averageMinutes: 240),
                .init(tag: "marketing", minutes: 60, entries: 1, averageMinutes: 60),
            ])
        #expect(dashboard.noTerms.map(\.client) == ["Beta"])
        #expect(dashboard.noTerms.first?.months.map(\.description) == ["2026-11"])
        #expect(dashboard.proposals == [.init(client: "Acme", version: 2, effective: CalendarDate(iso: "2027-01-01")!)])
    }

    @Test(
        "work by tag: every tag of an entry counts it, #unbilled is not a tag, untagged work has its own row, travel none"
    )
    func tagsOfEntries() throws {
        let site = try TemporarySite(files: [
            "content/business.md": billingBusinessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\n",
            "content/clients/acme/timesheets/2026-11.md":
                "## 2026-11-02\n- 1h Report #admin #writing\n- 20m Call\n- 10m Favour #unbilled\n- travel 30m Drive #admin\n",
        ])
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let loaded = try #require(SiteLoader.load(root: site.root, diagnostics: &diagnostics))
        let today = CalendarDate(iso: "2026-11-29")!
        let computed = ComputedClient.compute(
            loaded.clients[0], business: loaded.business, today: today, diagnostics: &diagnostics)
        let part = Dashboard.ClientPart(computed, today: today)
        #expect(part.tagMinutes == ["admin": 60, "writing": 60, "untagged": 30])
        #expect(part.tagEntries == ["admin": 1, "writing": 1, "untagged": 2])
    }

    @Test("the hours page lists days in date order, a date under two headings as one day in the order written")
    func hoursPageDays() throws {
        let site = try TemporarySite(files: [
            "content/business.md": billingBusinessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\n",
            "content/clients/acme/timesheets/2026-11.md":
                "## 2026-11-05\n- 1h First\n\nA note.\n\n## 2026-11-02\n- 1h Second\n## 2026-11-05\n- 1h Third\n- 1h Fourth\n",
        ])
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let loaded = try #require(SiteLoader.load(root: site.root, diagnostics: &diagnostics))
        let today = CalendarDate(iso: "2026-11-29")!
        let computed = ComputedClient.compute(
            loaded.clients[0], business: loaded.business, today: today, diagnostics: &diagnostics)
        var templateDiagnostics = Diagnostics()
        let templates = try #require(
            TemplateSet.load(root: TemporarySite.repository, diagnostics: &templateDiagnostics))
        let renderer = PortalRenderer(templates: templates, business: loaded.business, today: today)
        let month = try #require(computed.figures.months.first { $0.month.description == "2026-11" })
        let page = renderer.hoursPage(
            computed, figures: month, timesheet: loaded.clients[0].timesheets.first,
            previous: nil, next: nil)
        #expect(page.days.map(\.date) == ["2026-11-02", "2026-11-05"])
        #expect(page.days.map { $0.entries.map(\.description) } == [["Second"], ["First", "Third", "Fourth"]])
        #expect(page.days.map(\.notesHTML) == [[], ["<p>A note.</p>\n"]])
        #expect(page.days.map(\.hasNotes) == [false, true])
    }

    @Test("the dashboard is written outside public/, never inside it, and not by check")
    func location() throws {
        let site = try site()
        defer { site.remove() }
        _ = site.build(mode: .check)
        #expect(!site.exists("dashboard"))
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        let dashboard = try #require(site.read("dashboard/index.html"))
        #expect(dashboard.contains("Chase list"))
        #expect(dashboard.contains("£70.00"))
        #expect(site.exists("dashboard/assets/portal.css"))
        for (path, data) in site.snapshot("public") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("Chase list") && !text.contains("Dashboard"), "\(path)")
        }
        // Each portal still names only its own client.
        let acme = try #require(report.portals.first { $0.slug == "acme" }?.token)
        for (path, data) in site.snapshot("public/\(acme)") {
            #expect(!String(decoding: data, as: UTF8.self).contains("Beta"), "\(path)")
        }
    }

    @Test("terms pages, the proposal with its approval link, deliverables, and the no-terms warning")
    func portalPages() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.build()
        #expect(
            report.diagnostics.warnings.map(\.description).contains(
                "content/clients/beta/client.md: warning: work is logged with no agreed terms in force (November 2026): no contract, no work — add content/clients/beta/terms/1.md with `status: agreed`, `agreed_on` and `agreed_by`"
            ))
        let acme = try #require(report.portals.first { $0.slug == "acme" }?.token)
        let beta = try #require(report.portals.first { $0.slug == "beta" }?.token)
        let index = try #require(site.read("public/\(acme)/terms/index.html"))
        #expect(index.contains("In force: Version 1"))
        #expect(index.contains("<a href=\"2.html\">Version 2</a>"))
        let proposal = try #require(site.read("public/\(acme)/terms/2.html"))
        #expect(proposal.contains("<p class=\"changed\"><del>Old</del> <ins>New</ins> terms.</p>"))
        #expect(
            proposal.contains(
                "href=\"mailto:jo@example.com?subject=I%20approve%20version%202%20of%20the%20terms%20%28Acme%29&amp;body="
            ))
        #expect(proposal.contains("I approve version 2"))
        let deliverables = try #require(site.read("public/\(acme)/deliverables.html"))
        #expect(deliverables.contains("2 days to go"))
        #expect(deliverables.contains("Waiting for photos: 9 days so far"))
        let overview = try #require(site.read("public/\(acme)/index.html"))
        #expect(overview.contains("Brochure"))
        let betaOverview = try #require(site.read("public/\(beta)/index.html"))
        #expect(betaOverview.contains("No terms have been agreed yet."))
        let report10 = try #require(site.read("public/\(acme)/hours/2026-10.html"))
        #expect(report10.contains("invoice INV-1"))
        #expect(report10.contains("<table class=\"tags chart\">"))
    }
}
