import Foundation
import Testing

@testable import DocketCore

/// Agreed terms are sealed: `docket terms agree` / `seal`, and a build that refuses a sealed version changed.
@Suite("Sealed terms")
struct TermsAgreementTests {
    static let proposal = """
        ---
        version: 2
        title: Retainer agreement
        effective: 2027-01-01
        status: proposed
        rate: 32.00
        ---
        ## Services

        Inbox and diary, 20 hours a month.

        """

    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\n",
            "content/clients/acme/terms/2.md": Self.proposal,
        ])
    }

    /// The fingerprint by the shell command docs/content-format.md gives: awk, then sha256sum.
    func shellFingerprint(_ path: URL) throws -> String {
        let script = """
            awk '{ sub(/\\r$/, ""); sub(/[ \\t]+$/, "") }
              NR == 1 && $0 == "---" { front = 1 }
              NR > 1 && front && $0 == "---" { front = 0 }
              front && /^(status|agreed_by|agreed_on|fingerprint):/ { next }
              $0 == "" { blank++; next }
              { while (blank) { print ""; blank-- } print }' "$1" | sha256sum | cut -c1-64
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", path.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return "sha256:" + String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(
        "agree writes status, agreed_on, agreed_by and the fingerprint the shell command gives; every other byte stays")
    func agree() throws {
        let site = try site()
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let agreed = try #require(
            TermsAgreement.agree(
                root: site.root, slug: "acme", version: 2, by: "Sam O'Neil", on: CalendarDate(iso: "2026-12-10")!,
                diagnostics: &diagnostics))
        try agreed.write(root: site.root)
        let file = site.root.appendingPathComponent("content/clients/acme/terms/2.md")
        let fingerprint = try shellFingerprint(file)
        #expect(fingerprint.count == 71 && agreed.fingerprint == fingerprint)
        #expect(
            site.read("content/clients/acme/terms/2.md") == """
                ---
                version: 2
                title: Retainer agreement
                effective: 2027-01-01
                status: agreed
                agreed_on: 2026-12-10
                agreed_by: Sam O'Neil
                fingerprint: \(fingerprint)
                rate: 32.00
                ---
                ## Services

                Inbox and diary, 20 hours a month.

                """)
        // The fingerprint is that of the proposal as it was: the lines agree adds are not part of it.
        try site.write("content/clients/acme/terms/proposal-copy.md", Self.proposal)
        #expect(
            try shellFingerprint(site.root.appendingPathComponent("content/clients/acme/terms/proposal-copy.md"))
                == fingerprint)
        // Agreeing it again is refused.
        var again = Diagnostics()
        #expect(
            TermsAgreement.agree(
                root: site.root, slug: "acme", version: 2, by: "Sam", on: CalendarDate(iso: "2026-12-11")!,
                diagnostics: &again) == nil)
        #expect(
            again.errors.first?.message.hasPrefix("version 2 is already agreed (by Sam O'Neil on 2026-12-10)") == true)
    }

    @Test("the fingerprint ignores line endings, trailing spaces and blank lines at the end, not a word or a figure")
    func normalised() {
        let base = TermsFingerprint.of(Self.proposal)
        #expect(TermsFingerprint.of(Self.proposal.replacingOccurrences(of: "\n", with: "\r\n")) == base)
        #expect(TermsFingerprint.of(Self.proposal.replacingOccurrences(of: "month.", with: "month.   \t")) == base)
        #expect(TermsFingerprint.of(Self.proposal + "\n\n") == base)
        #expect(TermsFingerprint.of("\u{FEFF}" + Self.proposal) == base)
        #expect(
            TermsFingerprint.of(Self.proposal.replacingOccurrences(of: "status: proposed", with: "status: agreed"))
                == base)
        #expect(TermsFingerprint.of(Self.proposal.replacingOccurrences(of: "20 hours", with: "25 hours")) != base)
        #expect(TermsFingerprint.of(Self.proposal.replacingOccurrences(of: "32.00", with: "33.00")) != base)
        #expect(TermsFingerprint.of(Self.proposal.replacingOccurrences(of: "Inbox and", with: "Inbox  and")) != base)
        // A body line that looks like an excluded key is part of the text.
        #expect(TermsFingerprint.of(Self.proposal + "status: x\n") != base)
    }

    @Test(
        "an agreed version's body or figure changed after it was sealed fails the build with one error; public/ untouched"
    )
    func changed() throws {
        let site = try site()
        defer { site.remove() }
        var diagnostics = Diagnostics()
        try #require(
            TermsAgreement.agree(
                root: site.root, slug: "acme", version: 2, by: "Sam", on: CalendarDate(iso: "2026-11-20")!,
                diagnostics: &diagnostics)
        ).write(root: site.root)
        #expect(site.build().succeeded)
        let before = site.snapshot("public")
        let sealed = try #require(site.read("content/clients/acme/terms/2.md"))
        let recorded = TermsFingerprint.short(TermsFingerprint.of(sealed))
        for (old, new) in [("20 hours", "25 hours"), ("rate: 32.00", "rate: 35.00")] {
            let edited = sealed.replacingOccurrences(of: old, with: new)
            try site.write("content/clients/acme/terms/2.md", edited)
            let report = site.build()
            let now = TermsFingerprint.short(TermsFingerprint.of(edited))
            #expect(
                report.diagnostics.errors.map(\.description) == [
                    "content/clients/acme/terms/2.md:8:14: error: version 2 was agreed by Sam on 2026-11-20, and its text or figures have changed since (fingerprint \(now), agreed as \(recorded)): agreed terms never change. Put the file back as it was agreed, and write the change as a new proposed version (`docket new terms acme`)"
                ])
            #expect(site.snapshot("public") == before)
        }
    }

    @Test("an agreed version written by hand warns until `docket terms seal`, which records its fingerprint")
    func seal() throws {
        let site = try site()
        defer { site.remove() }
        let handWritten = Self.proposal.replacingOccurrences(
            of: "status: proposed", with: "status: agreed\nagreed_on: 2026-11-20\nagreed_by: Sam")
        try site.write("content/clients/acme/terms/2.md", handWritten)
        #expect(
            site.build().diagnostics.warnings.map(\.description).contains(
                "content/clients/acme/terms/2.md:5:9: warning: version 2 is agreed but not sealed: nothing would show a later change to what was agreed; run `docket terms seal acme 2` to record its fingerprint"
            ))
        var diagnostics = Diagnostics()
        let sealed = try #require(
            TermsAgreement.seal(root: site.root, slug: "acme", version: 2, diagnostics: &diagnostics))
        try sealed.write(root: site.root)
        #expect(
            site.read("content/clients/acme/terms/2.md")
                == handWritten.replacingOccurrences(
                    of: "agreed_by: Sam\n", with: "agreed_by: Sam\nfingerprint: \(sealed.fingerprint)\n"))
        let report = site.build()
        #expect(report.succeeded && !report.diagnostics.warnings.contains { $0.message.contains("not sealed") })
        // The page shows the short fingerprint beside who agreed.
        let token = try #require(report.portals.first?.token)
        #expect(
            site.read("public/\(token)/terms/2.html")?.contains(
                "Agreed by Sam on Friday 20 November 2026 (fingerprint \(TermsFingerprint.short(sealed.fingerprint)))")
                == true)
        // Sealed already, or unknown: refused.
        var again = Diagnostics()
        #expect(TermsAgreement.seal(root: site.root, slug: "acme", version: 2, diagnostics: &again) == nil)
        #expect(TermsAgreement.seal(root: site.root, slug: "acme", version: 7, diagnostics: &again) == nil)
        #expect(TermsAgreement.seal(root: site.root, slug: "nobody", version: 2, diagnostics: &again) == nil)
        #expect(
            again.errors.map(\.message) == [
                "version 2 is sealed already (fingerprint \(sealed.fingerprint))",
                "acme has no version 7 of its terms (versions: 2)",
                "there is no client `nobody`: expected a folder content/clients/nobody with client.md (clients: acme)",
            ])
    }

    @Test("a proposal's page and its approval email quote its fingerprint")
    func approval() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.build()
        try #require(report.succeeded, "\(report.diagnostics.errors)")
        let token = try #require(report.portals.first?.token)
        let page = try #require(site.read("public/\(token)/terms/2.html"))
        let fingerprint = try shellFingerprint(site.root.appendingPathComponent("content/clients/acme/terms/2.md"))
        #expect(page.contains("This proposal's fingerprint is <code>\(fingerprint)</code>"))
        let mailto = try #require(page.firstMatch(of: /href="(mailto:[^"]+)"/)?.1)
        let body = try #require(String(mailto).components(separatedBy: "&amp;body=").last?.removingPercentEncoding)
        #expect(body.contains("\n\nThe version I approve has the fingerprint \(fingerprint).\n\nSam\nAcme\n"))
    }

    @Test("the next version started from a sealed one is a proposal without the fingerprint")
    func newTermsFromSealed() throws {
        let site = try site()
        defer { site.remove() }
        var diagnostics = Diagnostics()
        try #require(
            TermsAgreement.agree(
                root: site.root, slug: "acme", version: 2, by: "Sam", on: CalendarDate(iso: "2026-11-20")!,
                diagnostics: &diagnostics)
        ).write(root: site.root)
        let scaffold = try #require(
            TermsScaffold.make(
                slug: "acme", root: site.root, today: CalendarDate(iso: "2027-01-05")!, diagnostics: &diagnostics))
        try scaffold.files.write(root: site.root)
        let text = try #require(site.read("content/clients/acme/terms/3.md"))
        #expect(text.contains("status: proposed") && !text.contains("fingerprint:") && !text.contains("agreed_by"))
    }
}
