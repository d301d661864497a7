import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the VA's email drafts into `outbox/` in the site folder (beside `dashboard/`, never under
/// `public/`): the folder readable by the VA only (mode 0700), each draft too (0600), since they hold portal
/// links and keys; each is created 0600, so not even its temporary file is ever readable by others. Only
/// changed drafts are written; drafts the last build wrote and this one does not are removed, as the
/// dashboard's stale files are.
struct OutboxWriter {
    /// The site folder.
    let root: URL

    /// The writer of the folder's files.
    private var writer: SiteWriter { SiteWriter(root: root, folder: Builder.outboxFolder, mode: 0o600) }

    /// Writes `files` (relative to `outbox/`) and removes those of `previous` not among them; returns how
    /// many were removed. Throws when `outbox` is not a real folder of its own (a symbolic link, a file).
    func write(_ files: [OutputFile], previous: [String]?) throws -> Int {
        let folder = writer.publicDirectory.path
        var info = stat()
        if lstat(folder, &info) != 0 {
            guard errno == ENOENT, mkdir(folder, 0o700) == 0 || errno == EEXIST else {
                throw SiteWriter.WriteError(message: "\(Builder.outboxFolder): \(String(cString: strerror(errno)))")
            }
        } else if (info.st_mode & S_IFMT) != S_IFDIR {
            throw SiteWriter.WriteError(
                message: "\(Builder.outboxFolder) is not a folder (a symbolic link or a file): move it away")
        }
        guard chmod(folder, 0o700) == 0 else {
            throw SiteWriter.WriteError(message: "\(Builder.outboxFolder): \(String(cString: strerror(errno)))")
        }
        _ = try writer.writeBatch(files)
        for file in files {
            let path = folder + "/" + file.path
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, chmod(path, 0o600) == 0 else {
                throw SiteWriter.WriteError(message: "\(Builder.outboxFolder)/\(file.path): cannot make it private")
            }
        }
        guard let previous else { return 0 }
        return try writer.removeStale(previous, produced: files.map(\.path)).count
    }
}
