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
            Self.padded(plaintext), using: key, nonce: try AES.GCM.Nonce(data: nonceBytes), authenticating: aad)
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
            json.key("padding")
            json.string(Self.paddingName)
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
        return try Self.unpadded(AES.GCM.open(box, using: key, authenticating: Data(aad.utf8)))
    }

    /// The padding every plaintext gets before it is encrypted, as the envelope names it.
    static let paddingName = "ISO/IEC 7816-4"

    /// The smallest padded size: a plaintext is padded to this many bytes, or to the first power of two above.
    static let smallestPaddedSize = 4096

    /// A plaintext padded so that its ciphertext's length tells only which of a few sizes it falls in
    /// (4 KiB, 8 KiB, 16 KiB, …): one 0x80 byte, then zero bytes up to the size (ISO/IEC 7816-4).
    static func padded(_ plaintext: Data) -> Data {
        var size = smallestPaddedSize
        while size < plaintext.count + 1 { size *= 2 }
        var padded = plaintext
        padded.reserveCapacity(size)
        padded.append(0x80)
        padded.append(Data(count: size - padded.count))
        return padded
    }

    /// A decrypted plaintext without its padding; throws when it has none.
    static func unpadded(_ padded: Data) throws -> Data {
        guard let marker = padded.lastIndex(where: { $0 != 0 }), padded[marker] == 0x80 else {
            throw CryptoKitError.incorrectParameterSize
        }
        return Data(padded[padded.startIndex..<marker])
    }

    /// The opaque names of this portal's files.
    var pageNames: OpaquePageNames { OpaquePageNames(key: key) }

    /// Encrypts every file of one portal (paths under `public/`, all in its `<token>/` folder), each under
    /// its opaque name (`OpaquePageNames`), its relative links pointed at the renamed files.
    func sealPortal(_ files: [OutputFile]) throws -> [OutputFile] {
        let renamed = try pageNames.paths(of: files)
        return try files.map { file in
            let path = renamed[file.path] ?? file.path
            let data =
                file.path.hasSuffix(".html")
                ? RelativeLinks.rewrite(file.data, from: file.path, to: path, renamed: renamed) : file.data
            return try seal(OutputFile(path: path, data: data))
        }
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
