import Crypto
import Foundation

// Fingerprints of a build's inputs: what decides whether the last build can be reused.
extension BuildCache {
    /// One client folder's files, hashed, and the folder's fingerprint.
    struct ClientInputs: Sendable {
        /// Every file of the folder, sorted by path. Until `fingerprint` is set, hashes may be empty.
        var files: [(path: String, input: Input)]
        /// The fingerprint; nil when the folder had no record, so hashing waited until it was read to be
        /// parsed (a clean build reads each file once).
        var fingerprint: String?
    }

    /// Every input, fingerprinted: the global part, and each client folder's files and fingerprint.
    struct Inputs: Sendable {
        var global: [String: Input] = [:]
        var clients: [String: ClientInputs] = [:]
        var globalFingerprint = ""
    }

    /// A client folder's files with their status, unhashed: the folder is rebuilt, and its files are hashed
    /// as its load reads them (`completed` hashes any other).
    func unhashedInputs(of slug: String) -> ClientInputs {
        let listed = FileStatus.files(under: root.path + "/content/clients/" + slug)
        return ClientInputs(
            files: listed.map { ("content/clients/\(slug)/\($0.path)", Input(status: $0.status, hash: "")) },
            fingerprint: nil)
    }

    /// Every file under `content/` and `templates/` (and the built-in templates' digest), hashed (reusing the last build's hash for a file the file
    /// system shows unchanged since then), and fingerprinted: client folders on all cores. With no record
    /// to compare with, client folders are left out (`clients` is empty): each is looked at in its own task,
    /// overlapping with the other tasks' work, since every client is rebuilt anyway.
    func inputs(previous: Record?, options: Builder.Options) -> Inputs {
        let rootPath = root.path
        let settled = (previous?.written ?? 0) - 2_000_000_000
        @Sendable func hashed(_ path: String, _ status: FileStatus, _ known: [String: Input]) -> Input {
            if let old = known[path], old.status == status, status.modified < settled, status.changed < settled {
                return old
            }
            return Input(
                status: status, hash: sha256Hex(FileManager.default.contents(atPath: rootPath + "/" + path) ?? Data()))
        }
        var result = Inputs()
        // Everything outside the client folders: business.md, templates/.
        let clientsPath = rootPath + "/content/clients"
        var globalFiles: [(String, FileStatus)] = []
        for folder in ["content", "templates"] {
            globalFiles += FileStatus.files(
                under: rootPath + "/" + folder, skipping: folder == "content" ? "clients" : nil
            )
            .map { ("\(folder)/\($0.path)", $0.status) }
        }
        let top = FileStatus.entries(of: clientsPath)
        for entry in top where !entry.isDirectory {
            if let status = FileStatus.of(clientsPath + "/" + entry.name) {
                globalFiles.append(("content/clients/\(entry.name)", status))
            }
        }
        var hasher = SHA256()
        // The built-in templates count as inputs too (a site's templates/ overrides them file by file).
        hasher.update(
            data: Data(
                "docket \(Builder.version)\n\(options.identity)\nbuilt-in templates \(BuiltInTemplates.digest)\ntoday \(options.today)\n"
                    .utf8))
        for (path, status) in globalFiles.sorted(by: { $0.0 < $1.0 }) {
            let input = hashed(path, status, previous?.inputs ?? [:])
            result.global[path] = input
            hasher.update(data: Data("\(path)\u{0}\(input.hash)\n".utf8))
        }
        result.globalFingerprint = hexString(hasher.finalize())
        // Each client folder.
        guard previous != nil else { return result }
        let folders = top.filter(\.isDirectory).map(\.name)
        // More threads than cores: this mostly waits on the file system when its caches are cold.
        let clients = folders.parallelMap(threads: Builder.ioThreads) { slug -> ClientInputs in
            let listed = FileStatus.files(under: clientsPath + "/" + slug)
            guard let known = previous?.clients[slug]?.inputs() else {
                // No record of this client: it is rebuilt anyway, and hashed as its files are read.
                return ClientInputs(
                    files: listed.map { ("content/clients/\(slug)/\($0.path)", Input(status: $0.status, hash: "")) },
                    fingerprint: nil)
            }
            let files = listed.map { file -> (path: String, input: Input) in
                let path = "content/clients/\(slug)/\(file.path)"
                return (path, hashed(path, file.status, known))
            }
            return ClientInputs(files: files, fingerprint: fingerprint(of: slug, files: files, options: options))
        }
        for (slug, client) in zip(folders, clients) { result.clients[slug] = client }
        return result
    }

    /// A client folder's fingerprint from its hashed files (sorted by path) and the passphrase it names,
    /// which enters only through its keyed hash (`FingerprintKey`); without that key, a fingerprint that
    /// matches no other (the client is rebuilt every time), never a plain hash of the passphrase.
    func fingerprint(of slug: String, files: [(path: String, input: Input)], options: Builder.Options) -> String {
        var hasher = SHA256()
        // The lines are gathered in one buffer and hashed once (the same bytes as hashing them one by one).
        var lines: [UInt8] = []
        lines.reserveCapacity(files.count * 128)
        for (path, input) in files {
            path.withUTF8Bytes { lines.append(contentsOf: $0) }
            lines.append(0)
            input.hash.withUTF8Bytes { lines.append(contentsOf: $0) }
            lines.append(10)
        }
        lines.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        for name in Self.passphraseNames(slug: slug, rootPath: root.path, environment: options.environment) {
            guard let keyed = fingerprintKey.hash(options.environment[name] ?? "\u{0}unset") else {
                return "unkeyed-" + hexString(PortalEncryption.randomBytes(16))
            }
            hasher.update(data: Data("env \(name)=\(keyed)\n".utf8))
        }
        return hexString(hasher.finalize())
    }

    /// A client folder's inputs complete: files its load read keep the hash of what was read, any other file
    /// is read and hashed now, and files the build itself added (a new token) are included.
    func completed(
        _ client: ClientInputs, slug: String, read digests: [String: String], added: [String: String],
        options: Builder.Options
    ) -> ClientInputs {
        var files = client.files.map { file -> (path: String, input: Input) in
            if !file.input.hash.isEmpty { return file }
            let hash =
                digests[file.path]
                ?? sha256Hex(FileManager.default.contents(atPath: root.path + "/" + file.path) ?? Data())
            return (file.path, Input(status: file.input.status, hash: hash))
        }
        for (path, contents) in added {
            let hash = sha256Hex(Data(contents.utf8))
            if let index = files.firstIndex(where: { $0.path == path }) {
                files[index].input = Input(status: nil, hash: hash)
            } else {
                files.append((path, Input(status: nil, hash: hash)))  // not stat-ed: hashed again next time
            }
        }
        files.sort { $0.path < $1.path }
        return ClientInputs(files: files, fingerprint: fingerprint(of: slug, files: files, options: options))
    }
}
