import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the built files into `public/`, touching only what changed.
///
/// A file is written only when its bytes differ from what is there. Each file is written whole to a
/// temporary file outside the output folder (`.docket-cache/tmp/`, see `SiteWriter+Scratch.swift`), then
/// renamed to its name, so that a build killed at any moment never leaves a half-written file under a name
/// that is published, nor a temporary file that would be uploaded. Files Docket wrote in an earlier build
/// and no longer produces are removed, with folders they leave empty (`removeStale`); what a build produced
/// is kept in its record,
/// `.docket/build-record` in the site folder (outside `public/`, so the list of portals is never
/// uploaded; see `BuildCache`). Anything else in `public/` is left alone.
public struct SiteWriter: Sendable {
    /// The site folder.
    let root: URL
    /// The output folder's name inside the site folder.
    let folder: String
    /// Whether each file is written to a temporary file and renamed into place (false only for a new output
    /// folder that is itself renamed into place once complete, `PageStage`'s).
    let whole: Bool
    /// The mode new files are created with (before the umask).
    let mode: mode_t

    /// Creates a writer for an output folder of a site (`public` by default).
    init(root: URL, folder: String = "public", whole: Bool = true, mode: mode_t = 0o644) {
        self.root = root
        self.folder = folder
        self.whole = whole
        self.mode = mode
    }

    /// The output folder.
    var publicDirectory: URL { root.appendingPathComponent(folder) }

    /// What a write did.
    public struct Outcome: Sendable, Equatable {
        /// Files created or rewritten.
        public var written = 0
        /// Files already up to date.
        public var unchanged = 0
        /// Stale files removed.
        public var removed = 0

        /// Adds another batch's counts.
        mutating func add(_ other: Outcome) {
            written += other.written
            unchanged += other.unchanged
            removed += other.removed
        }
    }

    /// Creates the output folder, and the scratch folder its files are written in first (mode 0700; a build
    /// empties it beforehand, `Scratch.prepare`). Call before `writeBatch`.
    func begin() throws {
        try FileManager.default.createDirectory(at: publicDirectory, withIntermediateDirectories: true)
        guard whole else { return }
        let scratch = Scratch(root: root).path
        if mkdir(scratch, 0o700) != 0, errno == ENOENT {
            try FileManager.default.createDirectory(
                atPath: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
    }

    /// Writes some of the files (on all cores), comparing each with what is there.
    func writeBatch(_ files: [OutputFile]) throws -> Outcome {
        try writeBatchKeepingStatus(files).outcome
    }

    /// `writeBatch`, also giving the status of each file it wrote into a folder it made (taken from the open
    /// file, in the order of `files`; nil for the others).
    func writeBatchKeepingStatus(_ files: [OutputFile]) throws -> (outcome: Outcome, statuses: [FileStatus?]) {
        var outcome = Outcome()
        let base = publicDirectory.path
        if let unsafe = files.first(where: { !Self.isSafeRelativePath($0.path) }) {
            throw WriteError(message: "\(unsafe.path.debugDescription): not a file name Docket writes")
        }
        var folders = Set<String>()
        for file in files {
            var folder = Self.parent(of: file.path)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = Self.parent(of: folder)
            }
        }
        // Folders made by this batch hold no file yet: their files are written without looking first.
        var created = Set<String>()
        for folder in folders.sorted() {
            let path = base + "/" + folder
            if mkdir(path, 0o755) == 0 {
                created.insert(folder)
                continue
            }
            let failure = errno
            var info = stat()
            // Links are followed, as Foundation's fileExists does.
            guard failure == EEXIST, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw WriteError(
                    message: "\(folder): \(String(cString: strerror(failure == EEXIST ? ENOTDIR : failure)))")
            }
        }
        // A folder made here is opened once, and its files are made relative to it (no walk of the whole
        // path for each file).
        var openFolders: [String: Int32] = [:]
        for folder in created {
            let descriptor = open(base + "/" + folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 { openFolders[folder] = descriptor }
        }
        defer { for descriptor in openFolders.values { close(descriptor) } }
        let fresh = openFolders
        let made = created
        let scratch = whole ? Scratch(root: root) : nil
        let mode = mode
        enum Result: Sendable {
            case written(FileStatus?)
            case unchanged
            case failed(String)
        }
        let results = files.parallelMap { file -> Result in
            let path = base + "/" + file.path
            do {
                let parent = Self.parent(of: file.path)
                if let scratch {
                    if made.contains(parent) {
                        return .written(
                            try scratch.put(
                                file.data, at: path, mode: mode,
                                folder: fresh[parent].map { ($0, Self.name(of: file.path)) }))
                    }
                    if let status = FileStatus.of(path), status.size == file.data.count,
                        FileManager.default.contents(atPath: path) == file.data
                    {
                        return .unchanged
                    }
                    _ = try scratch.put(file.data, at: path, mode: mode, folder: nil)
                    return .written(nil)
                }
                if let folder = fresh[parent] {
                    let name = Self.name(of: file.path)
                    return .written(try Self.writeNewFile(file.data, in: folder, name: name, path: path))
                } else if made.contains(parent) {
                    try Self.writeFile(file.data, to: path, replacing: false)
                } else if let status = FileStatus.of(path) {
                    if status.size == file.data.count, FileManager.default.contents(atPath: path) == file.data {
                        return .unchanged
                    }
                    try Self.writeFile(file.data, to: path, replacing: true)
                } else {
                    try Self.writeFile(file.data, to: path, replacing: false)
                }
                return .written(nil)
            } catch {
                return .failed("\(file.path): \(error.localizedDescription)")
            }
        }
        var statuses: [FileStatus?] = []
        statuses.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .written(let status):
                outcome.written += 1
                statuses.append(status)
            case .unchanged:
                outcome.unchanged += 1
                statuses.append(nil)
            case .failed(let message): throw WriteError(message: message)
            }
        }
        return (outcome, statuses)
    }

    /// `write(2)`, from Glibc or Darwin.
    static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #else
            Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// Writes a new file in an open folder and returns its status, taken from the open file before it is
    /// closed (`path`, the whole path, is only for messages).
    static func writeNewFile(_ data: Data, in folder: Int32, name: String, path: String) throws -> FileStatus? {
        let descriptor = openat(folder, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(message: "\(path): \(String(cString: strerror(errno)))") }
        var failure = writeAll(data, to: descriptor)
        var info = stat()
        let status = failure == 0 && fstat(descriptor, &info) == 0 ? FileStatus(info) : nil
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw WriteError(message: "\(path): \(String(cString: strerror(failure)))") }
        return status
    }

    #if DEBUG
        /// A test hook, in debug builds only (release builds have no such variable): with
        /// `DOCKET_TEST_WRITE_PAUSE_US` set, every file is written in two halves with that many microseconds
        /// between them, so that the killed-build test (`KilledBuildTests`) can land kills while files are
        /// half-written (docs/testing.md, "Crash-safe builds").
        static let testWritePause = ProcessInfo.processInfo.environment["DOCKET_TEST_WRITE_PAUSE_US"].flatMap {
            UInt32($0)
        }
    #endif

    /// Writes all the bytes to an open file; 0, or the error number.
    static func writeAll(_ data: Data, to descriptor: Int32) -> Int32 {
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                var count = buffer.count - offset
                #if DEBUG
                    let pause = offset == 0 && count > 1 ? testWritePause : nil
                    if pause != nil { count /= 2 }
                    defer { if let pause { usleep(pause) } }
                #endif
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, count)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        return failure
    }

    /// Writes bytes to a file with plain POSIX calls, for a writer with no scratch folder: a build's stage
    /// (`PageStage`), a folder made new. With `replacing`, the bytes go to `<path>.docket-new`, renamed over
    /// the file, so a reader never sees half a page; a build's writer uses `Scratch.put` instead.
    ///
    /// Pages are not flushed to disk one by one (`fsync`), as Foundation's `Data.write` does: that made
    /// writing a large site many times slower (docs/PERFORMANCE.md), and `public/` can always be built again.
    /// (Share tokens and keys, which cannot, are saved by `ShareToken.saveSecret`: 0600, then renamed.)
    static func writeFile(_ data: Data, to path: String, replacing: Bool) throws {
        let target = replacing ? path + ".docket-new" : path
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(message: "\(path): \(String(cString: strerror(errno)))") }
        var failure = writeAll(data, to: descriptor)
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0, replacing, rename(target, path) != 0 { failure = errno }
        if failure != 0 {
            if replacing { unlink(target) }
            throw WriteError(message: "\(path): \(String(cString: strerror(failure)))")
        }
    }

    /// The last part of a relative path (`c.html` for `a/b/c.html`).
    static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The folder part of a relative path (`a/b` for `a/b/c.html`, empty for `c.html`).
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Removes the files an earlier build produced (`previous`, relative to the output folder) that this one
    /// did not (`produced`), with folders they leave empty. Returns the paths removed.
    ///
    /// Only plain files are removed (`lstat`, then `unlink`), and only at a safe path (`isSafeRelativePath`)
    /// reached through real folders: a folder or a symbolic link at a listed path, or on the way to it, is left
    /// alone. Folders are removed only when empty (`rmdir`), never with what they hold, and never the output
    /// folder itself.
    func removeStale(_ previous: [String], produced paths: [String]) throws -> [String] {
        guard !previous.isEmpty else { return [] }
        let produced = Set(paths)
        let base = publicDirectory.path
        var removed: [String] = []
        for stale in previous where !produced.contains(stale) && Self.isSafeRelativePath(stale) {
            guard Self.isInRealFolders(stale, base: base) else { continue }
            let path = base + "/" + stale
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            guard unlink(path) == 0 else {
                if errno == ENOENT { continue }
                throw WriteError(message: "\(stale): \(String(cString: strerror(errno)))")
            }
            removed.append(stale)
            removeEmptyParents(of: stale)
        }
        return removed
    }

    /// Whether every folder on the way to a relative path is a real folder, not a symbolic link (`lstat`).
    static func isInRealFolders(_ path: String, base: String) -> Bool {
        var folder = parent(of: path)
        while !folder.isEmpty {
            var info = stat()
            guard lstat(base + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
            folder = parent(of: folder)
        }
        return true
    }

    /// A file that could not be written.
    struct WriteError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Whether a path can name a file below `public/`: relative, its parts neither empty (`a//b`, a final
    /// `/`), `.` nor `..`, and no control character (a byte below 0x20, or 0x7F) anywhere. Only such paths
    /// are ever written or removed.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }

    /// Removes the folders above a removed file (a relative path) that it left empty, up to but never
    /// including the output folder. `rmdir` removes only an empty folder, and not a symbolic link.
    func removeEmptyParents(of path: String) {
        let base = publicDirectory.path
        var folder = Self.parent(of: path)
        while !folder.isEmpty, rmdir(base + "/" + folder) == 0 {
            folder = Self.parent(of: folder)
        }
    }
}
