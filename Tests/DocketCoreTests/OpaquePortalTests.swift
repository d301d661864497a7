import Foundation
import Testing

@testable import DocketCore

/// What an encrypted portal shows to someone without its key: file names that say nothing, and lengths that
/// fall in a few sizes.
@Suite("Encrypted portals show no structure")
struct OpaquePortalTests {
    /// The demo, with Northwind Dental's portal (three months, two published invoices, two versions of the
    /// terms, deliverables) encrypted with a link key too.
    func demo() throws -> TemporarySite {
        let site = try DemoFiguresTests.demo()
        let path = "content/clients/northwind-dental/client.md"
        let text = try #require(site.read(path))
        try site.write(
            path, text.replacingOccurrences(of: "rate: 30.00\n", with: "rate: 30.00\nportal_encryption: link\n"))
        return site
    }

    /// Every file of a client's encrypted portal, decrypted with its link key, by path in the portal's folder.
    func opened(_ site: TemporarySite, _ report: Builder.Report, slug: String) throws -> [String: String] {
        let portal = try #require(report.portals.first { $0.slug == slug })
        let keyText = try #require(portal.linkKey)
        let key = try #require(PortalEncryption.data(base64URL: keyText))
        let encryption = PortalEncryption.link(key: key, business: "x")
        var pages: [String: String] = [:]
        for (path, _) in site.snapshot("public/\(portal.token)") where path != PortalMarker.fileName {
            let envelope = try EncryptionTests().envelope(site, "public/\(portal.token)/\(path)")
            pages[path] = String(decoding: try encryption.open(envelope), as: UTF8.self)
        }
        return pages
    }

    /// A page's title before " · ".
    func title(_ html: String) -> String? {
        guard let start = html.range(of: "<title>"),
            let end = html.range(of: " · ", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test(
        "an encrypted portal's files are index.html, data.json and 24 hex digits each, in one folder: no month, invoice number or terms version; every page is still there"
    )
    func names() throws {
        let site = try demo()
        defer { site.remove() }
        let report = site.build()
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let pages = try opened(site, report, slug: "northwind-dental")
        for path in pages.keys where path != "index.html" && path != "data.json" {
            #expect(path.wholeMatch(of: /[0-9a-f]{24}\.html/) != nil, "\(path)")
        }
        #expect(pages.count == 12)
        let titles = pages.values.compactMap(title).sorted()
        #expect(
            titles == [
                "Deliverables", "Hours, November 2026", "Hours, October 2026", "Hours, September 2026",
                "Invoice INV-2026-032", "Invoice INV-2026-035", "Overview", "Statement", "Terms",
                "Terms, version 1", "Terms, version 2",
            ])
        #expect(pages["index.html"].flatMap(title) == "Overview")
        #expect(pages["data.json"]?.hasPrefix("{") == true)
        // A plain portal keeps its readable names.
        let plain = try #require(report.portals.first { $0.slug == "greenleaf-landscapes" })
        #expect(site.exists("public/\(plain.token)/statement.html"))
    }

    @Test(
        "every relative link of a decrypted page leads to a file of the site, and the menu's links to the right pages")
    func links() throws {
        let site = try demo()
        defer { site.remove() }
        let report = site.build()
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let token = try #require(report.portals.first { $0.slug == "northwind-dental" }?.token)
        let pages = try opened(site, report, slug: "northwind-dental")
        var followed = 0
        for (path, html) in pages where path.hasSuffix(".html") {
            for match in html.matches(of: /(?:href|src)="([^"#?]+)[^"]*"/) {
                let link = String(match.1)
                guard !link.hasPrefix("/"), !link.contains(":") else { continue }
                // Every page is in the portal's folder: "../" is public/, anything else is in the folder.
                let target = link.hasPrefix("../") ? String(link.dropFirst(3)) : "\(token)/\(link)"
                #expect(!link.contains("../../") && site.exists("public/\(target)"), "\(path): \(link)")
                followed += 1
            }
        }
        #expect(followed > 50)
        // The overview's menu: Statement and Terms open those pages.
        let overview = try #require(pages["index.html"])
        for (label, expected) in [("Statement", "Statement"), ("Terms", "Terms"), ("Hours", "Hours, November 2026")] {
            let menuLink = try Regex("<a href=\"([0-9a-f]{24}\\.html)\"[^>]*>\(label)</a>")
            let match = try #require(try menuLink.firstMatch(in: overview))
            let file = try #require(match.output[1].substring)
            #expect(pages[String(file)].flatMap(title) == expected)
        }
    }

    @Test("an encrypted file's plaintext is padded to 4 KiB or the next power of two, so lengths fall in a few sizes")
    func padding() throws {
        let site = try demo()
        defer { site.remove() }
        let report = site.build()
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let token = try #require(report.portals.first { $0.slug == "northwind-dental" }?.token)
        var sizes = Set<Int>()
        for (path, data) in site.snapshot("public/\(token)") where path != PortalMarker.fileName {
            let envelope = try EncryptionTests().envelope(site, "public/\(token)/\(path)")
            #expect(envelope["padding"] as? String == "ISO/IEC 7816-4")
            let text = try #require(envelope["ciphertext"] as? String)
            let ciphertext = try #require(PortalEncryption.data(base64URL: text))
            let plaintext = ciphertext.count - 16  // the GCM tag
            #expect([4096, 8192, 16384, 32768].contains(plaintext), "\(path): \(plaintext)")
            if path.count == 29 { sizes.insert(data.count) }  // 24 hex digits and ".html"
        }
        // Pages of one padded size are files of one length: four sizes at most for 10 pages (4 to 32 KiB; an
        // hours page with an "Ask about this day" email link per day can reach 32 KiB).
        #expect(sizes.count <= 4)
    }

    @Test("padding is one 0x80 byte then zeros; a plaintext without it does not open")
    func paddingBytes() throws {
        #expect(PortalEncryption.padded(Data()).count == 4096)
        #expect(PortalEncryption.padded(Data(count: 4095)).count == 4096)
        #expect(PortalEncryption.padded(Data(count: 4096)).count == 8192)
        let padded = PortalEncryption.padded(Data([1, 0x80, 0]))
        #expect(Array(padded.prefix(5)) == [1, 0x80, 0, 0x80, 0] && padded.dropFirst(4).allSatisfy { $0 == 0 })
        #expect(try PortalEncryption.unpadded(padded) == Data([1, 0x80, 0]))
        #expect(throws: (any Error).self) { try PortalEncryption.unpadded(Data([1, 2, 0, 0])) }
        #expect(throws: (any Error).self) { try PortalEncryption.unpadded(Data(count: 8)) }
    }

    @Test("relative links are resolved where the page was and written from where it is, query and fragment kept")
    func relativeLinks() {
        let renamed = [
            "t/hours/2026-10.html": "t/aa.html", "t/invoices/X-1.html": "t/bb.html", "t/statement.html": "t/cc.html",
        ]
        let html = Data(
            """
            <link rel="stylesheet" href="../../assets/portal.css">
            <a href="2026-10.html#d2026-10-03">Oct</a> <a href="../statement.html?x=1&amp;y=2">S</a>
            <a href="../invoices/X-1.html">X</a> <a href="../index.html">O</a> <a href="#top">T</a>
            <a href="mailto:a@b.example?subject=hours/2026-10.html">M</a> <a href="https://e.example/x.html">E</a>
            <a href="/abs.html">A</a> <img src="../../../outside.png"> <p>href="2026-10.html"</p>
            <a data-href="2026-10.html">D</a> <a href="../">P</a>
            """.utf8)
        let rewritten = RelativeLinks.rewrite(html, from: "t/hours/2026-11.html", to: "t/dd.html", renamed: renamed)
        #expect(
            String(decoding: rewritten, as: UTF8.self) == """
                <link rel="stylesheet" href="../assets/portal.css">
                <a href="aa.html#d2026-10-03">Oct</a> <a href="cc.html?x=1&amp;y=2">S</a>
                <a href="bb.html">X</a> <a href="index.html">O</a> <a href="#top">T</a>
                <a href="mailto:a@b.example?subject=hours/2026-10.html">M</a> <a href="https://e.example/x.html">E</a>
                <a href="/abs.html">A</a> <img src="../../../outside.png"> <p>href="2026-10.html"</p>
                <a data-href="2026-10.html">D</a> <a href="./">P</a>
                """)
    }
}
