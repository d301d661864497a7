import Foundation
import Testing

@testable import DocketCore

@Suite("Hostile input and safe pages")
struct SecurityTests {
    @Test("cmark's tree is walked: remote images and unsafe link targets are dropped, their text kept")
    func sanitize() {
        let html = Markdown.html(
            """
            [ok](https://example.com) [plain](http://example.com) [mail](mailto:jo@example.com) [rel](../hours/2026-11.html) [frag](#x)
            [js](javascript:alert(1)) [js2](JAVASCRIPT:alert(1)) [tab](java&#9;script:alert(1)) [data](data:text/html,x)
            [vb](vbscript:x) [file](file:///etc/passwd) [ftp](ftp://x) [proto](//evil.example/x) [back](/\\evil.example)
            ![pixel](https://tracker.example/p.gif) ![local](logo.png) ![proto](//tracker.example/p.gif)
            """)
        #expect(html.contains("<a href=\"https://example.com\">ok</a>"))
        #expect(html.contains("<a href=\"http://example.com\">plain</a>"))
        #expect(html.contains("<a href=\"mailto:jo@example.com\">mail</a>"))
        #expect(html.contains("<a href=\"../hours/2026-11.html\">rel</a>"))
        #expect(html.contains("<a href=\"#x\">frag</a>"))
        for text in ["js", "js2", "tab", "data", "vb", "file", "ftp", "proto", "back"] {
            #expect(!html.contains(">\(text)</a>"), "\(text)")
            #expect(html.contains(text))
        }
        #expect(!html.contains("tracker.example"))
        #expect(html.contains("pixel"))
        #expect(html.contains("<img src=\"logo.png\" alt=\"local\" />"))
        #expect(!html.contains("javascript") && !html.contains("JAVASCRIPT") && !html.contains("evil"))
    }

    @Test("raw HTML blocks and inline HTML are never passed through")
    func rawHTML() {
        let html = Markdown.html(
            "<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> more\n\n<iframe src=x></iframe>\n")
        #expect(
            !html.contains("<script") && !html.contains("<img") && !html.contains("<iframe")
                && !html.contains("onerror"))
    }

    static let evil = "<script>alert(1)</script>\\\"onerror=alert(2) x='"

    func hostileSite() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": """
            ---
            name: "Jo <b>Bloggs</b> VA"
            address: "4 Mill Lane\\nYork"
            email: jo@example.com
            bank: { account_name: "Jo \\"onerror=x", sort_code: "12-34-56", account: "12345678" }
            late_payment: "<script>late()</script>"
            ---
            """,
            "content/clients/acme/client.md": """
            ---
            name: "Acme \(Self.evil)"
            contact: "Sam <img src=x onerror=alert(3)>"
            email: sam@acme.example
            address: "1 <script>High</script> St"
            rate: 30
            mileage_rate: 0.45
            ---
            PRIVATE-NOTES: <script>secret()</script>
            """,
            "content/clients/acme/terms/1.md":
                "---\nversion: 1\ntitle: \"<script>t()</script>\"\neffective: 2026-01-01\nagreed_on: 2025-12-01\nagreed_by: \"Sam <i>x</i>\"\n---\nTerms <script>x()</script> [click](javascript:alert(4)) ![t](https://tracker.example/t.gif)\n",
            "content/clients/acme/terms/2.md":
                "---\nversion: 2\ntitle: \"New <b>terms</b>\"\neffective: 2027-01-01\nstatus: proposed\n---\nTerms \"onerror=alert(5) <script>y()</script> changed\n",
            "content/clients/acme/timesheets/2026-11.md": """
            ## 2026-11-02
            - 1h Inbox <script>alert(6)</script> "onerror=alert(7) #admin
              - detail [x](javascript:alert(8)) ![p](https://tracker.example/d.gif) <b>raw</b>
            - expense 5.00 Coffee </td><script>alert(9)</script>

            Note <script>alert(10)</script> ![n](http://tracker.example/n.gif)
            """,
            "content/clients/acme/invoices/INV-1.md":
                "---\nnumber: INV-1\nissued: 2026-12-01\nperiod: 2026-11\nstatus: sent\npo: \"<script>po()</script>\"\nlines:\n  - { description: \"</script><script>line()</script>\", amount: 10 }\n---\nNote <script>n()</script>\n",
            "content/clients/acme/tasks.md":
                "- Task <script>task()</script>\n  - due: 2026-12-10\n  - asked: 2026-11-01 \"onerror=alert(11) <script>ask()</script>\n",
        ])
    }

    @Test("every string from content is escaped wherever it lands: HTML, attributes, JSON, SVG, mailto")
    func escaping() throws {
        let site = try hostileSite()
        defer { site.remove() }
        let report = site.build(today: "2026-12-05")
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        let files = site.snapshot("public")
        #expect(files.count > 8)
        for (path, data) in files where !path.hasSuffix(".css") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script"), "\(path)")
            #expect(!text.contains("<img src=x"), "\(path)")
            #expect(!text.contains("<b>") && !text.contains("<i>"), "\(path)")
            // A quote is only dangerous in HTML: JSON and calendar text escape what their own syntax needs.
            if !path.hasSuffix(".json") && !path.hasSuffix(".ics") { #expect(!text.contains("\"onerror"), "\(path)") }
            if path.hasSuffix(".ics") {
                // No text starts a line of its own: each unfolded line is one of the properties Docket writes.
                let known = [
                    "BEGIN:", "END:", "VERSION:", "PRODID:", "CALSCALE:", "METHOD:", "X-WR-CALNAME:", "UID:",
                    "DTSTAMP:", "DTSTART;", "DTEND;", "SUMMARY:", "DESCRIPTION:", "TRANSP:",
                ]
                let lines = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
                #expect(lines.dropLast().allSatisfy { line in known.contains { line.hasPrefix($0) } }, "\(path)")
            }
            #expect(!text.lowercased().contains("javascript:"), "\(path)")
            #expect(!text.contains("tracker.example"), "\(path)")
            #expect(!text.contains("PRIVATE-NOTES") && !text.contains("secret()"), "\(path)")
        }
        let token = try #require(report.portals.first?.token)
        let overview = try #require(site.read("public/\(token)/index.html"))
        #expect(overview.contains("Acme &lt;script&gt;alert(1)&lt;/script&gt;&quot;onerror=alert(2) x=&#39;"))
        let json = try #require(site.read("public/\(token)/data.json"))
        #expect(
            json.contains(
                "\"name\": \"Acme \\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\\"onerror=alert(2) x='\""))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        let proposal = try #require(site.read("public/\(token)/terms/2.html"))
        #expect(proposal.contains("<ins>&quot;onerror=alert(5)"))
        // The mailto link carries the client's name percent-encoded: no quote, bracket or ampersand survives.
        let mailto = try #require(
            proposal.components(separatedBy: "href=\"mailto:").dropFirst().first?.components(separatedBy: "\"").first)
        #expect(!mailto.contains("<") && !mailto.contains("'") && !mailto.contains(" "))
        #expect(mailto.contains("Acme%20%3Cscript%3E"))
    }

    @Test("every page starts its head with the Content-Security-Policy, then noindex and no-referrer")
    func headers() throws {
        let site = try hostileSite()
        defer { site.remove() }
        _ = site.build(today: "2026-12-05")
        for (path, data) in site.snapshot("public") where path.hasSuffix(".html") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(
                text.contains(
                    "<head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;self&#39;; img-src &#39;self&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;\">"
                ), "\(path)")
            #expect(text.contains("<meta name=\"robots\" content=\"noindex,nofollow\">"), "\(path)")
            #expect(text.contains("<meta name=\"referrer\" content=\"no-referrer\">"), "\(path)")
            // Nothing is fetched from elsewhere: no remote images, scripts or stylesheets.
            #expect(!text.contains(" src=\"http") && !text.contains(" src=\"//"), "\(path)")
            #expect(!text.contains("rel=\"stylesheet\" href=\"http") && !text.contains("<script src"), "\(path)")
        }
    }

    @Test("the sharing docs give the encrypted pages' script hash as it is")
    func documentedHash() throws {
        let docs = try String(
            contentsOf: TemporarySite.repository.appendingPathComponent("docs/sharing.md"), encoding: .utf8)
        #expect(docs.contains("script-src \(LockedPage.scriptHash);"))
    }

    @Test("links --rotate gives one client a new link; the next build removes its old folder and keeps the others")
    func rotate() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/a/client.md": "---\nname: A\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/b/client.md": "---\nname: B\ncontact: B\nemail: b@b.example\nrate: 30\n---\n",
        ])
        defer { site.remove() }
        let first = site.build()
        try site.write("public/uploaded-by-me.txt", "mine")
        var diagnostics = Diagnostics()
        #expect(ShareLinks.rotate(slug: "a", root: site.root, diagnostics: &diagnostics))
        #expect(!ShareLinks.rotate(slug: "nobody", root: site.root, diagnostics: &diagnostics))
        let second = site.build()
        #expect(second.portals[0].token != first.portals[0].token)
        #expect(second.portals[1].token == first.portals[1].token)
        #expect(!site.exists("public/\(first.portals[0].token)"))
        #expect(site.exists("public/\(second.portals[0].token)/index.html"))
        #expect(site.read("public/uploaded-by-me.txt") == "mine")
        // Archiving a client removes its portal folder too.
        try site.write(
            "content/clients/b/client.md",
            "---\nname: B\ncontact: B\nemail: b@b.example\nrate: 30\nstatus: archived\n---\n")
        let third = site.build()
        #expect(third.portals.map(\.slug) == ["a"])
        #expect(!site.exists("public/\(first.portals[1].token)"))
        // public/index.html and robots.txt name no token.
        for name in ["public/index.html", "public/robots.txt"] {
            let text = try #require(site.read(name))
            #expect(!text.contains(second.portals[0].token) && !text.contains(first.portals[1].token))
        }
    }
}
