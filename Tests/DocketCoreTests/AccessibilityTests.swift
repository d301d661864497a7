import Foundation
import Testing

@testable import DocketCore

/// Every page kind of the demo in Chromium, checked by axe-core against WCAG 2.1 A and AA at a phone's width
/// and a desktop's, and measured for the phone layout. Skipped where Chromium or axe.min.js is missing
/// (`scripts/install-deps` fetches both), unless DOCKET_REQUIRE_BROWSER is set (CI sets it).
@Suite(
    "Accessible pages", .serialized,
    .enabled(
        if: (WebDriver.available && Axe.available)
            || ProcessInfo.processInfo.environment["DOCKET_REQUIRE_BROWSER"] != nil))
struct AccessibilityTests {
    static let passphrase = "correct horse battery staple"

    /// A phone (an iPhone's 390 × 844) and a desktop window.
    static let viewports = [Viewport(width: 390, height: 844), Viewport(width: 1280, height: 900)]

    struct Viewport: CustomStringConvertible, Sendable {
        var width: Int
        var height: Int
        var description: String { "\(width)×\(height)" }
    }

    /// One page to check: its address under the served site folder, and when it is ready to be checked.
    struct Page {
        var kind: String
        var path: String
        var ready = "document.querySelector('main h1')"
    }

    /// The demo's content plus a passphrase-encrypted client, built as of the demo's day.
    static func site() throws -> (TemporarySite, Builder.Report) {
        let site = try DemoFiguresTests.demo()
        try site.write(
            "content/clients/locked-coaching/client.md",
            "---\nname: Locked Coaching\ncontact: L\nemail: l@l.example\nrate: 30\nportal_passphrase_env: LOCKED_PASS\n---\n"
        )
        try site.write("content/clients/locked-coaching/timesheets/2026-11.md", "## 2026-11-02\n- 4h30m Planning\n")
        let report = site.build(environment: ["LOCKED_PASS": passphrase])
        return (site, report)
    }

    /// One page of every kind: the site's index, each page kind of a plain portal (the first portal that has
    /// it), the dashboard, the locked page of a passphrase portal and of a #k= portal opened without its key,
    /// and pages of the #k= portal opened with its key (decrypted in the browser).
    static func pages(_ site: TemporarySite, _ report: Builder.Report) throws -> [Page] {
        let locked =
            "document.getElementById('docket-payload') && document.getElementById('docket-status').textContent !== 'Opening…'"
        var pages = [
            Page(kind: "site index", path: "public/index.html"), Page(kind: "dashboard", path: "dashboard/index.html"),
        ]
        var kinds = Set<String>()
        for portal in report.portals.sorted(by: { $0.slug < $1.slug }) where portal.encryption == nil {
            let files = site.snapshot("public/\(portal.token)").keys.filter { $0.hasSuffix(".html") }.sorted()
            for file in files {
                let text = site.read("public/\(portal.token)/\(file)") ?? ""
                let kind: String
                switch file {
                case "index.html": kind = "overview"
                case "statement.html": kind = "statement"
                case "deliverables.html": kind = "deliverables"
                case "terms/index.html": kind = "terms index"
                case _ where file.hasPrefix("terms/"):
                    kind = text.contains("id=\"changes\"") ? "terms proposal" : "terms version"
                case _ where file.hasPrefix("invoices/"): kind = "invoice"
                case _ where file.hasPrefix("hours/"):
                    guard text.contains("class=\"tags chart\"") else { continue }
                    kind = "monthly report"
                default: kind = "unknown \(file)"
                }
                if kinds.insert(kind).inserted {
                    pages.append(Page(kind: kind, path: "public/\(portal.token)/\(file)"))
                }
            }
        }
        let passphrase = try #require(report.portals.first { $0.encryption == .passphrase })
        pages.append(
            Page(kind: "locked page (passphrase)", path: "public/\(passphrase.token)/index.html", ready: locked))
        let linked = try #require(report.portals.first { $0.linkKey != nil })
        let key = try #require(linked.linkKey)
        pages.append(
            Page(
                kind: "locked page (#k= link without its key)", path: "public/\(linked.token)/index.html", ready: locked
            ))
        let names = PortalEncryption.link(key: try #require(PortalEncryption.data(base64URL: key)), business: "")
            .pageNames
        // Ready once decrypted: the locked page has a `main h1` too, but its payload goes when the page opens.
        let decrypted = "!document.getElementById('docket-payload') && document.querySelector('main h1')"
        pages.append(
            Page(kind: "decrypted overview", path: "public/\(linked.token)/index.html#k=\(key)", ready: decrypted))
        for file in ["statement.html", "deliverables.html"] {
            pages.append(
                Page(
                    kind: "decrypted \(file)", path: "public/\(linked.token)/\(names.name(of: file))#k=\(key)",
                    ready: decrypted))
        }
        return pages
    }

    /// Builds the site, serves its folder (public/ and dashboard/) and opens a browser at one size.
    func served(
        _ viewport: Viewport, _ body: (String, WebDriver, [Page], TemporarySite, Builder.Report) throws -> Void
    ) throws {
        #expect(Axe.available, "axe.min.js is missing: run scripts/fetch-axe")
        let (site, report) = try Self.site()
        defer { site.remove() }
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let pages = try Self.pages(site, report)
        let server = try StaticServer(root: site.root)
        defer { server.stop() }
        let browser = try WebDriver(width: viewport.width, height: viewport.height, phone: viewport.width < 500)
        defer { browser.quit() }
        try body("http://127.0.0.1:\(server.port)", browser, pages, site, report)
    }

    /// The overview of the demo's Northwind Dental: a retainer, core hours, so the widest month-by-month table.
    static func northwind(_ report: Builder.Report) throws -> String {
        "public/\(try #require(report.portals.first { $0.slug == "northwind-dental" }).token)/index.html"
    }

    @Test("every page kind is there to check")
    func everyKind() throws {
        let (site, report) = try Self.site()
        defer { site.remove() }
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let kinds = try Self.pages(site, report).map(\.kind)
        #expect(
            Set(kinds)
                == [
                    "site index", "dashboard", "overview", "statement", "deliverables", "terms index", "terms version",
                    "terms proposal", "invoice", "monthly report", "locked page (passphrase)",
                    "locked page (#k= link without its key)", "decrypted overview", "decrypted statement.html",
                    "decrypted deliverables.html",
                ])
    }

    @Test("axe finds no WCAG 2.1 A or AA violation on any page kind", arguments: viewports)
    func noViolations(_ viewport: Viewport) throws {
        try served(viewport) { base, browser, pages, _, _ in
            for page in pages {
                // From a blank page: going from the locked index.html to index.html#k=… would only change
                // the address's fragment and not load the page again.
                try browser.go("about:blank")
                try browser.go("\(base)/\(page.path)")
                try browser.wait(until: page.ready)
                #expect(try browser.script("return window.innerWidth;") as? Int == viewport.width, "\(page.kind)")
                let violations = try Axe.violations(in: browser)
                #expect(
                    violations.isEmpty,
                    "\(page.kind) at \(viewport) (\(page.path)):\n\(violations.map { "  \($0)" }.joined(separator: "\n"))"
                )
            }
        }
    }

    /// Problems of the phone layout on the open page: the document wider than the screen, an element beyond
    /// its right edge outside a scroll region, a scrolling box that is not a labelled focusable region, and a
    /// chart label rendered under 12 px.
    static let layoutProblems = """
        var width = document.documentElement.clientWidth, problems = [];
        function name(e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().replace(/ +/g, '.') : ''); }
        if (document.documentElement.scrollWidth > width) problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide on a ' + width + ' px screen');
        document.querySelectorAll('body *').forEach(function (e) {
          var style = getComputedStyle(e);
          if (style.display === 'none' || style.visibility === 'hidden') return;
          if (e.getBoundingClientRect().right > width + 0.5 && !e.closest('.table-scroll')) problems.push(name(e) + ' goes past the right edge');
          if (/auto|scroll/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1) {
            var labelled = e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
            if (!(e.getAttribute('role') === 'region' && e.getAttribute('tabindex') === '0' && labelled)) problems.push(name(e) + ' scrolls but is not a labelled, focusable region');
          }
        });
        document.querySelectorAll('.chart th, .chart td, svg text').forEach(function (e) {
          var size = parseFloat(getComputedStyle(e).fontSize) * (e.ownerSVGElement ? e.ownerSVGElement.getScreenCTM().a : 1);
          if (size < 12) problems.push('chart label "' + e.textContent.trim() + '" is ' + size.toFixed(1) + ' px');
        });
        return problems;
        """

    @Test(
        "on a 390 px phone no page scrolls sideways but inside a labelled scroll region, chart labels are 12 px or more, focus shows"
    )
    func phoneLayout() throws {
        try served(Self.viewports[0]) { base, browser, pages, _, report in
            for page in pages {
                // From a blank page: going from the locked index.html to index.html#k=… would only change
                // the address's fragment and not load the page again.
                try browser.go("about:blank")
                try browser.go("\(base)/\(page.path)")
                try browser.wait(until: page.ready)
                let problems = try browser.script(Self.layoutProblems) as? [String] ?? ["no answer"]
                #expect(problems.isEmpty, "\(page.kind) (\(page.path)):\n  \(problems.joined(separator: "\n  "))")
            }
            // The month-by-month table of a retainer client with core hours (its widest) fits or scrolls inside
            // its labelled region, which the keyboard reaches.
            let overview = try Self.northwind(report)
            try browser.go("\(base)/\(overview)")
            try browser.wait(until: "document.querySelector('main h1')")
            #expect(try browser.script(Self.layoutProblems) as? [String] == [])
            #expect(
                try browser.script(
                    "var r = document.querySelector('.table-scroll[aria-labelledby=\"months\"]'); return r.getAttribute('role') === 'region' && r.tabIndex === 0;"
                ) as? Bool == true)
            // Keyboard focus shows: a link of the menu and the scroll region, focused, have a 2 px or wider outline.
            let focusRings =
                try browser.script(
                    """
                    return ['nav a', '.table-scroll'].map(function (selector) {
                      var e = document.querySelector(selector); e.focus();
                      var style = getComputedStyle(e);
                      return selector + ': ' + (e.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2);
                    });
                    """) as? [String]
            #expect(focusRings == ["nav a: true", ".table-scroll: true"])
            // The monthly report's tag chart has labels to measure.
            let report = try #require(pages.first { $0.kind == "monthly report" })
            try browser.go("\(base)/\(report.path)")
            try browser.wait(until: report.ready)
            let tagLabel = try browser.script(
                "var e = document.querySelector('table.chart tbody th'); return e ? parseFloat(getComputedStyle(e).fontSize) : 0;"
            )
            #expect((tagLabel as? Double ?? 0) >= 12)
        }
    }

    @Test("the gate can fail: a table without headers, and text of too little contrast, are violations")
    func gateCatchesBrokenPage() throws {
        try served(Self.viewports[0]) { base, browser, _, site, report in
            let overview = try Self.northwind(report)
            let html = try #require(site.read(overview))
            // The month-by-month table with its header cells turned into data cells.
            let start = try #require(html.range(of: "<section aria-labelledby=\"months\">"))
            let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
            let table = html[start.lowerBound..<end.upperBound]
                .replacingOccurrences(of: "<th scope=\"col\"", with: "<td")
                .replacingOccurrences(of: "<th scope=\"row\"", with: "<td")
                .replacingOccurrences(of: "</th>", with: "</td>")

            let broken = html.replacingCharacters(in: start.lowerBound..<end.upperBound, with: table)
            let brokenPath = overview.replacingOccurrences(of: "index.html", with: "broken.html")
            try site.write(brokenPath, broken)
            try browser.go("\(base)/\(brokenPath)")
            try browser.wait(until: "document.querySelector('main h1')")
            let ids = Set(try Axe.violations(in: browser).map(\.id))
            #expect(ids.contains("td-has-header"), "\(ids)")
            // And a pale grey lede (#aaa on the page's #f5f7fa, about 2.1:1) fails the contrast rule.
            try browser.go("\(base)/\(overview)")
            try browser.wait(until: "document.querySelector('main h1')")
            _ = try browser.script("document.querySelector('.lede').style.color = '#aaa';")
            #expect(try Axe.violations(in: browser).map(\.id) == ["color-contrast"])
        }
    }
}
