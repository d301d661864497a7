import Foundation
import Testing

@testable import DocketCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A portal folder this build did not produce is removed when the build record or its marker file shows that
/// Docket wrote it, and named (by slug, never by token) in the report; a folder with neither is named in a
/// warning on every build, never deleted on a guess.
@Suite("Portal folders this build did not produce")
struct StrayPortalTests {
    static let oldToken = "Xq3v9LmP2sKd8RtY4wZbNg"
    static let newToken = "Hn7cW2pQ9xLk4TzR8mVbJw"
    static let markerText =
        "This folder is a client portal written by Docket; a build removes it once it no longer makes this portal.\n"

    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/acme/token.txt": Self.oldToken + "\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 2h Report #admin\n",
        ])
    }

    /// The folders the "did not produce" warnings name: by the first four characters of their names, never
    /// the whole token.
    func strayWarnings(_ report: Builder.Report) -> [String] {
        report.diagnostics.warnings.filter { $0.message.hasPrefix("a portal folder this build did not produce") }
            .map { "\($0.path): \($0.message.split(separator: "`")[1])" }
    }

    /// Everything the report would have the CLI print: its diagnostics and the removed portals.
    func printed(_ report: Builder.Report) -> String {
        report.diagnostics.all.map(\.description).joined(separator: "\n")
            + report.removedPortals.map { $0 ?? "-" }.joined(separator: " ")
    }

    func deleteRecord(_ site: TemporarySite) throws {
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".docket"))
    }

    @Test("every portal holds the marker file, plain, with the same fixed text that names nothing")
    func markerInEveryPortal() throws {
        let site = try site()
        defer { site.remove() }
        try site.write(
            "content/clients/linked/client.md",
            "---\nname: Linked\ncontact: L\nemail: l@l.example\nrate: 25\nportal_encryption: link\n---\n")
        try site.write("content/clients/linked/token.txt", Self.newToken + "\n")
        let report = site.build()
        try #require(report.succeeded, "\(report.diagnostics.errors)")
        for token in [Self.oldToken, Self.newToken] {
            #expect(site.read("public/\(token)/.docket-portal") == Self.markerText)
            #expect(report.paths.contains("\(token)/.docket-portal"))
        }
    }

    @Test("rotated, then .docket/ deleted: the old folder is removed by its marker and counted without a name")
    func rotatedWithoutRecord() throws {
        let site = try site()
        defer { site.remove() }
        try #require(site.build().succeeded)
        var diagnostics = Diagnostics()
        try #require(ShareLinks.rotate(slug: "acme", root: site.root, diagnostics: &diagnostics))
        let newToken = try #require(site.read("content/clients/acme/token.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        try deleteRecord(site)
        try site.write("public/notes-for-me/a.txt", "the VA's own folder")
        let rebuilt = site.build()
        try #require(rebuilt.succeeded, "\(rebuilt.diagnostics.errors)")
        #expect(!site.exists("public/\(Self.oldToken)"))
        #expect(site.exists("public/\(newToken)/index.html"))
        #expect(site.read("public/notes-for-me/a.txt") == "the VA's own folder")
        #expect(rebuilt.removedPortals == [nil])
        #expect(rebuilt.outcome.removed > 2)
        #expect(strayWarnings(rebuilt).isEmpty)
        #expect(!printed(rebuilt).contains(Self.oldToken))
        // Gone: the next build, with nothing changed, removes nothing more.
        let unchanged = site.build()
        #expect(unchanged.reusedCache)
        #expect(unchanged.removedPortals.isEmpty)
    }

    @Test("rotated or archived with the record kept: the old portal is removed and named by its slug")
    func removedByRecordNamedBySlug() throws {
        let site = try site()
        defer { site.remove() }
        try #require(site.build().succeeded)
        try site.write("content/clients/acme/token.txt", Self.newToken + "\n")
        let rotated = site.build()
        try #require(rotated.succeeded, "\(rotated.diagnostics.errors)")
        #expect(!site.exists("public/\(Self.oldToken)"))
        #expect(rotated.removedPortals == ["acme"])
        #expect(!printed(rotated).contains(Self.oldToken))
        try site.write(
            "content/clients/acme/client.md",
            "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\nstatus: archived\n---\n")
        let archived = site.build()
        try #require(archived.succeeded, "\(archived.diagnostics.errors)")
        #expect(!site.exists("public/\(Self.newToken)"))
        #expect(archived.removedPortals == ["acme"])
    }

    @Test("a folder without the marker (an older Docket's) stays, and every build names it once")
    func unmarkedFolderWarned() throws {
        let site = try site()
        defer { site.remove() }
        try #require(site.build().succeeded)
        try FileManager.default.removeItem(
            at: site.root.appendingPathComponent("public/\(Self.oldToken)/.docket-portal"))
        try deleteRecord(site)
        try site.write("content/clients/acme/token.txt", Self.newToken + "\n")
        let rebuilt = site.build()
        try #require(rebuilt.succeeded, "\(rebuilt.diagnostics.errors)")
        #expect(site.exists("public/\(Self.oldToken)/index.html"))
        #expect(strayWarnings(rebuilt) == ["public: \(Self.oldToken.prefix(4))"])
        #expect(rebuilt.removedPortals.isEmpty)
        // Nothing changed since: the build reuses everything, and names the folder again, once.
        let unchanged = site.build()
        #expect(unchanged.reusedCache)
        #expect(strayWarnings(unchanged) == ["public: \(Self.oldToken.prefix(4))"])
        // Deleted by the VA: no warning.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("public/\(Self.oldToken)"))
        #expect(strayWarnings(site.build()).isEmpty)
    }

    @Test("a marker file with other text is not Docket's: the folder stays and is named")
    func otherMarkerText() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("public/\(Self.newToken)/.docket-portal", "mine\n")
        try site.write("public/\(Self.newToken)/page.html", "the VA's page")
        let report = site.build()
        try #require(report.succeeded, "\(report.diagnostics.errors)")
        #expect(site.read("public/\(Self.newToken)/page.html") == "the VA's page")
        #expect(strayWarnings(report) == ["public: \(Self.newToken.prefix(4))"])
    }

    @Test(
        "a marked folder holding a symbolic link: its plain files go, the link and its target stay, the marker stays, and a warning names it without its token"
    )
    func markedFolderWithLink() throws {
        let site = try site()
        defer { site.remove() }
        try #require(site.build().succeeded)
        try site.write("outside/secret.txt", "secret")
        let old = site.root.appendingPathComponent("public/\(Self.oldToken)").path
        try FileManager.default.createSymbolicLink(
            atPath: old + "/link", withDestinationPath: site.root.appendingPathComponent("outside").path)
        try deleteRecord(site)
        try site.write("content/clients/acme/token.txt", Self.newToken + "\n")
        let rebuilt = site.build()
        try #require(rebuilt.succeeded, "\(rebuilt.diagnostics.errors)")
        #expect(!site.exists("public/\(Self.oldToken)/index.html"))
        #expect(site.read("public/\(Self.oldToken)/.docket-portal") == Self.markerText)
        var info = stat()
        #expect(lstat(old + "/link", &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(site.read("outside/secret.txt") == "secret")
        #expect(rebuilt.removedPortals.isEmpty)
        let warnings = rebuilt.diagnostics.warnings.filter { $0.message.hasPrefix("an old portal folder Docket wrote") }
        #expect(warnings.map(\.path) == ["public"])
        #expect(warnings.first?.message.contains("its name starts with `Xq3v`") == true)
        #expect(!printed(rebuilt).contains(Self.oldToken))
        // Once the VA removes the link, the next build removes the rest.
        try FileManager.default.removeItem(atPath: old + "/link")
        let after = site.build()
        #expect(!site.exists("public/\(Self.oldToken)"))
        #expect(after.removedPortals == [nil])
    }

    @Test(
        "an old marked folder holding a file of the VA's own: Docket's files go, that file and the marker stay, and a warning says so"
    )
    func markedFolderWithOwnFile() throws {
        let site = try site()
        defer { site.remove() }
        try #require(site.build().succeeded)
        try site.write("public/\(Self.oldToken)/brochure.pdf", "the VA's own")
        try site.write("public/\(Self.oldToken)/hours/notes.txt", "also the VA's")
        try deleteRecord(site)
        try site.write("content/clients/acme/token.txt", Self.newToken + "\n")
        let rebuilt = site.build()
        try #require(rebuilt.succeeded, "\(rebuilt.diagnostics.errors)")
        #expect(
            !site.exists("public/\(Self.oldToken)/index.html")
                && !site.exists("public/\(Self.oldToken)/hours/2026-11.html"))
        #expect(site.read("public/\(Self.oldToken)/brochure.pdf") == "the VA's own")
        #expect(site.read("public/\(Self.oldToken)/hours/notes.txt") == "also the VA's")
        #expect(site.read("public/\(Self.oldToken)/.docket-portal") == Self.markerText)
        #expect(
            rebuilt.diagnostics.warnings.contains {
                $0.message.contains("still holds 2 things Docket did not write and does not remove (a file of your own")
            })
    }

    @Test("a token-named symbolic link to a marked folder is not followed: nothing in its target is removed")
    func linkedTokenFolder() throws {
        let site = try site()
        defer { site.remove() }
        try #require(site.build().succeeded)
        try site.write("elsewhere/index.html", "not Docket's to remove")
        try site.write("elsewhere/.docket-portal", Self.markerText)
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("public/\(Self.newToken)").path,
            withDestinationPath: site.root.appendingPathComponent("elsewhere").path)
        #expect(SiteWriter(root: site.root).removeMarkedPortal(Self.newToken) == SiteWriter.MarkedRemoval())
        _ = site.build()
        #expect(site.read("elsewhere/index.html") == "not Docket's to remove")
    }

    @Test(
        "with no record, a portal whose pages changed names (a new link key; plain turned encrypted) keeps only this build's pages"
    )
    func unproducedPagesWithoutRecord() throws {
        let site = try site()
        defer { site.remove() }
        try #require(site.build().succeeded)
        let folder = "public/\(Self.oldToken)"
        #expect(site.exists("\(folder)/hours/2026-11.html"))
        // Plain turned link-encrypted, the record gone: the readable pages must not stay beside the ciphertext.
        try site.write(
            "content/clients/acme/client.md",
            "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\nportal_encryption: link\n---\n")
        try deleteRecord(site)
        let encrypted = site.build()
        try #require(encrypted.succeeded, "\(encrypted.diagnostics.errors)")
        let first = Set(site.snapshot(folder).keys)
        #expect(
            Set(encrypted.paths.filter { $0.hasPrefix(Self.oldToken + "/") }.map { String($0.dropFirst(23)) }) == first)
        #expect(!first.contains("hours/2026-11.html") && !first.contains("statement.html"))
        // A new key (portal-key.txt deleted), the record gone again: the old key's pages go.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/clients/acme/portal-key.txt"))
        try deleteRecord(site)
        let rekeyed = site.build()
        try #require(rekeyed.succeeded, "\(rekeyed.diagnostics.errors)")
        let second = Set(site.snapshot(folder).keys)
        #expect(
            Set(rekeyed.paths.filter { $0.hasPrefix(Self.oldToken + "/") }.map { String($0.dropFirst(23)) }) == second)
        #expect(second.intersection(first) == ["index.html", "data.json", ".docket-portal"])
    }

    @Test("the files Docket writes in a portal folder, by name")
    func portalFileNames() {
        for name in [
            "index.html", "data.json", "calendar.ics", "statement.html", "deliverables.html", ".docket-portal",
            "hours/2026-11.html", "invoices/INV-2026_03.1.html", "terms/index.html", "terms/12.html",
            "0123456789abcdef01234567.html",
        ] {
            #expect(PortalMarker.isPortalFile(name), "\(name)")
        }
        for name in [
            "brochure.pdf", "notes.txt", "hours/notes.txt", "hours/2026-11.htm", "terms/draft.html",
            "0123456789ABCDEF01234567.html", "other/index.html", "invoices/a/b.html", "invoices/.html",
        ] {
            #expect(!PortalMarker.isPortalFile(name), "\(name)")
        }
    }
}
