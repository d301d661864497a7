import Foundation
import Testing

@testable import DocketCore

/// End-to-end builds of temporary sites.
@Suite("Build pipeline")
struct BuildTests {
    static let acmeClient = """
        ---
        name: Acme Widgets Ltd
        contact: Sam Patel
        email: sam@acme.example
        address: "1 High Street\\nLeeds LS1 1AA"
        rate: 30.00
        mileage_rate: 0.45
        increment: 15m
        retainer:
          hours: 10
          fee: 300.00
          rollover: 2
        ---
        PRIVATE-NOTE-acme: owes us a favour; do not publish.
        """

    static let acmeOctober = """
        # October 2026

        ## 2026-10-05 Monday
        - 09:00-10:10 Inbox triage <script>alert("x")</script> #admin
          - detail with **bold**
        - 2h Newsletter #marketing
        """

    static let acmeNovember = """
        # November 2026

        ## 2026-11-02 Monday
        - 09:00-17:00 Planning day #meetings
        - travel 1h Drive to the office
        - mileage 46mi Round trip

        Notes for the day: all went well.
        """

    static let betaClient = """
        ---
        name: Beta Bakery
        contact: Bea
        email: bea@beta.example
        rate: 25
        mileage_rate: 0.45
        ---
        PRIVATE-NOTE-beta
        """

    static let agreedTerms =
        "---\nversion: 1\neffective: 2026-01-01\nagreed_on: 2025-12-01\nagreed_by: Sam\n---\nTerms.\n"

    static let goneClient = """
        ---
        name: Gone Ltd
        contact: Gil
        email: gil@gone.example
        rate: 25
        status: archived
        ---
        PRIVATE-NOTE-gone
        """

    func makeSite() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": Self.acmeClient,
            "content/clients/acme/timesheets/2026-10.md": Self.acmeOctober,
            "content/clients/acme/timesheets/2026-11.md": Self.acmeNovember,
            "content/clients/acme/terms/1.md": Self.agreedTerms,
            "content/clients/beta/client.md": Self.betaClient,
            "content/clients/beta/terms/1.md": Self.agreedTerms,
            "content/clients/beta/timesheets/2026-11.md": "## 2026-11-03\n- 1h Bread labels\n",
            "content/clients/gone/client.md": Self.goneClient,
            "content/clients/gone/timesheets/2026-11.md": "## 2026-11-03\n- 1h Final tidy\n",
        ])
    }

    @Test("builds each active client's portal with stable tokens, figures, robots.txt and safe pages")
    func endToEnd() throws {
        let site = try makeSite()
        defer { site.remove() }
        let report = site.build()
        #expect(report.diagnostics.errors.isEmpty, "\(report.diagnostics.all)")
        // October (70 → 75 minutes, plus 2h) is before the current month and no invoice bills it.
        #expect(
            report.diagnostics.warnings.map(\.message) == [
                "October 2026: 3h 15m of work not invoiced (no sent invoice bills this month)"
            ])
        #expect(report.portals.map(\.slug) == ["acme", "beta"])

        // Tokens: stored with the content, URL-safe, at least 22 characters, distinct.
        let acmeToken = try #require(
            site.read("content/clients/acme/token.txt")?.trimmingCharacters(in: .whitespacesAndNewlines))
        let betaToken = try #require(
            site.read("content/clients/beta/token.txt")?.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(ShareToken.isValid(acmeToken) && acmeToken.count >= 22)
        #expect(acmeToken != betaToken)
        #expect(!site.exists("content/clients/gone/token.txt"))

        // Pages.
        let overview = try #require(site.read("public/\(acmeToken)/index.html"))
        #expect(site.exists("public/\(acmeToken)/hours/2026-10.html"))
        #expect(site.exists("public/\(acmeToken)/hours/2026-11.html"))
        #expect(site.exists("public/\(betaToken)/hours/2026-11.html"))
        #expect(site.exists("public/assets/portal.css"))
        #expect(site.read("public/robots.txt") == "User-agent: *\nDisallow: /\n")

        // November by hand: 09:00-17:00 = 8h; October: 70 → 75 and 2h = 3h 15m used, 6h 45m unused, carry 2h.
        // November available 10h + 2h = 12h, used 8h, 4h remaining.
        #expect(overview.contains("8h <span class=\"of\">of 12h used</span>"))
        #expect(overview.contains("4h remaining this month."))
        let november = try #require(site.read("public/\(acmeToken)/hours/2026-11.html"))
        #expect(november.contains("<p>Notes for the day: all went well.</p>"))
        #expect(november.contains("46.0 mi"))
        let october = try #require(site.read("public/\(acmeToken)/hours/2026-10.html"))
        #expect(october.contains("1h 15m"))  // 70 minutes rounded up to 15
        #expect(october.contains("<li>detail with <strong>bold</strong></li>"))
        // User text is escaped.
        #expect(october.contains("Inbox triage &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(!october.contains("<script>"))

        // Every page: noindex and no-referrer; no private notes, no archived client, no other client.
        let files = site.snapshot("public")
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains("<meta name=\"robots\" content=\"noindex,nofollow\">"), "\(path)")
            #expect(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"), "\(path)")
            #expect(!html.contains("PRIVATE-NOTE"), "\(path)")
            #expect(!html.contains("Gone Ltd"), "\(path)")
            if path.hasPrefix(acmeToken) {
                #expect(!html.contains("Beta Bakery") && !html.contains(betaToken), "\(path)")
            }
            if path.hasPrefix(betaToken) { #expect(!html.contains("Acme") && !html.contains(acmeToken), "\(path)") }
        }
        let index = try #require(site.read("public/index.html"))
        #expect(!index.contains("Acme") && !index.contains("Beta") && !index.contains(acmeToken))

        // A second build keeps the tokens and writes nothing.
        let again = site.build()
        #expect(again.succeeded)
        #expect(again.portals.map(\.token) == [acmeToken, betaToken])
        #expect(again.outcome.written == 0)
        #expect(again.outcome.unchanged == report.paths.count)
        #expect(site.snapshot("public") == files)
    }

    @Test("a failed build leaves an existing public/ byte for byte unchanged and saves no token")
    func failedBuildWritesNothing() throws {
        let site = try makeSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        try site.write("public/uploaded-by-hand.txt", "keep me")
        let before = site.snapshot("public")

        // One valid change that would alter pages, one new client that would get a token, and two errors.
        try site.write("content/clients/beta/timesheets/2026-11.md", "## 2026-11-03\n- 3h Bread labels\n")
        try site.write(
            "content/clients/delta/client.md", "---\nname: Delta\ncontact: D\nemail: d@d.example\nrate: 20\n---\n")
        try site.write("content/clients/acme/timesheets/2026-11.md", "## 2026-11-02\n- 09:00-25:00 Broken\n")
        try site.write("content/clients/Bad_Name/client.md", "---\nname: X\n---\n")
        let report = site.build(today: "2026-12-01")
        #expect(!report.succeeded)
        #expect(
            report.diagnostics.errors.map(\.path) == [
                "content/clients/Bad_Name",
                "content/clients/acme/timesheets/2026-11.md",
            ])
        #expect(report.diagnostics.errors[0].message.contains("invalid client folder name `Bad_Name`"))
        #expect(site.snapshot("public") == before)
        #expect(!site.exists("content/clients/delta/token.txt"))
    }

    @Test("check validates and renders but writes nothing")
    func checkWritesNothing() throws {
        let site = try makeSite()
        defer { site.remove() }
        let report = site.build(mode: .check)
        #expect(report.succeeded)
        #expect(report.paths.count > 0)
        #expect(!site.exists("public"))
        #expect(!site.exists("content/clients/acme/token.txt"))
    }

    @Test("errors from every file are collected in one run")
    func allErrorsCollected() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.write(
            "content/clients/acme/timesheets/2026-11.md", "## 2026-11-02\n- 1x Bad\n- mileage 3 leagues Far\n")
        try site.write(
            "content/clients/beta/client.md", "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: lots\n---\n")
        try site.write("content/clients/beta/timesheets/2026-13.md", "## 2026-11-02\n- 1h Work\n")
        try site.write("content/clients/gone/timesheets/2026-11.md", Data([0x2D, 0x20, 0xC3, 0x28]))
        let report = site.build()
        let errors = report.diagnostics.sorted.filter { $0.severity == .error }.map {
            "\($0.path):\($0.line):\($0.column)"
        }
        #expect(
            errors == [
                "content/clients/acme/timesheets/2026-11.md:2:3",
                "content/clients/acme/timesheets/2026-11.md:3:13",
                "content/clients/beta/client.md:5:7",
                "content/clients/beta/timesheets/2026-13.md:0:0",
                "content/clients/gone/timesheets/2026-11.md:1:3",
            ])
    }

    @Test("mileage without a mileage_rate is an error at the entry")
    func mileageNeedsRate() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.write(
            "content/clients/carol/client.md", "---\nname: Carol\ncontact: C\nemail: c@c.example\nrate: 20\n---\n")
        try site.write(
            "content/clients/carol/timesheets/2026-11.md",
            "## 2026-11-02\n- 1h Work\n- mileage 5mi Trip\n- mileage 2mi Free lift #unbilled\n")
        let report = site.build()
        #expect(
            report.diagnostics.errors.map { "\($0.path):\($0.line)" } == [
                "content/clients/carol/timesheets/2026-11.md:3"
            ])
        #expect(report.diagnostics.errors.first?.message.contains("no `mileage_rate`") == true)
    }

    @Test("missing business.md is an error; a missing templates/ folder is not (the built-in templates are used)")
    func missingFiles() throws {
        let site = try TemporarySite(files: ["content/clients/a/client.md": "---\nname: A\n---\n"], templates: false)
        defer { site.remove() }
        let report = site.build()
        #expect(report.diagnostics.errors.map(\.path) == ["content/business.md"])
    }

    @Test("a template that does not parse is an error with its line")
    func badTemplate() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.write("templates/hours.mustache", "<h1>{{title}}</h1>\n{{#days}}\n")
        let report = site.build()
        #expect(report.diagnostics.errors.map(\.path) == ["templates/hours.mustache"])
        #expect(!site.exists("public"))
    }

    @Test("two clients with the same token is an error")
    func duplicateTokens() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.write("content/clients/acme/token.txt", "Xy7TOqZUjqKjDtrytKbz9A\n")
        try site.write("content/clients/beta/token.txt", "Xy7TOqZUjqKjDtrytKbz9A\n")
        let report = site.build()
        #expect(report.diagnostics.errors.map(\.path) == ["content/clients/beta/token.txt"])
    }

    @Test("a revoked token's folder disappears on the next build; other links stay")
    func revokedToken() throws {
        let site = try makeSite()
        defer { site.remove() }
        let first = site.build()
        try #require(first.portals.count == 2, "\(first.diagnostics.all)")
        let oldAcme = first.portals[0].token
        let beta = first.portals[1].token
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/clients/acme/token.txt"))
        let second = site.build()
        try #require(second.portals.count == 2, "\(second.diagnostics.all)")
        #expect(second.portals[0].token != oldAcme)
        #expect(second.portals[1].token == beta)
        #expect(!site.exists("public/\(oldAcme)"))
        #expect(site.exists("public/\(beta)/index.html"))
        #expect(second.outcome.removed == first.paths.filter { $0.hasPrefix(oldAcme) }.count)
    }
}
