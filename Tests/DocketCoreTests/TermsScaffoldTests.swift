import Foundation
import Testing

@testable import DocketCore

/// `docket new terms SLUG`.
@Suite("docket new terms")
struct TermsScaffoldTests {
    static let client = "---\nname: Acme\ncontact: Sam\nemail: sam@acme.example\nrate: 30\n---\n"
    static let version1 = """
        ---
        version: 1
        title: Virtual assistance agreement
        effective: 2026-09-01
        status: agreed
        agreed_on: 2026-08-25
        agreed_by: Sam Patel
        rate: 32.00
        retainer: { hours: 20, fee: 550.00, rollover: 5 }
        ---
        ## Services

        Inbox, diary and bookkeeping, Monday to Friday.

        """
    static let version2 = """
        ---
        version: 2
        title: Agreement from January
        effective: 2027-01-01
        status: agreed
        agreed_on: 2026-11-20
        agreed_by: Sam Patel
        rate: 35.00
        ---
        ## Services

        Inbox only.

        """

    func site(_ terms: [String: String]) throws -> TemporarySite {
        var files = ["content/business.md": businessMD, "content/clients/acme/client.md": Self.client]
        for (name, text) in terms { files["content/clients/acme/terms/\(name)"] = text }
        return try TemporarySite(files: files, templates: false)
    }

    @Test("the next number, proposed, with the text and figures of the version in force and its date to fill in")
    func copiesVersionInForce() throws {
        // Version 2 is agreed but not in force until January: version 1 is the one in force on 30 November.
        let site = try site(["1.md": Self.version1, "2.md": Self.version2])
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let scaffold = try #require(
            TermsScaffold.make(
                slug: "acme", root: site.root, today: CalendarDate(iso: "2026-11-30")!, diagnostics: &diagnostics))
        #expect(diagnostics.all.isEmpty)
        #expect(scaffold.version == 3)
        #expect(scaffold.startedFrom == 1)
        #expect(scaffold.startedFromInForce)
        #expect(scaffold.files.paths == ["content/clients/acme/terms/3.md"])
        try scaffold.files.write(root: site.root)
        #expect(
            site.read("content/clients/acme/terms/3.md") == """
                ---
                version: 3
                title: Virtual assistance agreement
                effective: "FILL IN: the day version 3 takes effect, like 2026-12-01"
                status: proposed
                rate: 32.00
                retainer: { hours: 20, fee: 550.00, rollover: 5 }
                ---
                ## Services

                Inbox, diary and bookkeeping, Monday to Friday.

                """)
        // Not published until its date is filled in.
        let check = site.build(today: "2026-11-30", mode: .check)
        #expect(
            check.diagnostics.sorted.map(\.description) == [
                "content/clients/acme/terms/3.md:4:12: error: still to fill in: `effective`, the day version 3 takes effect, like 2026-12-01 (write yours in place of the FILL IN text)"
            ])
        // Filled in, it is a proposal with the figures of version 1.
        try site.write(
            "content/clients/acme/terms/3.md",
            site.read("content/clients/acme/terms/3.md")!.replacingOccurrences(
                of: "\"FILL IN: the day version 3 takes effect, like 2026-12-01\"", with: "2026-12-01"))
        let build = site.build(today: "2026-11-30")
        #expect(build.succeeded, "\(build.diagnostics.sorted.map(\.description))")
    }

    @Test("a client with no terms gets version 1: a proposal whose date and text are placeholders")
    func firstVersion() throws {
        let site = try site([:])
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let scaffold = try #require(
            TermsScaffold.make(
                slug: "acme", root: site.root, today: CalendarDate(iso: "2026-12-15")!, diagnostics: &diagnostics))
        #expect(scaffold.version == 1)
        #expect(scaffold.startedFrom == nil)
        try scaffold.files.write(root: site.root)
        let text = try #require(site.read("content/clients/acme/terms/1.md"))
        #expect(
            text.hasPrefix(
                "---\nversion: 1\ntitle: Virtual assistance agreement\neffective: \"FILL IN: the day version 1 takes effect, like 2027-01-01\"\nstatus: proposed\n---\nFILL IN: your terms"
            ))
        let check = site.build(today: "2026-12-15", mode: .check)
        #expect(
            check.diagnostics.sorted.map { "\($0.path):\($0.line):\($0.column)" } == [
                "content/clients/acme/terms/1.md:4:12", "content/clients/acme/terms/1.md:7:1",
            ])
        #expect(check.diagnostics.errors.allSatisfy(Placeholder.isPlaceholder))
    }

    @Test("with no version in force, the highest version is the start; an unfinished one is refused")
    func startingPoints() throws {
        let proposed = Self.version1.replacingOccurrences(of: "status: agreed", with: "status: proposed")
            .replacingOccurrences(of: "agreed_on: 2026-08-25\nagreed_by: Sam Patel\n", with: "")
        let site = try site(["1.md": proposed])
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let today = CalendarDate(iso: "2026-11-30")!
        let scaffold = try #require(
            TermsScaffold.make(slug: "acme", root: site.root, today: today, diagnostics: &diagnostics))
        #expect(scaffold.version == 2)
        #expect(scaffold.startedFrom == 1)
        #expect(!scaffold.startedFromInForce)
        try scaffold.files.write(root: site.root)
        var again = Diagnostics()
        #expect(TermsScaffold.make(slug: "acme", root: site.root, today: today, diagnostics: &again) == nil)
        #expect(
            again.sorted.map(\.description) == [
                "content/clients/acme/terms/2.md: error: this version still holds FILL IN text: finish it (or delete the file) before starting another"
            ])
        var unknown = Diagnostics()
        #expect(TermsScaffold.make(slug: "beta", root: site.root, today: today, diagnostics: &unknown) == nil)
        #expect(unknown.errors.map(\.path) == ["content/clients/beta"])
    }
}
