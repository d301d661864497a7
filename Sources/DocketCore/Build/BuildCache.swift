import Crypto
import Foundation

/// Lets a build skip every client whose files did not change, and whose pages are as the last build left them.
///
/// Inputs are fingerprinted in two parts. The global fingerprint covers Docket's version and binary,
/// `--today`, and the bytes of every file under `templates/` and `content/` outside the client folders
/// (business.md). Each client's fingerprint covers the bytes of every file in its folder and the passphrase
/// its `portal_passphrase_env` names, through a keyed hash whose key is kept outside the site folder
/// (`FingerprintKey`). The record holds no link key and no passphrase. A file whose size, modification time, change time and inode are what
/// they were at the last build, and that was not modified in the last two seconds before that build, keeps
/// its recorded hash without being read (as git's index does); any other file is read and hashed.
///
/// A client is reused (not parsed, computed or rendered) only when the global fingerprint and its own are
/// unchanged and every file of its portal still has the size and times the last build left; its facts
/// (`ClientFacts`: diagnostics, invoice numbers, dashboard part, portal) come from the record. Anything else
/// rebuilds it, so the cache can make a build faster but never different. It lives in `.docket/build-record`
/// in the site folder (git-ignored), and it is also the list of the files the last build produced, from which
/// the next one removes those it no longer makes (`RecordOutputs.swift`): it is kept in `.docket/` rather than
/// with the scratch folders in `.docket-cache/`, so that clearing those never leaves a revoked portal online.
///
/// Its parts: the fingerprints of the inputs (`InputFingerprints.swift`, with the passphrase names a
/// client.md gives in `PassphraseNames.swift`), reading the record (`RecordReading.swift`) and writing it
/// (`RecordWriting.swift`).
struct BuildCache: Sendable {
    /// The site folder.
    let root: URL
    /// The key of the passphrases' keyed hash, read or created when a passphrase client is fingerprinted.
    let fingerprintKey: FingerprintKey

    /// The cache of the site in `root`, for a build given `environment` (where `HOME` and `XDG_STATE_HOME`
    /// say where the fingerprint key is).
    init(root: URL, environment: [String: String] = [:]) {
        self.root = root
        fingerprintKey = FingerprintKey(environment: environment)
    }

    /// Where the record is.
    var recordURL: URL { root.appendingPathComponent(".docket/build-record") }

    /// An input file's status and hash.
    struct Input: Sendable {
        var status: FileStatus?
        var hash: String
    }

    /// The record format's version: a record of another version is not used (only its output lines are
    /// read, for the files to remove). 7: the record is the one list of the files a build produced, in `.docket/`.
    /// 8: no link keys, and passphrases only through a keyed hash. 10: each client's mail facts.
    static let formatVersion = "10"

    /// Forgets the last build.
    func clear() { try? FileManager.default.removeItem(at: recordURL) }
}
