import Foundation
import Testing

@testable import DocketCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 15, items 8–10: removal deletes plain files only, output names are plain, tokens are random and
/// compared ignoring case, invoice numbers too, and `base_url` over plain HTTP is a warning.
@Suite("Strict sharing: removal, asset names, tokens, invoice numbers, base_url")
struct StrictSharingTests {
    /// A valid, random-looking token (16 random bytes).
    static let token = "Xy7TOqZUjqKjDtrytKbz9A"

    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/acme/token.txt": Self.token + "\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 2h Report #admin\n",
        ])
    }

    func lines(_ diagnostics: Diagnostics) -> [String] {
        diagnostics.all.map(\.description)
    }

    /// The errors only (the small site's work has no agreed terms, a warning).
    func errors(_ diagnostics: Diagnostics) -> [String] {
        diagnostics.errors.map(\.description)
    }

    func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    @Test("removal: `.`, empty parts, control characters, a folder and a symbolic link are never removed")
    func removalRefusesWhatIsNotAPlainFile() throws {
        let site = try TemporarySite(files: [
            "public/_headers": "/*\n  X-Frame-Options: DENY\n",
            "public/a/b": "b",
            "public/x": "x",
            "public/folder/kept.html": "kept",
            "outside/secret.txt": "secret",
        ])
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public").path
        try FileManager.default.createSymbolicLink(
            atPath: output + "/link", withDestinationPath: site.root.appendingPathComponent("outside/secret.txt").path)
        try FileManager.default.createSymbolicLink(
            atPath: output + "/linked", withDestinationPath: site.root.appendingPathComponent("outside").path)
        let writer = SiteWriter(root: site.root)
        let listed = [
            ".", "a//b", "./x", "a/b/", "x\n_headers", "_headers\u{7F}", "folder", "link", "linked/secret.txt", "",
            "/x", "a/../x",
        ]
        #expect(try writer.removeStale(listed, produced: []).isEmpty)
        #expect(site.read("public/_headers") == "/*\n  X-Frame-Options: DENY\n")
        #expect(site.read("public/a/b") == "b")
        #expect(site.read("public/x") == "x")
        #expect(site.read("public/folder/kept.html") == "kept")
        #expect(isLink(output + "/link"))
        #expect(isLink(output + "/linked"))
        #expect(site.read("outside/secret.txt") == "secret")
    }

    @Test("removal: a stale plain file goes, with the folders it leaves empty, never public/ itself")
    func removalOfPlainFiles() throws {
        let site = try TemporarySite(files: [
            "public/old/deep/page.html": "old",
            "public/old/other.html": "other",
            "public/only/page.html": "only",
        ])
        defer { site.remove() }
        let writer = SiteWriter(root: site.root)
        let listed = ["old/deep/page.html", "only/page.html", "old/other.html"]
        #expect(
            try writer.removeStale(listed, produced: ["old/other.html"]).sorted() == [
                "old/deep/page.html", "only/page.html",
            ])
        #expect(!site.exists("public/old/deep"))
        #expect(site.read("public/old/other.html") == "other")
        #expect(!site.exists("public/only"))
        #expect(site.exists("public"))
    }

    @Test("a produced path with a control character or an empty part is never written")
    func unsafeOutputNames() throws {
        let site = try TemporarySite(files: [:], templates: false)
        defer { site.remove() }
        let writer = SiteWriter(root: site.root)
        try writer.begin()
        for path in ["x\n_headers", "a//b", "./x", "."] {
            #expect(throws: SiteWriter.WriteError.self) {
                try writer.writeBatch([OutputFile(path: path, text: "x")])
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: writer.publicDirectory.path).isEmpty)
    }

    @Test("an asset named with a line break is an error at its path, and public/_headers survives the builds")
    func assetNameWithNewline() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("public/_headers", "/*\n  X-Frame-Options: DENY\n")
        try site.write("templates/assets/x\n_headers", "body {}")
        let report = site.build()
        #expect(
            errors(report.diagnostics) == [
                "templates/assets/x\\n_headers: error: the asset's name holds a control character (such as a line break); rename the file with letters, digits, `-`, `_` and `.` only"
            ])
        #expect(!site.exists("public/assets/x\n_headers"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("templates/assets/x\n_headers"))
        #expect(site.build().succeeded)
        #expect(site.read("public/_headers") == "/*\n  X-Frame-Options: DENY\n")
    }

    @Test("a symbolically linked asset is refused, so no file outside templates/ is published")
    func symlinkedAsset() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("private/notes.txt", "not for clients")
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("templates/assets/notes.css").path,
            withDestinationPath: site.root.appendingPathComponent("private/notes.txt").path)
        let report = site.build()
        #expect(
            errors(report.diagnostics) == [
                "templates/assets/notes.css: error: \(SourceFile.symbolicLinkMessage)"
            ])
        #expect(!site.exists("public/assets/notes.css"))
    }

    static let malformed =
        "content/clients/acme/token.txt:1:1: error: expected a share token of 22 letters, digits, `-` or `_` ending in A, Q, g or w, as Docket makes it from 16 random bytes; delete the file and build again to get a new one (the portal's link changes)"
    static let guessable =
        "content/clients/acme/token.txt:1:1: error: this share token is easy to guess (fewer than 8 different characters); delete the file and build again to get a random one (the portal's link changes)"

    @Test(
        "a token is 16 bytes base64url and looks random",
        arguments: [
            // 22 `a`s: the last character holds more than 4 bits.
            ("aaaaaaaaaaaaaaaaaaaaaa", StrictSharingTests.malformed),
            ("acme-widgets-portal-2026", StrictSharingTests.malformed),  // 24 characters
            ("Xy7TOqZUjqKjDtrytKbz9B", StrictSharingTests.malformed),  // 16 bytes and 2 bits more
            ("Xy7TOqZUjqKjDtrytKbz9", StrictSharingTests.malformed),  // 21 characters
            ("Xy7TOqZUjqKjDtrytKbz9A=", StrictSharingTests.malformed),  // padding
            ("Xy7TOqZUjqKjDtryt+bz9A", StrictSharingTests.malformed),  // not URL-safe
            ("AAAAAAAAAAAAAAAAAAAAAA", StrictSharingTests.guessable),  // one character
            ("abcdefAabcdefAabcdefAA", StrictSharingTests.guessable),  // 7 different characters
            ("abcdefgabcdefgabcdefgA", nil),  // 8
            (StrictSharingTests.token, nil),
        ] as [(String, String?)])
    func tokenRule(text: String, expected: String?) {
        var diagnostics = Diagnostics()
        let parsed = ShareToken.parse(
            SourceFile(path: "content/clients/acme/token.txt", text: text + "\n"), diagnostics: &diagnostics)
        #expect(lines(diagnostics) == (expected.map { [$0] } ?? []))
        #expect(parsed == (expected == nil ? text : nil))
    }

    @Test("a build refuses a token of 22 `a`s and publishes nothing under it")
    func weakTokenBuild() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("content/clients/acme/token.txt", "aaaaaaaaaaaaaaaaaaaaaa\n")
        let report = site.build()
        #expect(errors(report.diagnostics) == [Self.malformed])
        #expect(!site.exists("public/aaaaaaaaaaaaaaaaaaaaaa"))
    }

    @Test("two tokens that differ only in case are the same token (one folder on macOS)")
    func tokensDifferingInCase() throws {
        let site = try site()
        defer { site.remove() }
        try site.write(
            "content/clients/beta/client.md", "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\n---\n")
        try site.write("content/clients/beta/token.txt", "xY7toQzuJQkJdTRYTkBZ9A\n")
        let report = site.build()
        #expect(
            errors(report.diagnostics) == [
                "content/clients/beta/token.txt:1:1: error: the same share token as content/clients/acme; each client needs its own: delete this file and build again to get a new one"
            ])
    }

    @Test("invoice numbers that differ only in case are the same number")
    func invoiceNumbersDifferingInCase() {
        var diagnostics = Diagnostics()
        BillingChecks.checkNumbers(
            [
                InvoiceNumber(number: "INV-1", path: "content/clients/acme/invoices/INV-1.md", line: 2),
                InvoiceNumber(number: "inv-1", path: "content/clients/beta/invoices/inv-1.md", line: 2),
            ], diagnostics: &diagnostics)
        #expect(
            lines(diagnostics) == [
                "content/clients/beta/invoices/inv-1.md:2: error: the invoice number inv-1 is already used by content/clients/acme/invoices/INV-1.md; expected a number unique across the business"
            ])
    }

    static let plainHTTP =
        "`base_url` starts with http://; expected https://: a share link carries the portal's secret token (and a link portal's key), which plain HTTP lets anyone on the network read, and an encrypted portal opens only over HTTPS (browsers allow its decryption, Web Crypto, only on secure pages). http://localhost and http://127.0.0.1 are fine for trying the site on this computer"

    @Test(
        "base_url over plain HTTP is a warning saying why, except on this computer",
        arguments: [
            ("http://portal.example.com", [StrictSharingTests.plainHTTP]),
            ("http://localhost.example.com/", [StrictSharingTests.plainHTTP]),
            ("https://portal.example.com", []),
            ("http://localhost:8000/", []),
            ("http://127.0.0.1", []),
        ] as [(String, [String])])
    func plainHTTPBaseURL(url: String, expected: [String]) {
        var diagnostics = Diagnostics()
        let business = Business.parse(
            source(
                "---\nname: Jo\naddress: York\nemail: jo@example.com\nbase_url: \(url)\n---\n",
                path: "content/business.md"),
            diagnostics: &diagnostics)
        #expect(diagnostics.errors.isEmpty)
        #expect(diagnostics.warnings.map(\.message) == expected)
        #expect(diagnostics.warnings.map { "\($0.line):\($0.column)" } == expected.map { _ in "5:11" })
        #expect(business?.baseURL?.hasSuffix("/") == false)
    }
}
