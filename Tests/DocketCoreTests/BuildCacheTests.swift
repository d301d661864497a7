import Foundation
import Testing
@testable import DocketCore

/// The build cache can make a build faster, never different: after every kind of edit, an incremental
/// build leaves exactly the bytes a clean build makes.
@Suite("Incremental builds")
struct BuildCacheTests {
    func cleanBuild(of site: TemporarySite, today: String, environment: [String: String]) throws -> ([String: Data], [String: Data]) {
        let copy = try TemporarySite(files: [:], templates: false)
        defer { copy.remove() }
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: site.root.appendingPathComponent(folder), to: copy.root.appendingPathComponent(folder))
        }
        let report = copy.build(today: today, environment: environment)
        try #require(report.succeeded, "\(report.diagnostics.errors)")
        return (copy.snapshot("public"), copy.snapshot("dashboard"))
    }

    @Test("edit, add, delete, rename a client, change a template, --today, a passphrase, and tamper with the output")
    func editsMatchCleanBuilds() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 2h Report #admin\n",
            "content/clients/beta/client.md": "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\nportal_passphrase_env: BETA_PASS\n---\n",
            "content/clients/beta/timesheets/2026-11.md": "## 2026-11-03\n- 1h Inbox\n",
        ])
        defer { site.remove() }
        var today = "2026-11-29"
        var environment = ["BETA_PASS": "a long enough passphrase"]

        func check(_ step: String, expectReuse: Bool = false) throws {
            let report = site.build(today: today, environment: environment)
            try #require(report.succeeded, "\(step): \(report.diagnostics.errors)")
            #expect(report.reusedCache == expectReuse, "\(step)")
            let (cleanPublic, cleanDashboard) = try cleanBuild(of: site, today: today, environment: environment)
            #expect(site.snapshot("public").filter { !$0.key.hasPrefix(".") } == cleanPublic, "\(step): public/")
            #expect(site.snapshot("dashboard") == cleanDashboard, "\(step): dashboard/")
        }

        try check("first build")
        try check("nothing changed", expectReuse: true)
        try site.write("content/clients/acme/timesheets/2026-11.md", "## 2026-11-02\n- 2h30m Report #admin\n")
        try check("edit a timesheet")
        try site.write("content/clients/carol/client.md", "---\nname: Carol\ncontact: C\nemail: c@c.example\nrate: 20\n---\n")
        try check("add a client")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/clients/acme"))
        try check("delete a client")
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/clients/carol"),
                                         to: site.root.appendingPathComponent("content/clients/caroline"))
        try check("rename a client")
        let layout = try #require(site.read("templates/layout.mustache"))
        try site.write("templates/layout.mustache", layout.replacingOccurrences(of: "Prepared by", with: "Kept by"))
        try check("change a template")
        today = "2026-12-20"
        try check("change --today")
        environment["BETA_PASS"] = "another long passphrase"
        try check("change a passphrase")
        let index = try #require(site.snapshot("public").keys.first { $0.hasSuffix("/index.html") })
        try site.write("public/\(index)", "tampered")
        try check("an output changed by hand")
        try check("nothing changed again", expectReuse: true)
    }

    @Test("a failed build forgets the cache, so the next build after a fix is a full one")
    func failedBuild() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
        ])
        defer { site.remove() }
        #expect(site.build().succeeded)
        try site.write("content/clients/acme/client.md", "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: lots\n---\n")
        #expect(!site.build().succeeded)
        #expect(!site.exists(".docket-cache/last-build.json"))
        try site.write("content/clients/acme/client.md", "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n")
        let fixed = site.build()
        #expect(fixed.succeeded && !fixed.reusedCache)
    }
}
