import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Writing each file whole: to a temporary file in `.docket-cache/tmp/`, then renamed to its name.
extension SiteWriter {
    /// The folder of a site where files are written before they are renamed into place:
    /// `.docket-cache/tmp/`, outside every output folder, so a temporary file is never uploaded, and readable
    /// by the VA only (mode 0700), since it may hold a draft email or a dashboard. Emptied by every build
    /// before it writes (`prepare`), which clears what a killed build left.
    struct Scratch: Sendable {
        /// The folder's path.
        let path: String

        /// The folder of the site in `root`.
        init(root: URL) {
            path = root.appendingPathComponent(".docket-cache/tmp").path
        }

        /// Removes the folder with whatever a killed build left in it, and makes it again, empty and
        /// private. Called under the site's lock (`SiteLock`), so no other build is writing in it.
        func prepare() throws {
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            guard chmod(path, 0o700) == 0 else {
                throw WriteError(message: "\(path): cannot make it private (mode 0700)")
            }
        }

        /// Writes `data` whole to a temporary file created with `mode`, then renames it to `target` (or, with
        /// `folder`, to that name in that open folder), replacing any file there. With `folder`, returns the
        /// file's status after the rename (taken from the open file); otherwise nil.
        ///
        /// When the temporary file cannot be made or renamed there (an output folder on another file
        /// system, through a symbolic link), it is written beside the target instead, as
        /// `<name>.docket-new`, and renamed the same way; such a file left by a killed build is removed by the
        /// next one (`removeLeftovers`).
        ///
        /// No file is flushed to disk (`fsync`): a killed process loses nothing the kernel has, and only a
        /// power cut could leave a renamed file empty; `public/` can then be built again.
        func put(_ data: Data, at target: String, mode: mode_t, folder: (descriptor: Int32, name: String)?) throws
            -> FileStatus?
        {
            let temporary = path + "/" + Self.uniqueName()
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            guard descriptor >= 0 else { return try putBeside(data, at: target, mode: mode, status: folder != nil) }
            var failure = SiteWriter.writeAll(data, to: descriptor)
            // Closed, and its error heard, before the file takes its name: some file systems (NFS, a quota)
            // report a failed write only then.
            if close(descriptor) != 0, failure == 0 { failure = errno }
            if failure == 0 {
                let renamed =
                    folder.map { renameat(AT_FDCWD, temporary, $0.descriptor, $0.name) } ?? rename(temporary, target)
                if renamed != 0 { failure = errno }
            }
            // The status after the rename, which changes the file's inode change time.
            var status: FileStatus?
            if failure == 0, let folder {
                var info = stat()
                if fstatat(folder.descriptor, folder.name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    status = FileStatus(info)
                }
            }
            if failure == EXDEV {
                unlink(temporary)
                return try putBeside(data, at: target, mode: mode, status: folder != nil)
            }
            if failure != 0 {
                unlink(temporary)
                throw WriteError(message: "\(target): \(String(cString: strerror(failure)))")
            }
            return status
        }

        /// Writes `data` to `<target>.docket-new` and renames it to `target`; with `status`, returns the file's
        /// status after the rename.
        private func putBeside(_ data: Data, at target: String, mode: mode_t, status: Bool) throws -> FileStatus? {
            let temporary = target + Self.leftoverSuffix
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
            guard descriptor >= 0 else { throw WriteError(message: "\(target): \(String(cString: strerror(errno)))") }
            var failure = SiteWriter.writeAll(data, to: descriptor)
            if failure == 0, rename(temporary, target) != 0 { failure = errno }
            var info = stat()
            let written = failure == 0 && status && fstat(descriptor, &info) == 0 ? FileStatus(info) : nil
            if close(descriptor) != 0 && failure == 0 { failure = errno }
            if failure != 0 {
                unlink(temporary)
                throw WriteError(message: "\(target): \(String(cString: strerror(failure)))")
            }
            return written
        }

        /// The suffix of a temporary file written beside its target.
        static let leftoverSuffix = ".docket-new"

        /// A name no other temporary file of this process has: the process id and a count.
        static func uniqueName() -> String {
            "\(getpid())-\(counter.next())"
        }

        private static let counter = Counter()
    }

    /// Removes the temporary files a killed build may have left beside files it was writing (`<path>.docket-new`,
    /// for each path relative to the output folder). Only plain files, through real folders.
    func removeLeftovers(of paths: [String]) {
        let base = publicDirectory.path
        for relative in Set(paths) where Self.isSafeRelativePath(relative) {
            guard Self.isInRealFolders(relative, base: base) else { continue }
            let leftover = base + "/" + relative + Scratch.leftoverSuffix
            var info = stat()
            if lstat(leftover, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { unlink(leftover) }
        }
    }
}

/// A count shared by threads.
private final class Counter: @unchecked Sendable {
    // @unchecked: `value` is read and written under `lock` only.
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
