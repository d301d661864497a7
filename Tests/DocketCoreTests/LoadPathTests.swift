import Foundation
import Testing

@testable import DocketCore

/// `build`, `check`, `links` and `invoice` load a site the same way and run the same checks.
@Suite("One load path")
struct LoadPathTests {
    /// Every error as `path:line:column: message`.
    func lines(_ diagnostics: Diagnostics) -> [String] {
        diagnostics.errors.map { "\($0.path):\($0.line):\($0.column): \($0.message)" }
    }

    func twoClients() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/beta/client.md": "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\n---\n",
        ])
    }

    @Test("a share token two clients hold is the same one error for build, check, links and invoice")
    func duplicateToken() throws {
        let site = try twoClients()
        defer { site.remove() }
        try site.write("content/clients/acme/token.txt", "Xy7TOqZUjqKjDtrytKbz9A\n")
        try site.write("content/clients/beta/token.txt", "Xy7TOqZUjqKjDtrytKbz9A\n")
        let expected = [
            "content/clients/beta/token.txt:1:1: the same share token as content/clients/acme; each client needs its own: delete this file and build again to get a new one"
        ]
        #expect(lines(site.build().diagnostics) == expected)
        #expect(lines(site.build(mode: .check).diagnostics) == expected)
        var links = Diagnostics()
        #expect(ShareLinks.list(root: site.root, diagnostics: &links).isEmpty)
        #expect(lines(links) == expected)
        var invoice = Diagnostics()
        let checked = try #require(
            CheckedSite.load(root: site.root, today: CalendarDate(iso: "2026-11-29")!, diagnostics: &invoice))
        #expect(lines(checked.diagnostics) == expected)
        #expect(!site.exists("public"))
    }

    @Test("a client folder's name and a missing business.md are the same errors for build and links")
    func folderNameAndBusiness() throws {
        let site = try twoClients()
        defer { site.remove() }
        try site.write("content/clients/Bad_Name/client.md", "---\nname: X\n---\n")
        let expected = [
            "content/clients/Bad_Name:0:0: invalid client folder name `Bad_Name`; expected 1–64 lowercase letters, digits or `-`, like `acme-widgets`"
        ]
        #expect(lines(site.build().diagnostics) == expected)
        var links = Diagnostics()
        _ = ShareLinks.list(root: site.root, diagnostics: &links)
        #expect(lines(links) == expected)

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/business.md"))
        let missing = [
            "content/business.md:0:0: missing: expected the VA's business details in content/business.md (see docs/content-format.md)"
        ]
        #expect(lines(site.build().diagnostics) == missing)
        var linksMissing = Diagnostics()
        _ = ShareLinks.list(root: site.root, diagnostics: &linksMissing)
        #expect(lines(linksMissing) == missing)
    }

    @Test("links and build create a link portal's token and key once; each keeps what the other stored")
    func secretsShared() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md":
                "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\nportal_encryption: link\n---\n",
        ])
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let links = ShareLinks.list(root: site.root, diagnostics: &diagnostics)
        try #require(links.count == 1)
        let token = try #require(site.read("content/clients/acme/token.txt")).trimmingCharacters(in: .newlines)
        let key = try #require(site.read("content/clients/acme/portal-key.txt")).trimmingCharacters(in: .newlines)
        #expect(token.count == 22 && key.count == 43)
        #expect(links[0].url == "https://portal.example.com/\(token)/#k=\(key)")
        let report = site.build()
        #expect(report.portals.map(\.token) == [token])
        #expect(report.portals.map(\.linkKey) == [key])
        #expect(report.portals.map(\.isNewToken) == [false])
    }
}

/// The build record is the one list of the files a build produced.
@Suite("Outputs tracked in the record")
struct RecordOutputsTests {
    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/acme/token.txt": "Xy7TOqZUjqKjDtrytKbz9A\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 2h Report #admin\n",
        ])
    }

    @Test("an earlier Docket's .docket/manifest.txt: the first build removes the files it listed, then the manifests")
    func manifestMigration() throws {
        let site = try site()
        defer { site.remove() }
        // As Docket 0.5.0 left a site: its pages, a portal since revoked, its lists of files, a file of the VA's.
        try site.write("public/OLDOLDOLDOLDOLDOLDOLDOL/index.html", "old portal")
        try site.write("public/OLDOLDOLDOLDOLDOLDOLDOL/hours/2026-10.html", "old page")
        try site.write("public/mine.txt", "the VA's own file")
        try site.write("dashboard/old.html", "old dashboard page")
        try site.write(
            ".docket/manifest.txt",
            "OLDOLDOLDOLDOLDOLDOLDOL/index.html\nOLDOLDOLDOLDOLDOLDOLDOL/hours/2026-10.html\nrobots.txt\n../outside.txt\n"
        )
        try site.write(".docket/dashboard-manifest.txt", "index.html\nold.html\n")
        try site.write(".docket-cache/last-build", "docket build record\t6\n")
        try site.write("outside.txt", "not Docket's to remove")
        let report = site.build()
        try #require(report.succeeded, "\(report.diagnostics.errors)")
        #expect(report.outcome.removed == 2)
        #expect(!site.exists("public/OLDOLDOLDOLDOLDOLDOLDOL"))
        #expect(!site.exists("dashboard/old.html"))
        #expect(site.exists("dashboard/index.html") && site.exists("public/robots.txt"))
        #expect(site.read("public/mine.txt") == "the VA's own file")
        #expect(site.read("outside.txt") == "not Docket's to remove")
        #expect(!site.exists(".docket/manifest.txt") && !site.exists(".docket/dashboard-manifest.txt"))
        #expect(!site.exists(".docket-cache/last-build"))
        // The record lists what the build produced, and the next build finds nothing to do.
        let record = try #require(site.read(".docket/build-record"))
        #expect(record.contains("O\tpublic/Xy7TOqZUjqKjDtrytKbz9A/index.html\t"))
        #expect(record.contains("O\tdashboard/index.html\t"))
        #expect(record.hasSuffix("\t\(BuildCache.formatVersion)\n"))
        #expect(site.build().reusedCache)
    }

    @Test("a record of another version or a damaged one still names the files to remove")
    func otherVersionRecord() throws {
        let site = try site()
        defer { site.remove() }
        #expect(site.build().succeeded)
        try site.write("public/GONEGONEGONEGONEGONEGO/index.html", "a page of a client since deleted")
        let record = try #require(site.read(".docket/build-record"))
        // As an earlier Docket's record would say it (format 7), cut short before its last line.
        let older =
            record.replacingOccurrences(of: "\t\(BuildCache.formatVersion)\n", with: "\t7\n")
            + "O\tpublic/GONEGONEGONEGONEGONEGO/index.html\t1 2 3 4\n"
        try site.write(".docket/build-record", older)
        let report = site.build()
        try #require(report.succeeded)
        #expect(report.rebuiltClients == ["acme"])
        #expect(report.outcome.removed == 1)
        #expect(!site.exists("public/GONEGONEGONEGONEGONEGO"))
    }

    @Test("a build without the cache keeps the list of files, and the next build removes what it no longer makes")
    func withoutCache() throws {
        let site = try site()
        defer { site.remove() }
        let first = Builder.run(
            .init(root: site.root, today: CalendarDate(iso: "2026-11-29")!, mode: .build, useCache: false))
        try #require(first.succeeded)
        let record = try #require(site.read(".docket/build-record"))
        #expect(!record.contains("F\t"))
        #expect(record.contains("O\tpublic/Xy7TOqZUjqKjDtrytKbz9A/index.html\t\n"))
        try site.write("content/clients/acme/token.txt", "vpkFpPGOcIj4D43mPD9HCQ\n")
        let second = site.build()
        try #require(second.succeeded)
        #expect(second.rebuiltClients == ["acme"])
        #expect(second.outcome.removed == first.paths.filter { $0.hasPrefix("Xy7TOqZUjqKjDtrytKbz9A/") }.count)
        #expect(!site.exists("public/Xy7TOqZUjqKjDtrytKbz9A"))
    }

    @Test(
        "after a build that failed while writing, the files of both builds are listed, and the next build removes both")
    func failedWrite() throws {
        let site = try site()
        defer { site.remove() }
        #expect(site.build().succeeded)
        // acme moves to a new link; a new client's folder cannot be made (a file is in its way).
        try site.write("content/clients/acme/token.txt", "vpkFpPGOcIj4D43mPD9HCQ\n")
        try site.write(
            "content/clients/zed/client.md", "---\nname: Zed\ncontact: Z\nemail: z@z.example\nrate: 30\n---\n")
        try site.write("content/clients/zed/token.txt", "S0188-dCXbB9unpnwP1XXg\n")
        try site.write("public/S0188-dCXbB9unpnwP1XXg", "in the way")
        let failed = site.build()
        #expect(failed.diagnostics.errors.map(\.path) == ["public"])
        #expect(site.exists("public/vpkFpPGOcIj4D43mPD9HCQ/index.html"))  // written before the failure
        #expect(site.exists("public/Xy7TOqZUjqKjDtrytKbz9A/index.html"))
        let record = try #require(site.read(".docket/build-record"))
        #expect(record.contains("O\tpublic/Xy7TOqZUjqKjDtrytKbz9A/index.html\t\n"))
        #expect(record.contains("O\tpublic/vpkFpPGOcIj4D43mPD9HCQ/index.html\t\n"))
        // Zed goes, acme moves again: neither of the two earlier portals stays.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/clients/zed"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("public/S0188-dCXbB9unpnwP1XXg"))
        try site.write("content/clients/acme/token.txt", "8cKJv3U2SEDrYd34FkYi2w\n")
        let fixed = site.build()
        try #require(fixed.succeeded, "\(fixed.diagnostics.errors)")
        #expect(!site.exists("public/Xy7TOqZUjqKjDtrytKbz9A"))
        #expect(!site.exists("public/vpkFpPGOcIj4D43mPD9HCQ"))
        #expect(site.exists("public/8cKJv3U2SEDrYd34FkYi2w/index.html"))
    }

    @Test("the build record names share tokens: only the VA can read it")
    func recordIsPrivate() throws {
        let site = try site()
        defer { site.remove() }
        try #require(site.build().succeeded)
        let record = site.root.appendingPathComponent(".docket/build-record").path
        let attributes = try FileManager.default.attributesOfItem(atPath: record)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test(
        "clearing .docket-cache/ (scratch only) keeps the record: a link revoked afterwards still takes its portal down"
    )
    func clearedScratchFolder() throws {
        let site = try site()
        defer { site.remove() }
        #expect(site.build().succeeded)
        #expect(site.exists("public/Xy7TOqZUjqKjDtrytKbz9A/index.html"))
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent(".docket-cache"))
        try site.write("content/clients/acme/token.txt", "vpkFpPGOcIj4D43mPD9HCQ\n")
        let report = site.build()
        try #require(report.succeeded, "\(report.diagnostics.errors)")
        #expect(!site.exists("public/Xy7TOqZUjqKjDtrytKbz9A"))
        #expect(site.exists("public/vpkFpPGOcIj4D43mPD9HCQ/index.html"))
    }
}
