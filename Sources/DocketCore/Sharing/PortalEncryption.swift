import Crypto
import CryptoExtras
import Foundation

/// How a client's portal is protected.
public enum PortalEncryptionMode: String, Sendable, CaseIterable, Codable {
    /// AES-256-GCM with a key derived from a passphrase the client types (PBKDF2-HMAC-SHA256).
    case passphrase
    /// AES-256-GCM with a random key that travels only in the link's fragment (`#k=…`).
    case link
}

/// Encrypts every file of a client's portal. Pages become a small shell holding only ciphertext, which
/// the browser decrypts with the Web Crypto API; `data.json` becomes a JSON envelope.
///
/// Stability: the salt (passphrase portals) and the key (link portals) are stored with the content, and
/// each file's 96-bit nonce is derived from its path and plaintext with HMAC-SHA256 under a key derived
/// (HKDF) from the encryption key. The same page with the same key therefore encrypts to the same bytes,
/// so an unchanged page is never rewritten, while any change to a page gives it a new nonce. No nonce is
/// ever used with two different plaintexts under one key.
struct PortalEncryption: Sendable {
    /// PBKDF2-HMAC-SHA256 iterations for passphrase portals.
    static let iterations = 600_000

    /// The mode.
    let mode: PortalEncryptionMode
    /// The AES-256 key.
    let key: SymmetricKey
    /// The key nonces are derived with.
    let nonceKey: SymmetricKey
    /// The PBKDF2 salt (passphrase mode).
    let salt: Data?
    /// An identifier for the portal in the browser's session storage (not secret).
    let portalID: String
    /// The business name shown on the locked page.
    let business: String

    /// Encryption for a passphrase portal: derives the key with PBKDF2 (600,000 iterations).
    static func passphrase(_ passphrase: String, salt: Data, business: String) throws -> PortalEncryption {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(passphrase.utf8), salt: salt, using: .sha256,
            outputByteCount: 32, rounds: iterations)
        return PortalEncryption(mode: .passphrase, key: key, salt: salt, business: business)
    }

    /// Encryption for a link portal, with its stored random key.
    static func link(key: Data, business: String) -> PortalEncryption {
        PortalEncryption(mode: .link, key: SymmetricKey(data: key), salt: nil, business: business)
    }

    init(mode: PortalEncryptionMode, key: SymmetricKey, salt: Data?, business: String) {
        self.mode = mode
        self.key = key
        self.salt = salt
        self.business = business
        self.nonceKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: key, info: Data("docket nonce v1".utf8), outputByteCount: 32)
        // A name for the key in the browser's session storage that reveals nothing about the key.
        let id = HMAC<SHA256>.authenticationCode(for: Data("docket portal id".utf8), using: nonceKey)
        self.portalID = String(Self.base64URL(Data(id)).prefix(16))
    }

    /// Random bytes from the system's secure generator.
    static func randomBytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Base64url without padding.
    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes base64url with or without padding.
    static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// The envelope of one encrypted file as JSON text, indented by two spaces per level, with no final
    /// newline.
    func envelope(path: String, plaintext: Data) throws -> String {
        var mac = HMAC<SHA256>(key: nonceKey)
        mac.update(data: Data(path.utf8))
        mac.update(data: Data([0]))
        mac.update(data: plaintext)
        let nonceBytes = Data(mac.finalize()).prefix(12)
        let aad = Data("docket:\(path)".utf8)
        let sealed = try AES.GCM.seal(
            plaintext, using: key, nonce: try AES.GCM.Nonce(data: nonceBytes), authenticating: aad)
        let output = JSONWriter.write(.indented, capacity: 256 + plaintext.count * 4 / 3) { json in
            json.beginObject()
            json.key("docket_encrypted")
            json.int(1)
            json.key("mode")
            json.string(mode.rawValue)
            json.key("portal")
            json.string(portalID)
            json.key("cipher")
            json.string("AES-256-GCM")
            if let salt {
                json.key("kdf")
                json.beginObject()
                json.key("name")
                json.string("PBKDF2")
                json.key("hash")
                json.string("SHA-256")
                json.key("iterations")
                json.int(Self.iterations)
                json.key("salt")
                json.string(Self.base64URL(salt))
                json.endObject()
            }
            json.key("nonce")
            json.string(Self.base64URL(nonceBytes))
            json.key("aad")
            json.string("docket:\(path)")
            json.key("ciphertext")
            json.string(Self.base64URL(sealed.ciphertext + sealed.tag))
            json.endObject()
        }
        return String(decoding: UnsafeBufferPointer(start: output.baseAddress, count: output.count), as: UTF8.self)
    }

    /// Decrypts an envelope made by `envelope` (used by tests and tools).
    func open(_ envelope: [String: Any]) throws -> Data {
        guard let nonceText = envelope["nonce"] as? String, let nonce = Self.data(base64URL: nonceText),
            let aad = envelope["aad"] as? String, let cipherText = envelope["ciphertext"] as? String,
            let combined = Self.data(base64URL: cipherText), combined.count >= 16
        else {
            throw CryptoKitError.incorrectParameterSize
        }
        let box = try AES.GCM.SealedBox(
            nonce: AES.GCM.Nonce(data: nonce), ciphertext: combined.dropLast(16),
            tag: combined.suffix(16))
        return try AES.GCM.open(box, using: key, authenticating: Data(aad.utf8))
    }

    /// Encrypts one output file of the portal (its path relative to `public/`).
    func seal(_ file: OutputFile) throws -> OutputFile {
        let envelope = try self.envelope(path: file.path, plaintext: file.data)
        if file.path.hasSuffix(".html") {
            let depth = file.path.split(separator: "/").count - 1
            return OutputFile(
                path: file.path,
                text: LockedPage.html(
                    envelope: envelope, mode: mode, business: business,
                    root: String(repeating: "../", count: depth)))
        }
        return OutputFile(path: file.path, text: envelope + "\n")
    }
}
