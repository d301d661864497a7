import Crypto
import Foundation

/// A one-way fingerprint of a portal's stored secret (`portal-key.txt`, `portal-salt.txt`), with which two
/// clients holding the same one (a copied client folder) are found, reused clients included, while the build
/// record never holds the secret itself.
///
/// HMAC-SHA256 keyed with the secret over a fixed text naming its file. The same secret gives the same
/// fingerprint on every build and every machine, with or without the fingerprint key of the passphrases
/// (`FingerprintKey`), so a reused client's fingerprint (from the record) compares with a rebuilt one's; and
/// the 16 or 32 random bytes of a salt or key cannot be found again from it.
enum SecretFingerprint {
    /// The fingerprint of a secret stored in the file `name` of a client's folder.
    static func of(_ secret: Data, file name: String) -> String {
        let label = Data("docket: is this \(name) another client's?\n".utf8)
        return hexString(HMAC<SHA256>.authenticationCode(for: label, using: SymmetricKey(data: secret)))
    }

    /// The fingerprints of a client's stored portal key and salt, by file name (empty without either).
    static func of(_ content: ClientContent) -> [String: String] {
        var fingerprints: [String: String] = [:]
        if let key = content.portalKey { fingerprints[ShareToken.keyFileName] = of(key, file: ShareToken.keyFileName) }
        if let salt = content.portalSalt {
            fingerprints[ShareToken.saltFileName] = of(salt, file: ShareToken.saltFileName)
        }
        return fingerprints
    }

    /// Reports every client whose portal key or salt another client already has (in the order given, the
    /// first keeps it), at the second client's file: the one check of it, for `build`, `check`, `links` and
    /// `invoice` alike.
    static func checkUnique(_ owners: [(slug: String, fingerprints: [String: String])], diagnostics: inout Diagnostics)
    {
        for name in [ShareToken.keyFileName, ShareToken.saltFileName] {
            var seen: [String: String] = [:]
            for (slug, fingerprints) in owners {
                guard let fingerprint = fingerprints[name] else { continue }
                guard let other = seen[fingerprint] else {
                    seen[fingerprint] = slug
                    continue
                }
                diagnostics.error(
                    "content/clients/\(slug)/\(name)", line: 1, column: 1,
                    "the same \(name == ShareToken.keyFileName ? "portal key" : "passphrase salt") as content/clients/\(other)/\(name) (a copied client folder?); each client needs its own: delete this file and build again to get a new one (\(name == ShareToken.keyFileName ? "\(slug)'s link changes: send the new one from `docket links`" : "the passphrase stays the same"))"
                )
            }
        }
    }
}
