import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The key of the keyed hash (HMAC-SHA256) through which a portal passphrase enters a client's fingerprint,
/// so that the build record never holds anything a guessed passphrase could be checked against.
///
/// 32 random bytes, written base64url in `$XDG_STATE_HOME/docket/fingerprint-key` (by default
/// `~/.local/state/docket/fingerprint-key`): outside the site folder, so that a copy of `.docket/` alone
/// does not help. Created 0600, in a folder created 0700, the first time a passphrase client is
/// fingerprinted. `HOME` and `XDG_STATE_HOME` come from the environment the build was given. When the key
/// can be neither read nor created, `value` is nil and passphrase clients are rebuilt every time.
final class FingerprintKey: @unchecked Sendable {
    // @unchecked: `key` and `loaded` are used under the lock only.
    private let path: String?
    private let lock = NSLock()
    private var loaded = false
    private var key: SymmetricKey?

    /// The key for the environment a build was given.
    init(environment: [String: String]) {
        path = Self.path(environment: environment)
    }

    /// Where the key is kept: `$XDG_STATE_HOME/docket/fingerprint-key` when that variable is an absolute
    /// path, else `$HOME/.local/state/docket/fingerprint-key`; nil with neither.
    static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/docket/fingerprint-key"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.local/state/docket/fingerprint-key"
        }
        return nil
    }

    /// The key, read (or created) on first use; nil when it cannot be.
    var value: SymmetricKey? {
        lock.lock()
        defer { lock.unlock() }
        if !loaded {
            key = path.flatMap(Self.readOrCreate)
            loaded = true
        }
        return key
    }

    /// Reads the key at `path`, creating it first when there is none.
    private static func readOrCreate(_ path: String) -> SymmetricKey? {
        if let key = read(path) { return key }
        let folder = (path as NSString).deletingLastPathComponent
        guard makeFolders(folder),
            let temporary = try? ShareToken.writePrivateTemporary(
                Data((PortalEncryption.base64URL(PortalEncryption.randomBytes(32)) + "\n").utf8), beside: path)
        else { return nil }
        // A link, not a rename: a key another build made meanwhile is kept, and read below.
        _ = link(temporary, path)
        unlink(temporary)
        return read(path)
    }

    /// The key in a regular file holding 32 bytes written base64url; nil otherwise.
    private static func read(_ path: String) -> SymmetricKey? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            let data = FileManager.default.contents(atPath: path),
            let bytes = PortalEncryption.data(
                base64URL: String(decoding: data, as: UTF8.self).trimmingWhitespaceAndNewlines()),
            bytes.count == 32
        else { return nil }
        return SymmetricKey(data: bytes)
    }

    /// Creates `folder` and any missing parent, each 0700; whether the folder exists now.
    private static func makeFolders(_ folder: String) -> Bool {
        var info = stat()
        if stat(folder, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        let parent = (folder as NSString).deletingLastPathComponent
        guard parent != folder, makeFolders(parent) else { return false }
        return mkdir(folder, 0o700) == 0 || errno == EEXIST
    }

    /// A value's keyed hash, hex; nil without a key.
    func hash(_ text: String) -> String? {
        guard let key = value else { return nil }
        return hexString(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }
}
