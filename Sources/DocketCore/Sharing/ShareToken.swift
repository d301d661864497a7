import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A client's secret share token: the name of its portal folder under `public/`.
///
/// 128 bits from the system's cryptographically secure generator, written URL-safe base64 without
/// padding (22 characters). It is stored in `content/clients/<slug>/token.txt`, so it is the same on
/// every machine and every build; deleting that file (or `docket links --rotate`) revokes it.
///
/// Everything that creates, stores or checks a portal's secrets is here, for `build`, `check` and `links`
/// alike: tokens, a link portal's key and a passphrase portal's salt.
enum ShareToken {
    /// The file name of the stored token inside a client's folder.
    static let fileName = "token.txt"

    /// A new random token.
    static func generate() -> String { PortalEncryption.base64URL(PortalEncryption.randomBytes(16)) }

    /// Whether text is a well-formed token: exactly 16 bytes written base64url without padding (22 letters,
    /// digits, `-` or `_`, the last of which holds only 4 bits, so it is `A`, `Q`, `g` or `w`).
    static func isValid(_ token: String) -> Bool {
        // Decoded and written again, only the one spelling of 16 bytes comes back unchanged.
        guard token.utf8.count == 22, let bytes = PortalEncryption.data(base64URL: token), bytes.count == 16 else {
            return false
        }
        return PortalEncryption.base64URL(bytes) == token
    }

    /// Whether a byte is one of base64url's 64 characters (letters, digits, `-`, `_`).
    static func isBase64URLCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default: return false
        }
    }

    /// The fewest different characters a token may hold. 16 random bytes give 22 characters of 64 possible;
    /// fewer than 8 different ones happens less than once in 10^11 tokens, so such a token was typed by
    /// hand (`aaaa…`, `abababab…`) and is easy to guess.
    static let minimumDistinctCharacters = 8

    /// Whether a well-formed token looks random: at least `minimumDistinctCharacters` different characters.
    static func looksRandom(_ token: String) -> Bool {
        Set(token.utf8).count >= minimumDistinctCharacters
    }

    /// The file holding a passphrase portal's PBKDF2 salt (16 random bytes, base64url).
    static let saltFileName = "portal-salt.txt"
    /// The file holding a link portal's AES-256 key (32 random bytes, base64url). Secret: never uploaded.
    static let keyFileName = "portal-key.txt"

    /// Reads a stored secret of `count` random bytes written base64url, reporting a malformed one.
    static func parseSecret(_ file: SourceFile, count: Int, diagnostics: inout Diagnostics) -> Data? {
        let text = file.text.trimmingWhitespaceAndNewlines()
        guard let data = PortalEncryption.data(base64URL: text), data.count == count else {
            diagnostics.error(
                file.path, line: 1, column: 1,
                "expected \(count) random bytes written base64url (delete the file to get a new one; the portal's link or passphrase key changes)"
            )
            return nil
        }
        return data
    }

    /// Reads a stored token file, reporting a malformed or guessable one.
    static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> String? {
        let token = file.text.trimmingWhitespaceAndNewlines()
        guard isValid(token) else {
            diagnostics.error(
                file.path, line: 1, column: 1,
                "expected a share token of 22 letters, digits, `-` or `_` ending in A, Q, g or w, as Docket makes it from 16 random bytes; delete the file and build again to get a new one (the portal's link changes)"
            )
            return nil
        }
        guard looksRandom(token) else {
            diagnostics.error(
                file.path, line: 1, column: 1,
                "this share token is easy to guess (fewer than \(minimumDistinctCharacters) different characters); delete the file and build again to get a random one (the portal's link changes)"
            )
            return nil
        }
        return token
    }

    /// Reports every client whose stored token another client already has (in the order given, the first
    /// keeps it): the one check of token uniqueness, for `build`, `check`, `links` and `invoice` alike.
    /// Tokens that differ only in case are the same: on a case-insensitive file system (macOS, Windows) their
    /// portal folders are one folder.
    static func checkUnique(_ owners: [(slug: String, token: String?)], diagnostics: inout Diagnostics) {
        var seen: [String: String] = [:]
        for (slug, token) in owners {
            guard let token = token?.lowercased() else { continue }
            if let other = seen[token] {
                diagnostics.error(
                    "content/clients/\(slug)/\(fileName)", line: 1, column: 1,
                    "the same share token as content/clients/\(other); each client needs its own: delete this file and build again to get a new one"
                )
            } else {
                seen[token] = slug
            }
        }
    }
}

// Creating and storing secrets.
extension ShareToken {
    /// A new key for a link-encrypted portal (32 random bytes; the link carries it after `#k=`).
    static func newLinkKey() -> Data { PortalEncryption.randomBytes(32) }

    /// A new PBKDF2 salt for a passphrase portal (16 random bytes).
    static func newSalt() -> Data { PortalEncryption.randomBytes(16) }

    /// Stores a client's token in `content/clients/<slug>/token.txt`.
    static func save(_ token: String, slug: String, root: URL) throws {
        try saveSecret(token, name: fileName, slug: slug, root: root)
    }

    /// Stores a secret file (its text and a newline) in a client's folder, atomically (a
    /// temporary file renamed over it) and readable by the VA only (0600): unlike a page, it cannot be made
    /// again.
    static func saveSecret(_ value: String, name: String, slug: String, root: URL) throws {
        let path = root.appendingPathComponent("content/clients/\(slug)/\(name)").path
        let temporary = try writePrivateTemporary(Data((value + "\n").utf8), beside: path)
        guard rename(temporary, path) == 0 else {
            let failure = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            unlink(temporary)
            throw failure
        }
    }

    /// Writes data to a new file next to `path`, created 0600 (never readable by others, whatever the
    /// umask), and returns its path, for the caller to rename or link into place.
    static func writePrivateTemporary(_ data: Data, beside path: String) throws -> String {
        let random = hexString(PortalEncryption.randomBytes(8))
        let temporary = path + ".docket-\(random)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var failure = SiteWriter.writeAll(data, to: descriptor)
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
        return temporary
    }

    /// The encryption of an active client's portal, with any secret it had to create (file name → text, to
    /// store once the build succeeded); nil for a plain portal. A passphrase missing from the environment is
    /// an error: never a silent plaintext portal.
    static func encryption(
        for content: ClientContent, business: Business, environment: [String: String],
        diagnostics: inout Diagnostics
    ) -> (PortalEncryption, [String: String])? {
        let client = content.client
        guard let mode = client.portalEncryption else { return nil }
        var secrets: [String: String] = [:]
        switch mode {
        case .passphrase:
            let name = client.portalPassphraseEnv ?? ""
            guard let passphrase = environment[name], !passphrase.isEmpty else {
                diagnostics.error(
                    "\(content.folder)/client.md", line: client.portalPassphraseLine, column: 0,
                    "the environment variable \(name) is not set; expected the portal passphrase in it (Docket never publishes this portal unencrypted)"
                )
                return nil
            }
            if passphrase.count < 12 {
                diagnostics.warning(
                    "\(content.folder)/client.md", line: client.portalPassphraseLine, column: 0,
                    "the passphrase in \(name) is shorter than 12 characters; a longer one (four or more words) is much harder to guess"
                )
            }
            let salt = content.portalSalt ?? newSalt()
            if content.portalSalt == nil { secrets[saltFileName] = PortalEncryption.base64URL(salt) }
            do {
                return (try PortalEncryption.passphrase(passphrase, salt: salt, business: business.name), secrets)
            } catch {
                diagnostics.error("\(content.folder)/client.md", "cannot derive the portal key: \(error)")
                return nil
            }
        case .link:
            let key = content.portalKey ?? newLinkKey()
            if content.portalKey == nil { secrets[keyFileName] = PortalEncryption.base64URL(key) }
            return (PortalEncryption.link(key: key, business: business.name), secrets)
        }
    }
}
