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
        let record = site.read(".docket/build-record")
        let before = site.snapshot("public")
        try site.write("content/clients/acme/client.md", "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: lots\n---\n")
        try site.write("content/clients/beta/client.md", "---\nname: Beta Ltd\ncontact: B\nemail: b@b.example\nrate: 25\n---\n")
        #expect(!site.build().succeeded)
        #expect(site.read(".docket/build-record") == record)
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

    @Test("many clients at once: pages wait on disk until the site validated, and the result is a clean build's")
    func manyClientsStageOnDisk() throws {
        var files = ["content/business.md": businessMD]
        let count = Builder.pagesInMemory + 8
        for index in 1...count {
            let slug = "client-\(index)"
            files["content/clients/\(slug)/client.md"] = "---\nname: Client \(index)\ncontact: C\nemail: c\(index)@c.example\nrate: \(20 + index)\n---\n"
            files["content/clients/\(slug)/timesheets/2026-11.md"] = "## 2026-11-02\n- \(index)m Work \(index) #admin\n"
        }
        // With no public/ yet, a first build that fails leaves none, and nothing half made.
        var broken = files
        broken["content/clients/client-3/client.md"] = "---\nname: Client 3\ncontact: C\nemail: c3@c.example\nrate: lots\n---\n"
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
        try site.write("templates/layout.mustache", layout.replacingOccurrences(of: "</body>", with: "<!-- v2 --></body>"))
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
            try site.write("content/clients/client-\(index)/timesheets/2026-11.md", "## 2026-11-03\n- \(index)m Other work\n")
        }
        try site.write("content/clients/client-1/client.md", "---\nname: Client 1\ncontact: C\nemail: c1@c.example\nrate: lots\n---\n")
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
            (String(record.prefix(record.count / 2)), ["acme"]),                             // cut short
            (record.replacingOccurrences(of: "\tpublic/", with: "\tpublic/x"), ["acme", "beta"]),  // outputs not there
            ("F\tnonsense\n", ["acme", "beta"]),                                             // not a record
            (record.replacingOccurrences(of: "\"slug\"", with: "\"slu"), ["acme", "beta"]),     // facts not JSON
        ]
        for (damaged, mustRebuild) in damages {
            try site.write(".docket/build-record", damaged)
            try site.write("content/clients/acme/timesheets/2026-11.md", "## 2026-11-02\n- \(damaged.count % 50 + 1)m Report #admin\n")
            let report = site.build()
            try #require(report.succeeded)
            #expect(Set(report.rebuiltClients).isSuperset(of: mustRebuild), "\(mustRebuild)")
            let (cleanPublic, cleanDashboard) = try cleanBuild(of: site, today: "2026-11-29", environment: [:])
            #expect(site.snapshot("public").filter { !$0.key.hasPrefix(".") } == cleanPublic)
            #expect(site.snapshot("dashboard") == cleanDashboard)
        }
    }
}

/// The parts of the build record that Docket encodes itself.
@Suite("Build record")
struct BuildRecordTests {
    @Test("a client's dashboard part and invoice numbers read back exactly as they were written")
    func factsRoundTrip() throws {
        let part = Dashboard.ClientPart(
            client: "Acme", currency: Currency(code: "EUR")!,
            chase: [Dashboard.Chase(client: "Acme", number: "INV-1", daysOverdue: 12, balance: 12_345, currency: Currency(code: "EUR")!)],
            balance: Dashboard.ClientMoney(client: "Acme", balance: 12_345, overdue: 12_345, currency: Currency(code: "EUR")!),
            burn: Dashboard.Burn(client: "Acme", used: 1_300, available: 1_200, overage: 100, overageAmount: 5_333,
                                 currency: Currency(code: "EUR")!),
            unbilled: Dashboard.ClientMinutes(client: "Acme", thisMonth: 30, total: 90),
            outOfHours: Dashboard.ClientMinutes(client: "Acme", thisMonth: 0, total: 45),
            tagMinutes: ["admin": 120, "untagged": 15], tagEntries: ["admin": 2, "untagged": 1],
            noTermsMonths: ["2026-10"],
            proposals: [Dashboard.Proposal(client: "Acme", version: 2, effective: CalendarDate(iso: "2026-12-01")!)],
            soFar: 98_765)
        var facts = ClientFacts(slug: "acme")
        facts.storedToken = "abc"
        facts.invoiceNumbers = [InvoiceNumber(number: "INV-1", path: "content/clients/acme/invoices/INV-1.md", line: 2)]
        facts.dashboard = part
        facts.diagnostics = [Diagnostic(.warning, path: "content/clients/acme/client.md", line: 3, column: 1, "a \"quoted\"\ttab")]
        facts.portal = Portal(slug: "acme", name: "Acme", token: "abc", isNewToken: false, encryption: .link, linkKey: "k")
        // Written by the record's own writer, read back by Foundation's decoder.
        for json in [Data(RecordJSON.facts(facts))] {
            let decoded = try JSONDecoder().decode(ClientFacts.self, from: json)
            #expect(decoded.slug == "acme")
            #expect(decoded.dashboard == part)
            #expect(decoded.invoiceNumbers == facts.invoiceNumbers)
            #expect(decoded.diagnostics == facts.diagnostics)
            #expect(decoded.portal == facts.portal)
            #expect(decoded.storedToken == "abc")
        }
    }

    @Test("the record's own JSON writer: absent parts left out, awkward text and every portal kind read back")
    func recordJSONWriter() throws {
        // Nothing optional: no dashboard, portal or token.
        let bare = try JSONDecoder().decode(ClientFacts.self, from: Data(RecordJSON.facts(ClientFacts(slug: "b"))))
        #expect(bare.slug == "b" && bare.dashboard == nil && bare.portal == nil && bare.storedToken == nil)
        #expect(bare.diagnostics.isEmpty && bare.invoiceNumbers.isEmpty)
        let awkward = "<a href=\"x\">&amp;</a> \\ / é 😀 \u{2028}\u{0}\u{1F}\r\n\t'"
        let part = Dashboard.ClientPart(
            client: awkward, currency: .gbp, chase: [], balance: nil, burn: nil,
            unbilled: Dashboard.ClientMinutes(client: awkward, thisMonth: 0, total: 0),
            outOfHours: Dashboard.ClientMinutes(client: awkward, thisMonth: -5, total: Int.max),
            tagMinutes: [:], tagEntries: [awkward: 1, "b": 2, "a": 3], noTermsMonths: [], proposals: [])
        var facts = ClientFacts(slug: awkward)
        facts.dashboard = part
        facts.diagnostics = [Diagnostic(.error, path: awkward, line: 0, column: 0, awkward)]
        let decoded = try JSONDecoder().decode(ClientFacts.self, from: Data(RecordJSON.facts(facts)))
        #expect(decoded.slug == awkward)
        #expect(decoded.dashboard == part)
        #expect(decoded.diagnostics == facts.diagnostics)
        for portal in [Portal(slug: "a", name: awkward, token: "t", isNewToken: true),
                       Portal(slug: "a", name: "A", token: "t", isNewToken: false, encryption: .passphrase),
                       Portal(slug: "a", name: "A", token: "t", isNewToken: false, encryption: .link, linkKey: "k-_")] {
            #expect(try JSONDecoder().decode(Portal.self, from: Data(RecordJSON.portal(portal))) == portal)
        }
    }

    @Test("pages kept on disk come back byte for byte, and a replaced file is swapped in whole")
    func stageAndWrite() throws {
        let site = try TemporarySite(files: [:], templates: false)
        defer { site.remove() }
        let stage = try PageStage(directory: site.root.appendingPathComponent("stage"))
        let files = [OutputFile(path: "t/index.html", text: "<p>é\n\n</p>"), OutputFile(path: "t/empty.json", data: Data()),
                     OutputFile(path: "t/bin", data: Data([0, 10, 255, 10]))]
        try stage.put("acme", files)
        #expect(try stage.take("acme") == files)
        #expect(!site.exists("stage/acme"))
        stage.discard()
        #expect(!site.exists("stage"))

        let path = site.root.appendingPathComponent("page.html").path
        try SiteWriter.writeFile(Data("first".utf8), to: path, replacing: false)
        try SiteWriter.writeFile(Data("second".utf8), to: path, replacing: true)
        #expect(site.read("page.html") == "second")
        #expect(!site.exists("page.html.docket-new"))
        #expect(throws: (any Error).self) {
            try SiteWriter.writeFile(Data(), to: site.root.appendingPathComponent("missing/page.html").path, replacing: false)
        }
    }

    @Test("a batch makes its folders, writes new and changed files, leaves equal ones, and names a file in a folder's way")
    func batches() throws {
        let site = try TemporarySite(files: [:], templates: false)
        defer { site.remove() }
        let writer = SiteWriter(root: site.root)
        try writer.begin()
        let first = [OutputFile(path: "t/hours/2026-11.html", text: "A"), OutputFile(path: "t/index.html", text: "B"),
                     OutputFile(path: "top.html", text: "C")]
        #expect(try writer.writeBatch(first) == SiteWriter.Outcome(written: 3, unchanged: 0, removed: 0))
        #expect(site.read("public/t/hours/2026-11.html") == "A")
        let second = [OutputFile(path: "t/hours/2026-11.html", text: "A"), OutputFile(path: "t/index.html", text: "B2"),
                      OutputFile(path: "t/terms/1.html", text: "D")]
        #expect(try writer.writeBatch(second) == SiteWriter.Outcome(written: 2, unchanged: 1, removed: 0))
        #expect(site.read("public/t/index.html") == "B2")
        #expect(site.read("public/t/terms/1.html") == "D")
        #expect(SiteWriter.parent(of: "a/b/c.html") == "a/b")
        #expect(SiteWriter.parent(of: "c.html") == "")

        try site.write("public/u", "a file where a folder goes")
        do {
            _ = try writer.writeBatch([OutputFile(path: "u/index.html", text: "E")])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "u: Not a directory")
        }
    }

    @Test("work spread over threads of its own keeps its order")
    func threads() {
        let numbers = Array(0..<1_000)
        #expect(numbers.parallelMap(threads: 8) { $0 * 2 } == numbers.map { $0 * 2 })
        #expect([7].parallelMap(threads: 8) { $0 + 1 } == [8])
        #expect([Int]().parallelMap(threads: 8) { $0 } == [])
    }

    @Test("a client's passphrase names are found in its client.md; the word search finds a word anywhere, and only it")
    func passphraseNames() throws {
        #expect(BuildCache.contains(Data("abc portal_passphrase_env: X".utf8), "portal_passphrase_env"))
        #expect(BuildCache.contains(Data("portal_passphrase_env".utf8), "portal_passphrase_env"))
        #expect(!BuildCache.contains(Data("portal_passphrase_en".utf8), "portal_passphrase_env"))
        #expect(!BuildCache.contains(Data("pportal_passphrase_en v".utf8), "portal_passphrase_env"))
        #expect(!BuildCache.contains(Data(), "portal_passphrase_env"))
        let site = try TemporarySite(files: [
            "content/clients/a/client.md": "---\nname: A\nportal_passphrase_env: A_PASS\n---\n",
            "content/clients/b/client.md": "---\nname: B\n---\n",
        ])
        defer { site.remove() }
        #expect(BuildCache.passphraseNames(slug: "a", rootPath: site.root.path, environment: [:]) == ["A_PASS"])
        #expect(BuildCache.passphraseNames(slug: "b", rootPath: site.root.path, environment: [:]) == [])
    }

    @Test("a file status is written in the record as `size modified changed inode`, digit by digit")
    func statusLines() {
        let cases: [(FileStatus, String)] = [
            (FileStatus(size: 0, modified: 0, changed: 0, inode: 0), "0 0 0 0"),
            (FileStatus(size: 4_096, modified: 1_764_400_000_123_456_789, changed: -1, inode: UInt64.max),
             "4096 1764400000123456789 -1 18446744073709551615"),
            (FileStatus(size: Int.max, modified: Int.min + 1, changed: 42, inode: 7),
             "9223372036854775807 -9223372036854775807 42 7"),
            (FileStatus(size: 1, modified: 2, changed: 3, inode: UInt64.max), "1 2 3 18446744073709551615"),
        ]
        for (status, expected) in cases {
            var bytes: [UInt8] = []
            status.appendLine(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
            #expect(status.line == expected)
            // And read back by the record's reader.
            #expect(BuildCache.status(Array(expected.utf8), 0..<expected.utf8.count) == (status.size >= 0 && status.modified >= 0 && status.changed >= 0 ? status : nil))
        }
    }

    @Test("files found by their types are the files found by their status, hidden and nested ones included")
    func fileNamesFromTypes() throws {
        let site = try TemporarySite(files: [
            "content/clients/a/client.md": "x", "content/clients/a/.hidden": "x",
            "content/clients/a/timesheets/2026-11.md": "x", "content/clients/a/deep/er/note.txt": "x",
        ])
        defer { site.remove() }
        let folder = site.root.path + "/content/clients/a"
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.md", withDestinationPath: folder + "/client.md")
        let names = FileStatus.fileNames(under: folder).sorted()
        #expect(names == FileStatus.files(under: folder).map(\.path))
        #expect(names == [".hidden", "client.md", "deep/er/note.txt", "timesheets/2026-11.md"])
    }

    @Test("files written into a folder a batch made come back with the status they were left with")
    func statusesOfNewFiles() throws {
        let site = try TemporarySite(files: [:], templates: false)
        defer { site.remove() }
        let writer = SiteWriter(root: site.root)
        try writer.begin()
        try site.write("public/old/x.html", "X")
        let files = [OutputFile(path: "t/a.html", text: "A"), OutputFile(path: "t/hours/b.html", text: "BB"),
                     OutputFile(path: "old/y.html", text: "Y"), OutputFile(path: "top.html", text: "T")]
        let (outcome, statuses) = try writer.writeBatchKeepingStatus(files)
        #expect(outcome == SiteWriter.Outcome(written: 4, unchanged: 0, removed: 0))
        #expect(statuses.count == 4)
        #expect(statuses[0] != nil && statuses[0] == FileStatus.of(site.root.path + "/public/t/a.html"))
        #expect(statuses[1]?.size == 2 && statuses[1] == FileStatus.of(site.root.path + "/public/t/hours/b.html"))
        // A folder that was there already, and the output folder itself: not known.
        #expect(statuses[2] == nil && statuses[3] == nil)
        #expect(site.read("public/t/hours/b.html") == "BB" && site.read("public/old/y.html") == "Y")
    }
}
