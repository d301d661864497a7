import Foundation
import Testing

@testable import DocketCore

@Suite("Encrypted portals")
struct EncryptionTests {
    static let passphrase = "correct horse battery staple"

    func site(mode: String) throws -> TemporarySite {
        let protection = mode == "link" ? "portal_encryption: link" : "portal_passphrase_env: ACME_PASS"
        return try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md":
                "---\nname: Acme Secret Ltd\ncontact: Sam\nemail: s@a.example\nrate: 30\n\(protection)\n---\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 7h15m Confidential project\n",
            "content/clients/plain/client.md": "---\nname: Plain Ltd\ncontact: P\nemail: p@p.example\nrate: 30\n---\n",
        ])
    }

    func envelope(_ site: TemporarySite, _ path: String) throws -> [String: Any] {
        let text = try #require(site.read(path))
        let json: String
        if path.hasSuffix(".html") {
            let start = try #require(text.range(of: "id=\"docket-payload\">"))
            let end = try #require(text.range(of: "</script>", range: start.upperBound..<text.endIndex))
            json = String(text[start.upperBound..<end.lowerBound])
        } else {
            json = text
        }
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test(
        "a passphrase portal holds only ciphertext: AES-256-GCM, PBKDF2-SHA256 600,000 rounds, decryptable with the passphrase only"
    )
    func passphrase() throws {
        let site = try site(mode: "passphrase")
        defer { site.remove() }
        let report = site.build(environment: ["ACME_PASS": Self.passphrase])
        #expect(report.succeeded, "\(report.diagnostics.all)")
        let token = try #require(report.portals.first { $0.slug == "acme" }?.token)
        var files = site.snapshot("public/\(token)")
        // The marker that the folder is Docket's is the one plain file: the same fixed text in every portal.
        #expect(
            files.removeValue(forKey: ".docket-portal")
                == Data(
                    "This folder is a client portal written by Docket; a build removes it once it no longer makes this portal.\n"
                        .utf8))
        // index.html, data.json and three pages (the month, the statement, the terms) named by 24 hex digits.
        #expect(files.count == 5 && files["index.html"] != nil && files["data.json"] != nil)
        #expect(files.keys.filter { $0.wholeMatch(of: /[0-9a-f]{24}\.html/) != nil }.count == 3)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("Acme") && !text.contains("Confidential") && !text.contains("7h 15m"), "\(path)")
        }
        let salt = try #require(
            site.read("content/clients/acme/portal-salt.txt")?.trimmingCharacters(in: .whitespacesAndNewlines))
        let saltData = try #require(PortalEncryption.data(base64URL: salt))
        #expect(saltData.count == 16)
        let right = try PortalEncryption.passphrase(Self.passphrase, salt: saltData, business: "x")
        let wrong = try PortalEncryption.passphrase("wrong horse", salt: saltData, business: "x")
        var nonces = Set<String>()
        for (path, _) in files {
            let envelope = try envelope(site, "public/\(token)/\(path)")
            let kdf = try #require(envelope["kdf"] as? [String: Any])
            #expect(kdf["iterations"] as? Int == 600_000)
            #expect(kdf["hash"] as? String == "SHA-256")
            #expect(envelope["cipher"] as? String == "AES-256-GCM")
            nonces.insert(try #require(envelope["nonce"] as? String))
            // Decrypts to the page as it was rendered (7h 15m = 435 minutes), and not with a wrong passphrase.
            let opened = String(decoding: try right.open(envelope), as: UTF8.self)
            #expect(opened.contains(path == "data.json" ? "\"logged_minutes\": 435" : "Acme Secret Ltd"))
            #expect(envelope["aad"] as? String == "docket:\(token)/\(path)")
            #expect(throws: (any Error).self) { try wrong.open(envelope) }
        }
        #expect(nonces.count == files.count)
        // The plain client is not encrypted.
        let plainToken = try #require(report.portals.first { $0.slug == "plain" }?.token)
        #expect(site.read("public/\(plainToken)/index.html")?.contains("Plain Ltd") == true)
        // A locked page allows exactly one inline script, by its hash.
        let page = try #require(site.read("public/\(token)/index.html"))
        #expect(page.contains("script-src \(LockedPage.scriptHash)".replacingOccurrences(of: "'", with: "&#39;")))
        #expect(page.contains("<script>\(LockedPage.script)</script>"))
    }

    @Test("rebuilding unchanged content rewrites nothing; changing one timesheet rewrites only what changed")
    func stable() throws {
        let site = try site(mode: "passphrase")
        defer { site.remove() }
        let environment = ["ACME_PASS": Self.passphrase]
        let first = site.build(environment: environment)
        #expect(first.succeeded)
        let second = site.build(environment: environment)
        #expect(second.outcome.written == 0)
        try site.write("content/clients/acme/timesheets/2026-11.md", "## 2026-11-02\n- 7h30m Confidential project\n")
        let third = site.build(environment: environment)
        // index, hours page and data.json change; the statement and terms pages do not.
        #expect(third.outcome.written == 3)
    }

    @Test("a passphrase missing from the environment fails the build and writes nothing")
    func missingPassphrase() throws {
        let site = try site(mode: "passphrase")
        defer { site.remove() }
        let report = site.build(environment: [:])
        #expect(
            report.diagnostics.errors.map(\.description) == [
                "content/clients/acme/client.md:6: error: the environment variable ACME_PASS is not set; expected the portal passphrase in it (Docket never publishes this portal unencrypted)"
            ])
        #expect(!site.exists("public"))
        #expect(!site.exists("content/clients/acme/token.txt"))
        #expect(
            site.build(environment: ["ACME_PASS": "short"]).diagnostics.warnings.contains {
                $0.message.contains("shorter than 12")
            })
    }

    @Test("a link portal: the key is stored with the content and printed after #k= by docket links")
    func link() throws {
        let site = try site(mode: "link")
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded)
        let keyText = try #require(
            site.read("content/clients/acme/portal-key.txt")?.trimmingCharacters(in: .whitespacesAndNewlines))
        let key = try #require(PortalEncryption.data(base64URL: keyText))
        #expect(key.count == 32)
        let portal = try #require(report.portals.first { $0.slug == "acme" })
        #expect(portal.linkKey == keyText)
        var diagnostics = Diagnostics()
        let links = ShareLinks.list(root: site.root, diagnostics: &diagnostics)
        #expect(
            links.first { $0.portal.slug == "acme" }?.url == "https://portal.example.com/\(portal.token)/#k=\(keyText)")
        let envelope = try envelope(site, "public/\(portal.token)/index.html")
        #expect(envelope["kdf"] == nil)
        let opened = try PortalEncryption.link(key: key, business: "x").open(envelope)
        #expect(String(decoding: opened, as: UTF8.self).contains("Acme Secret Ltd"))
        // Rotating the link changes the key as well as the token.
        #expect(ShareLinks.rotate(slug: "acme", root: site.root, diagnostics: &diagnostics))
        #expect(
            site.read("content/clients/acme/portal-key.txt")?.trimmingCharacters(in: .whitespacesAndNewlines) != keyText
        )
    }

    @Test(
        "an envelope is laid out as the reference JSON tree (keys in order, two spaces per level) and ends data.json with a newline; the locked page holds it as it is"
    )
    func envelopeLayout() throws {
        let salt = Data((0..<16).map { UInt8($0) })
        let portals = [
            try PortalEncryption.passphrase(Self.passphrase, salt: salt, business: "B <&>"),
            PortalEncryption.link(key: Data(repeating: 7, count: 32), business: "B <&>"),
        ]
        for encryption in portals {
            let sealed = try encryption.seal(OutputFile(path: "t/data.json", text: "{\"a\": \"<é>\"}\n"))
            let text = String(decoding: sealed.data, as: UTF8.self)
            #expect(text.hasSuffix("}\n"))
            let fields = try #require(try JSONSerialization.jsonObject(with: sealed.data) as? [String: Any])
            var expected: [(String, JSONValue)] = [
                ("docket_encrypted", .int(1)), ("mode", .string(encryption.mode.rawValue)),
                ("portal", .string(try #require(fields["portal"] as? String))), ("cipher", .string("AES-256-GCM")),
            ]
            if encryption.mode == .passphrase {
                expected.append(
                    (
                        "kdf",
                        .object([
                            ("name", .string("PBKDF2")), ("hash", .string("SHA-256")),
                            ("iterations", .int(600_000)), ("salt", .string("AAECAwQFBgcICQoLDA0ODw")),
                        ])
                    ))
            }
            expected += [
                ("padding", .string("ISO/IEC 7816-4")),
                ("nonce", .string(try #require(fields["nonce"] as? String))), ("aad", .string("docket:t/data.json")),
                ("ciphertext", .string(try #require(fields["ciphertext"] as? String))),
            ]
            #expect(text == JSONValue.object(expected).serialized() + "\n")
            #expect(String(decoding: try encryption.open(fields), as: UTF8.self) == "{\"a\": \"<é>\"}\n")

            let page = String(
                decoding: try encryption.seal(OutputFile(path: "t/index.html", text: "<p>x</p>")).data, as: UTF8.self)
            let envelope = try encryption.envelope(path: "t/index.html", plaintext: Data("<p>x</p>".utf8))
            #expect(page.contains("<script type=\"application/json\" id=\"docket-payload\">\(envelope)</script>"))
            #expect(!envelope.contains("<") && !envelope.hasSuffix("\n"))
        }
    }

    @Test("portal_encryption settings that contradict each other are errors")
    func settings() throws {
        var diagnostics = Diagnostics()
        _ = Client.parse(
            source("---\nname: A\ncontact: A\nemail: a@a.example\nrate: 1\nportal_encryption: passphrase\n---\n"),
            slug: "a", business: testBusiness(), diagnostics: &diagnostics)
        _ = Client.parse(
            source(
                "---\nname: A\ncontact: A\nemail: a@a.example\nrate: 1\nportal_encryption: link\nportal_passphrase_env: X\n---\n"
            ),
            slug: "a", business: testBusiness(), diagnostics: &diagnostics)
        #expect(diagnostics.errors.map(\.line) == [6, 6])
    }
}
