import Foundation
import Testing

@testable import DocketCore

/// `docket new client SLUG`.
@Suite("docket new client")
struct ClientScaffoldTests {
    func site() throws -> TemporarySite {
        try TemporarySite(files: ["content/business.md": businessMD], templates: false)
    }

    @Test("writes a commented client.md whose placeholders check names, so the client is never published as it is")
    func placeholdersNamed() throws {
        let site = try site()
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let files = try #require(ClientScaffold.make(slug: "acme-widgets", root: site.root, diagnostics: &diagnostics))
        #expect(files.paths == ["content/clients/acme-widgets/client.md"])
        try files.write(root: site.root)
        let text = try #require(site.read("content/clients/acme-widgets/client.md"))
        #expect(
            text.hasPrefix(
                "---\n# A client. Its folder's name, acme-widgets, is how Docket and its commands name it.\n"))
        #expect(
            text.hasSuffix(
                "---\nYour private notes about this client go here, under the line above. Docket never publishes them.\n"
            ))
        let report = site.build(mode: .check)
        let path = "content/clients/acme-widgets/client.md"
        #expect(
            report.diagnostics.sorted.map {
                "\($0.path):\($0.line):\($0.column) \($0.message.split(separator: ",")[0])"
            } == [
                "\(path):8:7 still to fill in: `name`",
                "\(path):10:10 still to fill in: `contact`",
                "\(path):11:8 still to fill in: `email`",
                "\(path):13:10 still to fill in: `address`",
                "\(path):15:7 still to fill in: `rate`",
            ])
        #expect(!report.succeeded)
        #expect(!site.build().succeeded)
        #expect(!site.exists("public"))
    }

    @Test(
        "a folder name the loader would refuse is refused with the loader's message",
        arguments: ["Acme", "acme_co", "", String(repeating: "a", count: 65)])
    func invalidSlug(slug: String) throws {
        let site = try site()
        defer { site.remove() }
        var diagnostics = Diagnostics()
        #expect(ClientScaffold.make(slug: slug, root: site.root, diagnostics: &diagnostics) == nil)
        var loader = Diagnostics()
        #expect(!SiteLoader.checkFolderName(slug, diagnostics: &loader))
        #expect(diagnostics.sorted == loader.sorted)
        #expect(!site.exists("content/clients"))
    }

    @Test("an existing client folder, or a folder with no business.md, is refused")
    func refusals() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("content/clients/acme/client.md", "---\nname: Acme\n---\n")
        var diagnostics = Diagnostics()
        #expect(ClientScaffold.make(slug: "acme", root: site.root, diagnostics: &diagnostics) == nil)
        #expect(
            diagnostics.sorted.map(\.description) == [
                "content/clients/acme: error: the client folder already exists; choose another name, or edit content/clients/acme/client.md"
            ])
        #expect(site.read("content/clients/acme/client.md") == "---\nname: Acme\n---\n")
        let empty = try TemporarySite(files: [:], templates: false)
        defer { empty.remove() }
        var noSite = Diagnostics()
        #expect(ClientScaffold.make(slug: "acme", root: empty.root, diagnostics: &noSite) == nil)
        #expect(noSite.errors.map(\.path) == ["content/business.md"])
        #expect(!empty.exists("content"))
    }
}
