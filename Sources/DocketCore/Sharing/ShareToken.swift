import Foundation

/// A client's secret share token: the name of its portal folder under `public/`.
///
/// 128 bits from the system's cryptographically secure generator, written URL-safe base64 without
/// padding (22 characters). It is stored in `content/clients/<slug>/token.txt`, so it is the same on
/// every machine and every build; deleting that file (or `docket links --rotate`) revokes it.
public enum ShareToken {
    /// The file name of the stored token inside a client's folder.
    public static let fileName = "token.txt"

    /// A new random token.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()  // getrandom(2) / arc4random: a CSPRNG
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether text is a well-formed token: at least 22 URL-safe base64 characters.
    public static func isValid(_ token: String) -> Bool {
        token.count >= 22 && token.count <= 128 && token.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    /// The file holding a passphrase portal's PBKDF2 salt (16 random bytes, base64url).
    public static let saltFileName = "portal-salt.txt"
    /// The file holding a link portal's AES-256 key (32 random bytes, base64url). Secret: never uploaded.
    public static let keyFileName = "portal-key.txt"

    /// Reads a stored secret of `count` random bytes written base64url, reporting a malformed one.
    static func parseSecret(_ file: SourceFile, count: Int, diagnostics: inout Diagnostics) -> Data? {
        let text = file.text.trimmingWhitespaceAndNewlines()
        guard let data = PortalEncryption.data(base64URL: text), data.count == count else {
            diagnostics.error(file.path, line: 1, column: 1,
                              "expected \(count) random bytes written base64url (delete the file to get a new one; the portal's link or passphrase key changes)")
            return nil
        }
        return data
    }

    /// Reads a stored token file, reporting a malformed one.
    static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> String? {
        let token = file.text.trimmingWhitespaceAndNewlines()
        guard isValid(token) else {
            diagnostics.error(file.path, line: 1, column: 1,
                              "expected a share token of at least 22 letters, digits, `-` or `_` (delete the file to get a new one)")
            return nil
        }
        return token
    }
}
