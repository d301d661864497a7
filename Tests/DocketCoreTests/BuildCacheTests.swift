import Foundation
import Testing

@testable import DocketCore

/// The build cache can make a build faster, never different: after every kind of edit, an incremental
/// build leaves exactly the bytes a clean build makes.
@Suite("Incremental builds")
struct BuildCacheTests {
    func cleanBuild(of site: TemporarySite, today: String, environment: [String: String]) throws -> (
        [String: Data], [String: Data]
    ) {
        let copy = try TemporarySite(files: [:], templates: false)
        defer { copy.remove() }
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: site.root.appendingPathComponent(folder), to: copy.root.appendingPathComponent(folder))
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
            "content/clients/beta/client.md":
                "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\nportal_passphrase_env: BETA_PASS\n---\n",
            "content/clients/beta/timesheets/2026-11.md": "## 2026-11-03\n- 1h Inbox\n",
        ])
        defer { site.remove() }
        let state = try StateFolder()
        defer { state.remove() }
        var today = "2026-11-29"
        // The passphrase's keyed hash needs its key, kept in a temporary state folder (never the real home).
        var environment = ["BETA_PASS": "a long enough passphrase", "XDG_STATE_HOME": state.url.path]

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
        try site.write(
            "content/clients/carol/client.md", "---\nname: Carol\ncontact: C\nemail: c@c.example\nrate: 20\n---\n")
        try check("add a client", rebuilt: ["carol"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/clients/acme"))
        try check("delete a client", rebuilt: [])
        try FileManager.default.moveItem(
            at: site.root.appendingPathComponent("content/clients/carol"),
            to: site.root.appendingPathComponent("content/clients/caroline"))
        try check("rename a client", rebuilt: ["caroline"])
        let layout = try #require(site.read("templates/layout.mustache"))
        try site.write("templates/layout.mustache", layout.replacingOccurrences(of: "Prepared by", with: "Kept by"))
        try check("change a template", rebuilt: ["beta", "caroline"])
        today = "2026-12-20"
        try check("change --today", rebuilt: ["beta", "caroline"])
        environment["BETA_PASS"] = "another long passphrase"
        try check("change a passphrase", rebuilt: ["beta"])
        let index = try #require(
            site.snapshot("public").keys.first {
                $0.hasSuffix("/index.html") && $0.contains("/") && !$0.hasPrefix("assets")
            })
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
        let record = site.read(".docket/build-record")
        let before = site.snapshot("public")
        try site.write(
            "content/clients/acme/client.md", "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: lots\n---\n")
        try site.write(
            "content/clients/beta/client.md", "---\nname: Beta Ltd\ncontact: B\nemail: b@b.example\nrate: 25\n---\n")
        #expect(!site.build().succeeded)
        #expect(site.read(".docket/build-record") == record)
        #expect(site.snapshot("public") == before)
        // Back as it was: nothing to rebuild.
        try site.write(
            "content/clients/acme/client.md", "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n")
        try site.write(
            "content/clients/beta/client.md", "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\n---\n")
        let same = site.build()
        #expect(same.succeeded && same.reusedCache && same.rebuiltClients.isEmpty)
        // A real fix of one client and the valid edit of the other: both are rebuilt.
        try site.write(
            "content/clients/acme/client.md", "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 31\n---\n")
        try site.write(
            "content/clients/beta/client.md", "---\nname: Beta Ltd\ncontact: B\nemail: b@b.example\nrate: 25\n---\n")
        let fixed = site.build()
        #expect(fixed.succeeded && fixed.rebuiltClients == ["acme", "beta"])
    }

    @Test("many clients at once: pages wait on disk until the site validated, and the result is a clean build's")
    func manyClientsStageOnDisk() throws {
        var files = ["content/business.md": businessMD]
        let count = Builder.pagesInMemory + 8
        for index in 1...count {
            let slug = "client-\(index)"
            files["content/clients/\(slug)/client.md"] =
                "---\nname: Client \(index)\ncontact: C\nemail: c\(index)@c.example\nrate: \(20 + index)\n---\n"
            files["content/clients/\(slug)/timesheets/2026-11.md"] = "## 2026-11-02\n- \(index)m Work \(index) #admin\n"
        }
        // With no public/ yet, a first build that fails leaves none, and nothing half made.
        var broken = files
        broken["content/clients/client-3/client.md"] =
            "---\nname: Client 3\ncontact: C\nemail: c3@c.example\nrate: lots\n---\n"
        let failing = try TemporarySite(files: broken)
        defer { failing.remove() }
        #expect(!failing.build().succeeded)
        #expect(!failing.exists("public"))
        #expect(!failing.exists(Builder.newSiteFolder))
        // Nor a record, nor the one being written as its clients finished.
        #expect(!failing.exists(".docket/build-record"))
        #expect(!failing.exists(".docket/build-record.docket-new"))

        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let first = site.build()
        try #require(first.succeeded, "\(first.diagnostics.errors)")
        #expect(first.rebuiltClients.count == count)
        // Pages went straight into the new public/, which was then put in place.
        #expect(first.outcome.written == first.paths.count)
        #expect(!site.exists(".docket-cache/stage"))
        #expect(!site.exists(Builder.newSiteFolder))
        let (cleanPublic, _) = try cleanBuild(of: site, today: "2026-11-29", environment: [:])
        #expect(site.snapshot("public").filter { !$0.key.hasPrefix(".") } == cleanPublic)

        // Its record was written as clients finished: a build with nothing changed reuses every client and
        // writes nothing, and an edit rebuilds only the client edited, to a clean build's bytes.
        #expect(site.exists(".docket/build-record"))
        #expect(!site.exists(".docket/build-record.docket-new"))
        let unchanged = site.build()
        #expect(unchanged.reusedCache)
        #expect(unchanged.rebuiltClients.isEmpty)
        #expect(unchanged.outcome.written == 0)
        try site.write("content/clients/client-5/timesheets/2026-11.md", "## 2026-11-02\n- 45m Edited work #admin\n")
        let edited = site.build()
        try #require(edited.succeeded, "\(edited.diagnostics.errors)")
        #expect(edited.rebuiltClients == ["client-5"])
        let (cleanEdited, _) = try cleanBuild(of: site, today: "2026-11-29", environment: [:])
        #expect(site.snapshot("public").filter { !$0.key.hasPrefix(".") } == cleanEdited)

        // Every client rebuilt over an existing public/ (a template changed): pages wait in the stage, and
        // the result is again a clean build's.
        let layout = try #require(site.read("templates/layout.mustache"))
        try site.write(
            "templates/layout.mustache", layout.replacingOccurrences(of: "</body>", with: "<!-- v2 --></body>"))
        let second = site.build()
        try #require(second.succeeded, "\(second.diagnostics.errors)")
        #expect(second.rebuiltClients.count == count)
        #expect(!site.exists(".docket-cache/stage"))
        let (cleanAgain, _) = try cleanBuild(of: site, today: "2026-11-29", environment: [:])
        #expect(site.snapshot("public").filter { !$0.key.hasPrefix(".") } == cleanAgain)
        #expect(site.snapshot("public").values.contains { String(decoding: $0, as: UTF8.self).contains("<!-- v2 -->") })

        // A failed build with many changed clients writes nothing and leaves no stage behind.
        let before = site.snapshot("public")
        for index in 1...count {
            try site.write(
                "content/clients/client-\(index)/timesheets/2026-11.md", "## 2026-11-03\n- \(index)m Other work\n")
        }
        try site.write(
            "content/clients/client-1/client.md",
            "---\nname: Client 1\ncontact: C\nemail: c1@c.example\nrate: lots\n---\n")
        #expect(!site.build().succeeded)
        #expect(site.snapshot("public") == before)
        #expect(!site.exists(".docket-cache/stage"))
    }
}

extension BuildCacheTests {
    @Test("a damaged or truncated record is not trusted: every client is rebuilt, and the result is a clean build's")
    func damagedRecord() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 2h Report #admin\n",
            "content/clients/beta/client.md": "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\n---\n",
        ])
        defer { site.remove() }
        #expect(site.build().succeeded)
        let record = try #require(site.read(".docket/build-record"))
        #expect(record.contains("\tpublic/") && record.contains("\"slug\""))
        // Each damage, and the clients a build must then rebuild (acme's timesheet is edited every time).
        let damages: [(String, Set<String>)] = [
            (String(record.prefix(record.count / 2)), ["acme"]),  // cut short
            (record.replacingOccurrences(of: "\tpublic/", with: "\tpublic/x"), ["acme", "beta"]),  // outputs not there
            ("F\tnonsense\n", ["acme", "beta"]),  // not a record
            (record.replacingOccurrences(of: "\"slug\"", with: "\"slu"), ["acme", "beta"]),  // facts not JSON
        ]
        for (damaged, mustRebuild) in damages {
            try site.write(".docket/build-record", damaged)
            try site.write(
                "content/clients/acme/timesheets/2026-11.md",
                "## 2026-11-02\n- \(damaged.count % 50 + 1)m Report #admin\n")
            let report = site.build()
            try #require(report.succeeded)
            #expect(Set(report.rebuiltClients).isSuperset(of: mustRebuild), "\(mustRebuild)")
            let (cleanPublic, cleanDashboard) = try cleanBuild(of: site, today: "2026-11-29", environment: [:])
            #expect(site.snapshot("public").filter { !$0.key.hasPrefix(".") } == cleanPublic)
            #expect(site.snapshot("dashboard") == cleanDashboard)
        }
    }
}
