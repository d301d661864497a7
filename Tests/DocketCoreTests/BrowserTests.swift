import Foundation
import Testing

@testable import DocketCore

/// The portal in a real browser: Debian's Chromium through chromedriver, pages served on 127.0.0.1.
/// Skipped where Chromium is not installed, unless DOCKET_REQUIRE_BROWSER is set (CI sets it).
@Suite(
    "In a real browser", .serialized,
    .enabled(if: WebDriver.available || ProcessInfo.processInfo.environment["DOCKET_REQUIRE_BROWSER"] != nil))
struct BrowserTests {
    static let passphrase = "correct horse battery staple"

    func site() throws -> (TemporarySite, Builder.Report) {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/open/client.md":
                "---\nname: Open Ltd\ncontact: O\nemail: o@o.example\nrate: 30\nincrement: 15m\n---\n",
            "content/clients/open/timesheets/2026-11.md": "## 2026-11-02\n- 09:00-10:10 Inbox\n- 2h Newsletter\n",
            "content/clients/locked/client.md":
                "---\nname: Locked Ltd\ncontact: L\nemail: l@l.example\nrate: 30\nportal_passphrase_env: LOCKED_PASS\n---\n",
            "content/clients/locked/timesheets/2026-11.md": "## 2026-11-02\n- 4h30m Confidential work\n",
            "content/clients/linked/client.md":
                "---\nname: Linked Ltd\ncontact: K\nemail: k@k.example\nrate: 30\nportal_encryption: link\n---\n",
            "content/clients/linked/timesheets/2026-11.md": "## 2026-11-02\n- 1h45m Linked work\n",
        ])
        let report = site.build(environment: ["LOCKED_PASS": Self.passphrase])
        return (site, report)
    }

    @Test(
        "a plain page renders its totals; an encrypted page opens with the passphrase, refuses a wrong one, and remembers the key; a #k= link opens by itself"
    )
    func portals() throws {
        let (site, report) = try site()
        defer { site.remove() }
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let server = try StaticServer(root: site.root.appendingPathComponent("public"))
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let browser = try WebDriver()
        defer { browser.quit() }
        func token(_ slug: String) throws -> String { try #require(report.portals.first { $0.slug == slug }?.token) }

        // Plain: 70 → 75 minutes plus 2h = 3h 15m billed by the hour.
        try browser.go("\(base)/\(try token("open"))/index.html")
        try browser.wait(until: "document.body.innerText.includes('Open Ltd')")
        #expect(try browser.text().contains("3h 15m"))

        // Passphrase: wrong, then right.
        try browser.go("\(base)/\(try token("locked"))/index.html")
        try browser.wait(until: "!document.getElementById('docket-unlock').hidden")
        #expect(!(try browser.text().contains("Locked Ltd")))
        try browser.type("#docket-passphrase", "wrong passphrase")
        try browser.click("#docket-unlock button")
        try browser.wait(until: "!document.getElementById('docket-error').hidden")
        #expect(try browser.text().contains("That passphrase does not open this portal"))
        _ = try browser.script("document.getElementById('docket-passphrase').value = '';")
        try browser.type("#docket-passphrase", Self.passphrase)
        try browser.click("#docket-unlock button")
        try browser.wait(until: "document.body.innerText.includes('Locked Ltd')")
        #expect(try browser.text().contains("4h 30m"))
        // Another page of the same portal, its menu's "Hours", opens without asking again.
        _ = try browser.script(
            "Array.from(document.querySelectorAll('nav a')).find(function (a) { return a.textContent === 'Hours'; }).click();"
        )
        try browser.wait(until: "document.body.innerText.includes('Confidential work')")
        // "Lock" forgets the key.
        try browser.click("button.forget")
        try browser.wait(
            until: "document.getElementById('docket-unlock') && !document.getElementById('docket-unlock').hidden")

        // A #k= link opens by itself; without its key it says what is missing.
        let key = try #require(report.portals.first { $0.slug == "linked" }?.linkKey)
        try browser.go("\(base)/\(try token("linked"))/index.html#k=\(key)")
        try browser.wait(until: "document.body.innerText.includes('Linked Ltd')")
        #expect(try browser.text().contains("1h 45m"))
        _ = try browser.script("sessionStorage.clear();")
        let statement = PortalEncryption.link(key: try #require(PortalEncryption.data(base64URL: key)), business: "")
            .pageNames.name(of: "statement.html")
        try browser.go("\(base)/\(try token("linked"))/\(statement)")
        try browser.wait(until: "!document.getElementById('docket-error').hidden")
        #expect(try browser.text().contains("missing its key"))
    }

    /// The test site built, served on 127.0.0.1 and open in a browser, for one test.
    struct Served {
        let report: Builder.Report
        let base: String
        let browser: WebDriver

        /// The address of one of a client's portal pages, by its readable name (`statement.html`): in the
        /// link-encrypted portal, the opaque name it has there.
        func page(_ slug: String, _ file: String = "index.html") throws -> String {
            let portal = try #require(report.portals.first { $0.slug == slug })
            return "\(base)/\(portal.token)/\(try name(of: file, in: portal))"
        }

        /// A page's file name in a portal.
        func name(of file: String, in portal: Portal) throws -> String {
            guard let keyText = portal.linkKey, file != "index.html" else { return file }
            let key = try #require(PortalEncryption.data(base64URL: keyText))
            return PortalEncryption.link(key: key, business: "").pageNames.name(of: file)
        }

        var linkKey: String {
            get throws { try #require(report.portals.first { $0.slug == "linked" }?.linkKey) }
        }

        /// True once a locked page (not a portal page) is showing and has finished trying to open.
        static let lockedShowing =
            "document.getElementById('docket-payload') && document.getElementById('docket-status').textContent !== 'Opening…'"
    }

    func served(_ body: (Served) throws -> Void) throws {
        let (site, report) = try site()
        defer { site.remove() }
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let server = try StaticServer(root: site.root.appendingPathComponent("public"))
        defer { server.stop() }
        let browser = try WebDriver()
        defer { browser.quit() }
        try body(Served(report: report, base: "http://127.0.0.1:\(server.port)", browser: browser))
    }

    @Test("a #k= link opens its portal and the key leaves the address bar and the tab's history")
    func keyLeavesAddress() throws {
        try served { served in
            let browser = served.browser
            try browser.go(try served.page("open"))
            try browser.wait(until: "document.body.innerText.includes('Open Ltd')")
            try browser.go("\(try served.page("linked"))?from=mail#k=\(try served.linkKey)")
            try browser.wait(until: "document.body.innerText.includes('Linked Ltd')")
            #expect(try browser.script("return location.href;") as? String == "\(try served.page("linked"))?from=mail")
            #expect(try browser.url() == "\(try served.page("linked"))?from=mail")
            // The padding is gone: no replacement character or NUL after the page.
            #expect(
                try browser.script(
                    "var h = document.documentElement.outerHTML; return h.indexOf('\\uFFFD') < 0 && h.indexOf('\\u0000') < 0 && h.indexOf('Linked Ltd') > 0;"
                ) as? Bool == true)
            // Back to the plain portal and forward again: the entry in the tab's history has no key either.
            try browser.back()
            try browser.wait(until: "document.body.innerText.includes('Open Ltd')")
            try browser.forward()
            try browser.wait(until: "document.body.innerText.includes('Linked Ltd')")
            #expect(!(try browser.url().contains("k=")))
        }
    }

    @Test("Lock on a #k= portal locks it: the locked page shows and stays, after a reload and in the tab's history")
    func lockLocks() throws {
        try served { served in
            let browser = served.browser
            try browser.go("\(try served.page("linked"))#k=\(try served.linkKey)")
            try browser.wait(until: "document.body.innerText.includes('Linked Ltd')")
            try browser.go(try served.page("linked", "statement.html"))
            try browser.wait(until: "document.querySelector('button.forget')")
            try browser.back()
            try browser.wait(
                until: "location.pathname.endsWith('/index.html') && document.querySelector('button.forget')")
            try browser.click("button.forget")
            try browser.wait(until: Served.lockedShowing)
            #expect(try browser.text().contains("This portal is locked"))
            Thread.sleep(forTimeInterval: 1)
            #expect(!(try browser.text().contains("Linked Ltd")))
            #expect(try browser.script("return Object.keys(sessionStorage).length;") as? Int == 0)
            try browser.refresh()
            try browser.wait(until: Served.lockedShowing)
            Thread.sleep(forTimeInterval: 1)
            #expect(!(try browser.text().contains("Linked Ltd")))
            // The page opened after it does not come back open either.
            try browser.forward()
            let statement = try served.page("linked", "statement.html")
            try browser.wait(until: "location.href === '\(statement)'")
            try browser.wait(until: Served.lockedShowing)
            Thread.sleep(forTimeInterval: 1)
            #expect(!(try browser.text().contains("Linked Ltd")))
            #expect(!(try browser.url().contains("k=")))
        }
    }

    @Test("a malformed key (41 characters, or not base64url) says the link does not open the page")
    func malformedKey() throws {
        try served { served in
            let browser = served.browser
            // Two pages, so that each is a new load (not a jump within the page the first one left open).
            let keys = [
                ("index.html", String(try served.linkKey.prefix(41))),
                ("statement.html", String(repeating: "*", count: 43)),
            ]
            for (file, key) in keys {
                try browser.go("\(try served.page("linked", file))#k=\(key)")
                try browser.wait(until: "!document.getElementById('docket-error').hidden")
                #expect(try browser.text().contains("This link's key does not open this page"), "\(key)")
                #expect(try browser.script("return document.getElementById('docket-status').hidden;") as? Bool == true)
                #expect(!(try browser.url().contains("k=")))
            }
        }
    }

    @Test("a passphrase portal opened with a stray #k= ignores it and shows its form")
    func passphraseIgnoresKey() throws {
        try served { served in
            let browser = served.browser
            try browser.go("\(try served.page("locked"))#k=abcde")
            try browser.wait(until: "!document.getElementById('docket-unlock').hidden")
            #expect(try browser.script("return document.getElementById('docket-error').hidden;") as? Bool == true)
            #expect(!(try browser.url().contains("k=")))
            try browser.type("#docket-passphrase", Self.passphrase)
            try browser.click("#docket-unlock button")
            try browser.wait(until: "document.body.innerText.includes('Locked Ltd')")
        }
    }
}
