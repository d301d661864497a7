import Foundation
import Testing

@testable import DocketCore

/// Each client's portal key and passphrase salt are its own: a copied `portal-key.txt` or `portal-salt.txt`
/// is an error on the second client's file, whether that client was rebuilt or reused from the build record,
/// which holds only a one-way fingerprint of each; and rotating a link renews the key or salt too.
@Suite("Portal keys and salts held by one client each")
struct SharedSecretsTests {
    /// 32 and 16 bytes written base64url, as Docket stores them.
    static let key = "AAcOFRwjKjE4P0ZNVFtiaXB3foWMk5qhqK-2vcTL0tk"
    static let salt = "yMfGxcTDwsHAv769vLu6uQ"

    static let keyError =
        "content/clients/beta/portal-key.txt:1:1: error: the same portal key as content/clients/acme/portal-key.txt (a copied client folder?); each client needs its own: delete this file and build again to get a new one (beta's link changes: send the new one from `docket links`)"
    static let saltError =
        "content/clients/beta/portal-salt.txt:1:1: error: the same passphrase salt as content/clients/acme/portal-salt.txt (a copied client folder?); each client needs its own: delete this file and build again to get a new one (the passphrase stays the same)"

    /// What each kind of portal needs: its client.md line, its secret file and the error a copy of it gives.
    enum Kind: String, CaseIterable {
        case link, passphrase

        func protection(_ slug: String) -> String {
            self == .link ? "portal_encryption: link" : "portal_passphrase_env: \(slug.uppercased())_PASS"
        }
        var file: String { self == .link ? "portal-key.txt" : "portal-salt.txt" }
        var secret: String { self == .link ? SharedSecretsTests.key : SharedSecretsTests.salt }
        var error: String { self == .link ? SharedSecretsTests.keyError : SharedSecretsTests.saltError }
    }

    func site(_ kind: Kind) throws -> TemporarySite {
        var files = ["content/business.md": businessMD]
        for slug in ["acme", "beta"] {
            files["content/clients/\(slug)/client.md"] =
                "---\nname: \(slug)\ncontact: A\nemail: a@a.example\nrate: 30\n\(kind.protection(slug))\n---\n"
            files["content/clients/\(slug)/timesheets/2026-11.md"] = "## 2026-11-02\n- 1h Work\n"
        }
        return try TemporarySite(files: files)
    }

    func environment(_ state: StateFolder) -> [String: String] {
        [
            "ACME_PASS": "correct horse battery staple", "BETA_PASS": "another long passphrase",
            "XDG_STATE_HOME": state.url.path,
        ]
    }

    func secretErrors(_ diagnostics: Diagnostics) -> [String] {
        diagnostics.errors.filter { $0.path.hasSuffix("portal-key.txt") || $0.path.hasSuffix("portal-salt.txt") }
            .map(\.description)
    }

    @Test(
        "the same key or salt in two client folders: build, check and links give the same error",
        arguments: Kind.allCases)
    func copiedSecret(_ kind: Kind) throws {
        let site = try site(kind)
        defer { site.remove() }
        let state = try StateFolder()
        defer { state.remove() }
        try site.write("content/clients/acme/\(kind.file)", kind.secret + "\n")
        try site.write("content/clients/beta/\(kind.file)", kind.secret)  // the same bytes, written without a newline
        let built = site.build(environment: environment(state))
        #expect(secretErrors(built.diagnostics) == [kind.error])
        #expect(!site.exists("public"))
        #expect(secretErrors(site.build(mode: .check, environment: environment(state)).diagnostics) == [kind.error])
        var diagnostics = Diagnostics()
        #expect(ShareLinks.list(root: site.root, diagnostics: &diagnostics).isEmpty)
        #expect(secretErrors(diagnostics) == [kind.error])
    }

    @Test(
        "copied after a build that made them: still an error, with the other client reused from the record",
        arguments: Kind.allCases)
    func copiedWithWarmCache(_ kind: Kind) throws {
        let site = try site(kind)
        defer { site.remove() }
        let state = try StateFolder()
        defer { state.remove() }
        let first = site.build(environment: environment(state))
        try #require(first.succeeded, "\(first.diagnostics.errors)")
        let acme = try #require(site.read("content/clients/acme/\(kind.file)"))
        let beta = try #require(site.read("content/clients/beta/\(kind.file)"))
        #expect(acme != beta)
        try site.write("content/clients/beta/\(kind.file)", acme)
        let second = site.build(environment: environment(state))
        #expect(second.rebuiltClients == ["beta"])
        #expect(secretErrors(second.diagnostics) == [kind.error])
        // Copied the other way, onto the client the record holds: the error is still on beta's file.
        try site.write("content/clients/beta/\(kind.file)", beta)
        try #require(site.build(environment: environment(state)).succeeded)
        try site.write("content/clients/acme/\(kind.file)", beta)
        let third = site.build(environment: environment(state))
        #expect(third.rebuiltClients == ["acme"])
        #expect(secretErrors(third.diagnostics) == [kind.error])
    }

    @Test("the build record holds neither a portal key nor a salt, only their fingerprints")
    func recordHoldsNoKeyOrSalt() throws {
        let site = try site(.link)
        defer { site.remove() }
        let state = try StateFolder()
        defer { state.remove() }
        try site.write(
            "content/clients/beta/client.md",
            "---\nname: beta\ncontact: B\nemail: b@b.example\nrate: 30\nportal_passphrase_env: BETA_PASS\n---\n")
        let report = site.build(environment: environment(state))
        try #require(report.succeeded, "\(report.diagnostics.errors)")
        let key = try #require(site.read("content/clients/acme/portal-key.txt")).trimmingWhitespaceAndNewlines()
        let salt = try #require(site.read("content/clients/beta/portal-salt.txt")).trimmingWhitespaceAndNewlines()
        let record = try #require(site.read(".docket/build-record"))
        #expect(!record.contains(key))
        #expect(!record.contains(salt))
        #expect(record.contains("\"secrets\":{\"portal-key.txt\":\""))
        #expect(record.contains("\"secrets\":{\"portal-salt.txt\":\""))
    }

    @Test("links --rotate renews a passphrase portal's salt and a link portal's key; the old key opens nothing")
    func rotateRenewsSecrets() throws {
        for kind in Kind.allCases {
            let site = try site(kind)
            defer { site.remove() }
            let state = try StateFolder()
            defer { state.remove() }
            try #require(site.build(environment: environment(state)).succeeded)
            let old = try #require(site.read("content/clients/acme/\(kind.file)")).trimmingWhitespaceAndNewlines()
            var diagnostics = Diagnostics()
            #expect(ShareLinks.rotate(slug: "acme", root: site.root, diagnostics: &diagnostics))
            let new = try #require(site.read("content/clients/acme/\(kind.file)")).trimmingWhitespaceAndNewlines()
            #expect(new != old, "\(kind)")
            #expect(PortalEncryption.data(base64URL: new)?.count == (kind == .link ? 32 : 16))
            let rebuilt = site.build(environment: environment(state))
            try #require(rebuilt.succeeded, "\(rebuilt.diagnostics.errors)")
            let token = try #require(rebuilt.portals.first { $0.slug == "acme" }?.token)
            let data = try #require(FileManager.default.contents(atPath: site.root.path + "/public/\(token)/data.json"))
            let envelope = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            if kind == .passphrase {
                #expect((envelope["kdf"] as? [String: Any])?["salt"] as? String == new)
            } else {
                let oldKey = try #require(PortalEncryption.data(base64URL: old))
                let newKey = try #require(PortalEncryption.data(base64URL: new))
                #expect(throws: (any Error).self) {
                    try PortalEncryption.link(key: oldKey, business: "x").open(envelope)
                }
                #expect(throws: Never.self) { try PortalEncryption.link(key: newKey, business: "x").open(envelope) }
            }
        }
    }
}
