import Crypto
import Foundation

/// The file names of an encrypted portal: every file but `index.html` (the link's page) and `data.json` (the
/// name integrations fetch) is renamed to 24 hexadecimal digits derived from the portal's key, all in the
/// portal's folder, so that the names say nothing of the months worked, the invoice numbers or how many
/// versions of the terms there are. The same key gives the same names, build after build.
struct OpaquePageNames: Sendable {
    /// The names that stay readable, in the portal's folder.
    static let kept: Set<String> = ["index.html", "data.json"]

    /// The key names are derived with: HKDF of the portal's key, so it is neither the key nor the nonce key.
    private let nameKey: SymmetricKey

    /// Names derived from a portal's encryption key.
    init(key: SymmetricKey) {
        nameKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: key, info: Data("docket page names v1".utf8), outputByteCount: 32)
    }

    /// The new path of every file of one portal (paths under `public/`, all in the same `<token>/` folder),
    /// by its readable path. Throws if two files would get one name (never seen: 96 bits each).
    func paths(of files: [OutputFile]) throws -> [String: String] {
        var renamed: [String: String] = [:]
        renamed.reserveCapacity(files.count)
        var taken = Set<String>()
        for file in files {
            guard let slash = file.path.firstIndex(of: "/") else { continue }
            let folder = file.path[..<slash]
            let inFolder = String(file.path[file.path.index(after: slash)...])
            let name = Self.kept.contains(inFolder) ? inFolder : self.name(of: inFolder)
            let path = "\(folder)/\(name)"
            guard taken.insert(path.lowercased()).inserted else { throw NameCollision(path: file.path) }
            renamed[file.path] = path
        }
        return renamed
    }

    /// The opaque name of a file at `path` in the portal's folder: 24 hex digits of an HMAC of the path,
    /// with the file's extension. Lowercase, so it cannot collide with another on a case-insensitive disk.
    func name(of path: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(path.utf8), using: nameKey)
        let file = path.split(separator: "/").last ?? ""
        let suffix = file.lastIndex(of: ".").map { String(file[$0...]) } ?? ""
        return String(hexString(Data(code)).prefix(24)) + suffix
    }

    /// Two files of a portal were given the same opaque name.
    struct NameCollision: Error, CustomStringConvertible {
        /// The readable path of the second file.
        let path: String
        var description: String { "two pages of the portal were given the same file name (\(path))" }
    }
}
