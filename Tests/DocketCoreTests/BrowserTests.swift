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
        // Another page of the same portal opens without asking again.
        try browser.go("\(base)/\(try token("locked"))/hours/2026-11.html")
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
        try browser.go("\(base)/\(try token("linked"))/statement.html")
        try browser.wait(until: "!document.getElementById('docket-error').hidden")
        #expect(try browser.text().contains("missing its key"))
    }
}
