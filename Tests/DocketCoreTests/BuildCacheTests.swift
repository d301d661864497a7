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

        /// Builds, and compares every byte with a clean build. `rebuilt` is the client folders the build must
        /// have parsed and rendered again; the files it wrote must be exactly those whose bytes changed.
        func check(_ step: String, rebuilt: [String], expectReuse: Bool = false) throws {
            let before = site.snapshot("public").filter { !$0.key.hasPrefix(".") }
            let report = site.build(today: today, environment: environment)
            try #require(report.succeeded, "\(step): \(report.diagnostics.errors)")
            #expect(report.reusedCache == expectReuse, "\(step)")
            #expect(report.rebuiltClients == rebuilt, "\(step)")
            let after = site.snapshot("public").filter { !$0.key.hasPrefix(".") }
            let changed = after.filter { before[$0.key] != $0.value }.count
            #expect(report.outcome.written == changed, "\(step): files written")
            #expect(report.outcome.removed == before.keys.filter { after[$0] == nil }.count, "\(step): files removed")
            let (cleanPublic, cleanDashboard) = try cleanBuild(of: site, today: today, environment: environment)
            #expect(after == cleanPublic, "\(step): public/")
            #expect(site.snapshot("dashboard") == cleanDashboard, "\(step): dashboard/")
        }

        try check("first build", rebuilt: ["acme", "beta"])
        try check("nothing changed", rebuilt: [], expectReuse: true)
        try site.write("content/clients/acme/timesheets/2026-11.md", "## 2026-11-02\n- 2h30m Report #admin\n")
        try check("edit a timesheet", rebuilt: ["acme"])
        try site.write("content/clients/carol/client.md", "---\nname: Carol\ncontact: C\nemail: c@c.example\nrate: 20\n---\n")
        try check("add a client", rebuilt: ["carol"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/clients/acme"))
        try check("delete a client", rebuilt: [])
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/clients/carol"),
                                         to: site.root.appendingPathComponent("content/clients/caroline"))
        try check("rename a client", rebuilt: ["caroline"])
        let layout = try #require(site.read("templates/layout.mustache"))
        try site.write("templates/layout.mustache", layout.replacingOccurrences(of: "Prepared by", with: "Kept by"))
        try check("change a template", rebuilt: ["beta", "caroline"])
        today = "2026-12-20"
        try check("change --today", rebuilt: ["beta", "caroline"])
        environment["BETA_PASS"] = "another long passphrase"
        try check("change a passphrase", rebuilt: ["beta"])
        let index = try #require(site.snapshot("public").keys.first { $0.hasSuffix("/index.html") && $0.contains("/") && !$0.hasPrefix("assets") })
        try site.write("public/\(index)", "tampered")
        try check("an output changed by hand", rebuilt: [index.hasPrefix(try token("beta")) ? "beta" : "caroline"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("public/\(index)"))
        try check("an output deleted by hand", rebuilt: [index.hasPrefix(try token("beta")) ? "beta" : "caroline"])
        try check("nothing changed again", rebuilt: [], expectReuse: true)

        func token(_ slug: String) throws -> String {
            try #require(site.read("content/clients/\(slug)/token.txt")).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test("a failed build writes nothing and keeps the record, which still describes public/ exactly")
    func failedBuild() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/beta/client.md": "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\n---\n",
        ])
        defer { site.remove() }
        #expect(site.build().succeeded)
        let record = site.read(".docket-cache/last-build")
        let before = site.snapshot("public")
        try site.write("content/clients/acme/client.md", "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: lots\n---\n")
        try site.write("content/clients/beta/client.md", "---\nname: Beta Ltd\ncontact: B\nemail: b@b.example\nrate: 25\n---\n")
        #expect(!site.build().succeeded)
        #expect(site.read(".docket-cache/last-build") == record)
        #expect(site.snapshot("public") == before)
        // Back as it was: nothing to rebuild.
        try site.write("content/clients/acme/client.md", "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n")
        try site.write("content/clients/beta/client.md", "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\n---\n")
        let same = site.build()
        #expect(same.succeeded && same.reusedCache && same.rebuiltClients.isEmpty)
        // A real fix of one client and the valid edit of the other: both are rebuilt.
        try site.write("content/clients/acme/client.md", "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 31\n---\n")
        try site.write("content/clients/beta/client.md", "---\nname: Beta Ltd\ncontact: B\nemail: b@b.example\nrate: 25\n---\n")
        let fixed = site.build()
        #expect(fixed.succeeded && fixed.rebuiltClients == ["acme", "beta"])
    }
}
