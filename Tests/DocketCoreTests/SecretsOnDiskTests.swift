import Crypto
import Foundation
import Testing

@testable import DocketCore

/// A temporary folder standing for `$XDG_STATE_HOME` (or `$HOME`): tests never touch the real home.
struct StateFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("docket-state-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A file's permission bits.
func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require(attributes[.posixPermissions] as? NSNumber).intValue & 0o777
}

/// What Docket keeps on disk holds no secret it does not need: the build record has no link key and no
/// passphrase (not even a plain hash of one), and the secret files are readable by the VA only.
@Suite("Secrets on disk")
struct SecretsOnDiskTests {
    static let passphrase = "correct horse battery staple"

    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\n---\n",
            "content/clients/beta/client.md":
                "---\nname: Beta\ncontact: B\nemail: b@b.example\nrate: 25\nportal_passphrase_env: BETA_PASS\n---\n",
            "content/clients/beta/timesheets/2026-11.md": "## 2026-11-03\n- 1h Inbox\n",
            "content/clients/linked/client.md":
                "---\nname: Linked\ncontact: L\nemail: l@l.example\nrate: 25\nportal_encryption: link\n---\n",
        ])
    }

    func text(_ site: TemporarySite, _ path: String) throws -> String {
        try #require(site.read(path)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The fingerprint the record gives a client, and the one its lines give with `passphraseHash` in
    /// place of the passphrase, computed as Docket 0.6.0 did (SHA-256 of the path and hash lines, then
    /// `env NAME=hash`).
    func fingerprints(record: String, slug: String, passphraseHash: String) throws -> (
        recorded: String, computed: String
    ) {
        let lines = record.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("C\t\(slug)\t") })
        let recorded = lines[start].split(separator: "\t")[2]
        var hasher = SHA256()
        for line in lines[(start + 1)...] {
            if line == "E" { break }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.first == "I" else { continue }
            hasher.update(data: Data("\(fields[1])\u{0}\(fields[3])\n".utf8))
        }
        hasher.update(data: Data("env BETA_PASS=\(passphraseHash)\n".utf8))
        return (String(recorded), hexString(hasher.finalize()))
    }

    @Test(
        "the record holds no link key, no passphrase and no SHA-256 of it; a guessed passphrase cannot be checked against it; reused portals keep their key"
    )
    func recordHoldsNoSecret() throws {
        let site = try site()
        defer { site.remove() }
        let state = try StateFolder()
        defer { state.remove() }
        let environment = ["BETA_PASS": Self.passphrase, "XDG_STATE_HOME": state.url.path]
        let first = site.build(environment: environment)
        try #require(first.succeeded, "\(first.diagnostics.errors)")
        let key = try text(site, "content/clients/linked/portal-key.txt")
        #expect(key.count == 43)
        #expect(first.portals.first { $0.slug == "linked" }?.linkKey == key)
        // One client rebuilt (the others reused from the record), then nothing changed at all.
        try site.write("content/clients/acme/timesheets/2026-11.md", "## 2026-11-02\n- 1h Work\n")
        let partly = site.build(environment: environment)
        #expect(partly.rebuiltClients == ["acme"])
        #expect(partly.portals.first { $0.slug == "linked" }?.linkKey == key)
        let unchanged = site.build(environment: environment)
        #expect(unchanged.reusedCache)
        #expect(unchanged.portals.first { $0.slug == "linked" }?.linkKey == key)

        let record = try #require(site.read(".docket/build-record"))
        let plainHash = sha256Hex(Data(Self.passphrase.utf8))
        #expect(!record.contains(key))
        #expect(!record.contains("linkKey"))
        #expect(!record.contains(Self.passphrase))
        #expect(!record.contains(plainHash))
        // The fingerprint cannot be recomputed from the record and a SHA-256 of a guess; it can with the key,
        // which is outside the site folder.
        let guessed = try fingerprints(record: record, slug: "beta", passphraseHash: plainHash)
        #expect(guessed.recorded.count == 64)
        #expect(guessed.computed != guessed.recorded)
        let keyPath = state.url.appendingPathComponent("docket/fingerprint-key").path
        let keyText = try #require(FileManager.default.contents(atPath: keyPath))
        let stateKey = try #require(
            PortalEncryption.data(base64URL: String(decoding: keyText, as: UTF8.self).trimmingWhitespaceAndNewlines()))
        #expect(stateKey.count == 32)
        let keyed = hexString(
            HMAC<SHA256>.authenticationCode(for: Data(Self.passphrase.utf8), using: SymmetricKey(data: stateKey)))
        #expect(try fingerprints(record: record, slug: "beta", passphraseHash: keyed).computed == guessed.recorded)
        #expect(try mode(keyPath) == 0o600)
        #expect(try mode(state.url.appendingPathComponent("docket").path) == 0o700)
    }

    @Test("without XDG_STATE_HOME the key is in HOME/.local/state/docket; the same key serves every build")
    func keyUnderHome() throws {
        let site = try site()
        defer { site.remove() }
        let home = try StateFolder()
        defer { home.remove() }
        let environment = ["BETA_PASS": Self.passphrase, "HOME": home.url.path]
        #expect(site.build(environment: environment).succeeded)
        let keyPath = home.url.appendingPathComponent(".local/state/docket/fingerprint-key").path
        let key = try #require(FileManager.default.contents(atPath: keyPath))
        #expect(try mode(keyPath) == 0o600)
        for folder in [".local", ".local/state", ".local/state/docket"] {
            #expect(try mode(home.url.appendingPathComponent(folder).path) == 0o700, "\(folder)")
        }
        #expect(site.build(environment: environment).reusedCache)
        #expect(FileManager.default.contents(atPath: keyPath) == key)
        // A relative XDG_STATE_HOME is ignored, as the XDG specification says.
        #expect(
            FingerprintKey.path(environment: ["XDG_STATE_HOME": "state", "HOME": "/h"])
                == "/h/.local/state/docket/fingerprint-key")
        #expect(
            FingerprintKey.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/docket/fingerprint-key")
        #expect(FingerprintKey.path(environment: [:]) == nil)
    }

    @Test(
        "with no key to be had, a passphrase client is rebuilt every time and the build still succeeds; a new passphrase rebuilds it"
    )
    func noKey() throws {
        let site = try site()
        defer { site.remove() }
        let state = try StateFolder()
        defer { state.remove() }
        // A state folder under a plain file cannot be created, even by root.
        try Data("x".utf8).write(to: state.url.appendingPathComponent("file"))
        let blocked = state.url.appendingPathComponent("file/state").path
        for environment in [
            ["BETA_PASS": Self.passphrase, "XDG_STATE_HOME": blocked], ["BETA_PASS": Self.passphrase],
        ] {
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent(".docket"))
            let first = site.build(environment: environment)
            try #require(first.succeeded, "\(first.diagnostics.errors)")
            #expect(first.rebuiltClients == ["acme", "beta", "linked"])
            for _ in 0..<2 {
                let again = site.build(environment: environment)
                #expect(again.succeeded)
                #expect(!again.reusedCache)
                #expect(again.rebuiltClients == ["beta"])
                #expect(again.outcome.written == 0)
            }
            let record = try #require(site.read(".docket/build-record"))
            #expect(!record.contains(sha256Hex(Data(Self.passphrase.utf8))))
        }
        // With a key, the passphrase is still part of the fingerprint.
        var environment = ["BETA_PASS": Self.passphrase, "XDG_STATE_HOME": state.url.appendingPathComponent("ok").path]
        _ = site.build(environment: environment)
        #expect(site.build(environment: environment).reusedCache)
        environment["BETA_PASS"] = "another long passphrase"
        #expect(site.build(environment: environment).rebuiltClients == ["beta"])
    }

    @Test("token.txt, portal-key.txt and portal-salt.txt are written 0600 by build, links and links --rotate")
    func secretFileModes() throws {
        let site = try site()
        defer { site.remove() }
        let state = try StateFolder()
        defer { state.remove() }
        let secrets = [
            "acme/token.txt", "beta/token.txt", "beta/portal-salt.txt", "linked/token.txt", "linked/portal-key.txt",
        ]
        #expect(site.build(environment: ["BETA_PASS": Self.passphrase, "XDG_STATE_HOME": state.url.path]).succeeded)
        for secret in secrets {
            #expect(try mode(site.root.path + "/content/clients/" + secret) == 0o600, "\(secret) after build")
        }
        var diagnostics = Diagnostics()
        let linked = "content/clients/linked/"
        let before = try text(site, linked + "portal-key.txt")
        #expect(ShareLinks.rotate(slug: "linked", root: site.root, diagnostics: &diagnostics))
        #expect(try text(site, linked + "portal-key.txt") != before)
        for secret in ["token.txt", "portal-key.txt"] {
            #expect(try mode(site.root.path + "/" + linked + secret) == 0o600, "\(secret) after rotate")
        }
        // links makes a missing token and key, 0600 too; no temporary file is left behind.
        try FileManager.default.removeItem(atPath: site.root.path + "/" + linked + "token.txt")
        try FileManager.default.removeItem(atPath: site.root.path + "/" + linked + "portal-key.txt")
        #expect(ShareLinks.list(root: site.root, diagnostics: &diagnostics).count == 3)
        for secret in ["token.txt", "portal-key.txt"] {
            #expect(try mode(site.root.path + "/" + linked + secret) == 0o600, "\(secret) after links")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: site.root.path + "/" + linked)
        #expect(files.sorted() == ["client.md", "portal-key.txt", "token.txt"])
    }

    @Test("the dashboard, which holds every portal's link and a #k= portal's key, is in a folder only the VA can open")
    func privateDashboard() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md":
                "---\nname: Acme\ncontact: A\nemail: a@a.example\nrate: 30\nportal_encryption: link\n---\n",
        ])
        defer { site.remove() }
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("dashboard"), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        #expect(site.build().succeeded)
        #expect(try mode(site.root.appendingPathComponent("dashboard").path) == 0o700)
    }
}
