import Foundation
import Testing

@testable import DocketCore

/// The templates built into the binary, and a site's `templates/` overriding them file by file.
@Suite("Built-in templates")
struct BuiltInTemplatesTests {
    /// Every file of the repository's templates/ folder, by path relative to it.
    static func repositoryTemplates() -> [String: Data] {
        TemporarySite.files(under: TemporarySite.repository.appendingPathComponent("templates")).filter {
            !$0.key.split(separator: "/").contains { $0.hasPrefix(".") }
        }
    }

    /// A site with one client and no templates/ folder.
    func siteWithoutTemplates() throws -> TemporarySite {
        try TemporarySite(
            files: [
                "content/business.md": businessMD,
                "content/clients/acme/client.md": "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\n",
                "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 1h Work\n",
            ], templates: false)
    }

    @Test("the binary's files are exactly the repository's templates/ (run scripts/embed-templates when this fails)")
    func embeddedMatchesRepository() throws {
        let repository = Self.repositoryTemplates()
        let embedded = Dictionary(uniqueKeysWithValues: BuiltInTemplates.files.map { ($0.path, Data($0.text.utf8)) })
        #expect(embedded.keys.sorted() == repository.keys.sorted())
        for (path, data) in repository {
            #expect(embedded[path] == data, "templates/\(path) differs from BuiltInTemplateFiles.swift")
        }
        #expect(BuiltInTemplates.files.map(\.path) == BuiltInTemplates.files.map(\.path).sorted())
    }

    @Test("a site with no templates/ folder builds with the built-in templates and publishes the built-in CSS")
    func buildsWithoutTemplates() throws {
        let site = try siteWithoutTemplates()
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        #expect(!site.exists("templates"))
        let css = try #require(
            FileManager.default.contents(atPath: site.root.appendingPathComponent("public/assets/portal.css").path))
        #expect(css == Self.repositoryTemplates()["assets/portal.css"])
        let index = try #require(site.read("public/index.html"))
        #expect(
            index.contains(
                "<h1>Jo Bloggs Virtual Assistance</h1>\n<p>Client portals are shared privately, by link. If you are a client, please use the link you were sent.</p>\n"
            ))
        let token = try #require(site.read("content/clients/acme/token.txt")?.trimmingCharacters(in: .newlines))
        #expect(site.read("public/\(token)/index.html")?.contains("<p class=\"for\">Client portal · Acme</p>") == true)
    }

    @Test(
        "one template in templates/ is used, every other comes from the binary; an asset there replaces the built-in one"
    )
    func overrideOneFile() throws {
        let site = try siteWithoutTemplates()
        defer { site.remove() }
        try site.write(
            "templates/index.mustache",
            "{{<layout}}{{$content}}<h1>Welcome to {{page.business}}</h1>{{/content}}{{/layout}}\n")
        try site.write("templates/assets/portal.css", "body { color: teal; }\n")
        try site.write("templates/assets/extra.css", "p { margin: 0; }\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.errors)")
        let index = try #require(site.read("public/index.html"))
        // The override's content, inside the built-in layout.
        #expect(index.contains("<main class=\"wrap\">\n<h1>Welcome to Jo Bloggs Virtual Assistance</h1>\n</main>"))
        #expect(index.contains("<meta name=\"robots\" content=\"noindex,nofollow\">"))
        #expect(!index.contains("Client portals are shared privately"))
        let token = try #require(site.read("content/clients/acme/token.txt")?.trimmingCharacters(in: .newlines))
        #expect(
            site.read("public/\(token)/statement.html")?.contains("<p class=\"for\">Client portal · Acme</p>") == true)
        #expect(site.read("public/assets/portal.css") == "body { color: teal; }\n")
        #expect(site.read("public/assets/extra.css") == "p { margin: 0; }\n")
    }

    @Test("adding and removing an override rebuilds: the cached build follows templates/ both ways")
    func overrideAddedAndRemoved() throws {
        let site = try siteWithoutTemplates()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let builtIn = try #require(site.read("public/index.html"))
        try site.write("templates/index.mustache", "{{<layout}}{{$content}}<h1>Hello</h1>{{/content}}{{/layout}}\n")
        let added = site.build()
        #expect(added.succeeded)
        #expect(!added.reusedCache)
        #expect(site.read("public/index.html")?.contains("<h1>Hello</h1>") == true)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("templates"))
        let removed = site.build()
        #expect(removed.succeeded)
        #expect(!removed.reusedCache)
        #expect(site.read("public/index.html") == builtIn)
    }

    @Test("a broken override is an error at its own file; the built-in one is not used in its place")
    func brokenOverride() throws {
        let site = try siteWithoutTemplates()
        defer { site.remove() }
        try site.write("templates/hours.mustache", "{{#days}}\n")
        let report = site.build()
        #expect(report.diagnostics.errors.map(\.path) == ["templates/hours.mustache"])
        #expect(!site.exists("public"))
    }
}
