import Foundation
import Testing

@testable import DocketCore

/// `docket templates --eject`.
@Suite("docket templates --eject")
struct TemplateEjectTests {
    @Test("eject writes files identical to the repository's templates/, and the site builds the same with them")
    func ejectsRepositoryTemplates() throws {
        let site = try TemporarySite(
            files: [
                "content/business.md": businessMD,
                "content/clients/acme/client.md": "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\n",
            ], templates: false)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = site.snapshot("public")
        var diagnostics = Diagnostics()
        let eject = try #require(TemplateEject.make(root: site.root, diagnostics: &diagnostics))
        #expect(eject.identical.isEmpty)
        try eject.files.write(root: site.root)
        let repository = TemporarySite.files(under: TemporarySite.repository.appendingPathComponent("templates"))
            .filter { !$0.key.hasPrefix(".") }
        #expect(site.snapshot("templates") == repository)
        #expect(site.build().succeeded)
        #expect(site.snapshot("public") == before)
    }

    @Test("identical files are kept; a file that differs is refused by name, and nothing is written")
    func neverOverwrites() throws {
        let site = try TemporarySite(files: [:], templates: false)
        defer { site.remove() }
        let layout = try #require(BuiltInTemplates.templates["layout"])
        try site.write("templates/layout.mustache", layout)
        var diagnostics = Diagnostics()
        let eject = try #require(TemplateEject.make(root: site.root, diagnostics: &diagnostics))
        #expect(eject.identical == ["templates/layout.mustache"])
        #expect(!eject.files.paths.contains("templates/layout.mustache"))
        #expect(eject.files.paths.count == BuiltInTemplates.files.count - 1)

        try site.write("templates/assets/portal.css", "body { color: teal; }\n")
        var refused = Diagnostics()
        #expect(TemplateEject.make(root: site.root, diagnostics: &refused) == nil)
        #expect(
            refused.sorted.map(\.description) == [
                "templates/assets/portal.css: error: already exists and differs from Docket's built-in assets/portal.css; it was not replaced (it overrides the built-in one). To eject the built-in file, move yours aside first"
            ])
        #expect(site.snapshot("templates").keys.sorted() == ["assets/portal.css", "layout.mustache"])
    }
}
