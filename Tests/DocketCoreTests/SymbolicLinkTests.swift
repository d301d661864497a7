import Foundation
import Testing

@testable import DocketCore

/// One rule for the cache and the loader: a symbolic link under content/ or templates/ is refused with an
/// error at its path, never followed, so a link whose target changes can never leave an old portal up.
@Suite("Symbolic links")
struct SymbolicLinkTests {
    let client = "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n"

    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": client,
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 2h Report #admin\n",
            "elsewhere/active.md": client,
            "elsewhere/archived.md":
                "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\nstatus: archived\n---\n",
            "elsewhere/timesheets/2026-11.md": "## 2026-11-02\n- 2h Report #admin\n",
        ])
    }

    func link(_ site: TemporarySite, _ path: String, to target: String) throws {
        let url = site.root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(
            atPath: url.path, withDestinationPath: site.root.appendingPathComponent(target).path)
    }

    func symbolicLinkErrors(_ report: Builder.Report) -> [String] {
        report.diagnostics.errors.filter { $0.message.hasPrefix("is a symbolic link") }.map(\.path)
    }

    @Test("a symbolic link in place of client.md is an error at its path; nothing is published")
    func linkedClientRecord() throws {
        let site = try site()
        defer { site.remove() }
        try link(site, "content/clients/acme/client.md", to: "elsewhere/active.md")
        let report = site.build()
        #expect(symbolicLinkErrors(report) == ["content/clients/acme/client.md"])
        #expect(!site.exists("public/index.html"))
    }

    @Test("a client.md switched after a build to a link (to an archived record) fails the build, not 'nothing changed'")
    func switchedAfterABuild() throws {
        let site = try site()
        defer { site.remove() }
        let first = site.build()
        try #require(first.succeeded, "\(first.diagnostics.errors)")
        try link(site, "content/clients/acme/client.md", to: "elsewhere/archived.md")
        let second = site.build()
        #expect(!second.reusedCache)
        #expect(symbolicLinkErrors(second) == ["content/clients/acme/client.md"])
        // A third build finds the same, rather than reusing anything.
        #expect(symbolicLinkErrors(site.build()) == ["content/clients/acme/client.md"])
    }

    @Test("a linked client folder, a linked timesheets folder and a linked timesheet are each refused")
    func linkedFolders() throws {
        let site = try site()
        defer { site.remove() }
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("content/clients/beta"), withIntermediateDirectories: true)
        try site.write("content/clients/beta/client.md", client.replacingOccurrences(of: "Acme", with: "Beta"))
        try link(site, "content/clients/beta/timesheets", to: "elsewhere/timesheets")
        try link(site, "content/clients/zed", to: "content/clients/acme")
        try link(site, "content/clients/acme/timesheets/2026-10.md", to: "elsewhere/timesheets/2026-11.md")
        let report = site.build()
        #expect(
            symbolicLinkErrors(report).sorted() == [
                "content/clients/acme/timesheets/2026-10.md", "content/clients/beta/timesheets",
                "content/clients/zed",
            ])
    }

    @Test("a linked template is refused")
    func linkedTemplate() throws {
        let site = try site()
        defer { site.remove() }
        let copy = try #require(site.read("templates/hours.mustache"))
        try site.write("elsewhere/hours.mustache", copy)
        try link(site, "templates/hours.mustache", to: "elsewhere/hours.mustache")
        #expect(symbolicLinkErrors(site.build()) == ["templates/hours.mustache"])
    }
}
