import Foundation
import Testing

@testable import DocketCore

/// A portal folder left in public/ that no record lists (the record deleted, the site copied) is named in a
/// warning on every build, never silently kept and never deleted on a guess.
@Suite("Portal folders this build did not produce")
struct StrayPortalTests {
    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/acme/token.txt": "Xq3v9LmP2sKd8RtY4wZbNg\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 2h Report #admin\n",
        ])
    }

    func strayWarnings(_ report: Builder.Report) -> [String] {
        report.diagnostics.warnings.filter { $0.message.hasPrefix("a portal folder this build did not produce") }
            .map(\.path)
    }

    @Test("rotated after the record was deleted: the old folder stays, and every build names it once")
    func rotatedWithoutRecord() throws {
        let site = try site()
        defer { site.remove() }
        try #require(site.build().succeeded)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".docket"))
        try site.write("content/clients/acme/token.txt", "Hn7cW2pQ9xLk4TzR8mVbJw\n")
        try site.write("public/notes-for-me/a.txt", "the VA's own folder")
        let rebuilt = site.build()
        try #require(rebuilt.succeeded, "\(rebuilt.diagnostics.errors)")
        #expect(site.exists("public/Xq3v9LmP2sKd8RtY4wZbNg/index.html"))
        #expect(strayWarnings(rebuilt) == ["public/Xq3v9LmP2sKd8RtY4wZbNg"])
        // Nothing changed since: the build reuses everything, and names the folder again, once.
        let unchanged = site.build()
        #expect(unchanged.reusedCache)
        #expect(strayWarnings(unchanged) == ["public/Xq3v9LmP2sKd8RtY4wZbNg"])
        // Deleted by the VA: no warning.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("public/Xq3v9LmP2sKd8RtY4wZbNg"))
        #expect(strayWarnings(site.build()).isEmpty)
    }
}
