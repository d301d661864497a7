import Foundation

/// Rendered pages of clients waiting until the whole site has validated.
///
/// Nothing reaches `public/` before every client has been checked, yet holding every page of a large site
/// in memory would make memory grow with the number of clients. So a client's pages are rendered once and,
/// when many clients are being rebuilt, kept in one file per client under `.docket-cache/stage/` until they
/// are written (or thrown away when the build fails). A few clients are simply kept in memory.
///
/// When there is no `public/` yet (a first or clean build), pages go straight to their files in a new
/// `public/` being made beside it, `.docket-cache/public-new/`, which becomes `public/` by one rename once the
/// site validated (and is removed if it does not): every page is written once, where it will stay.
final class PageStage: @unchecked Sendable {
    // @unchecked: the one thing that changes after `init`, `memory`, is read and written only under `lock`.
    /// Where pages are kept on disk, one file per client; nil keeps them in memory (or in `tree`).
    let directory: URL?
    /// The new `public/` that pages are written into, when there was none.
    let tree: SiteWriter?
    private var memory: [String: [OutputFile]] = [:]
    private let lock = NSLock()

    /// A stage on disk in `directory`, or in memory when `directory` is nil.
    init(directory: URL?) throws {
        self.directory = directory
        tree = nil
        if let directory {
            try? FileManager.default.removeItem(at: directory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
    }

    /// A stage that writes pages into a new site folder `folder` under `root` (relative, like
    /// `.docket-cache/public-new`), to be put in place by `publish(as:)`.
    init(root: URL, newSiteFolder folder: String) throws {
        directory = nil
        // Its files need no temporary files: the folder is renamed into place only once it is complete.
        let writer = SiteWriter(root: root, folder: folder, whole: false)
        try? FileManager.default.removeItem(at: writer.publicDirectory)
        try writer.begin()
        tree = writer
    }

    /// Keeps a client's files (safe to call from several threads for different clients). Written into a new
    /// site folder, the status each file was left with, in order (nil where not known); nil otherwise.
    @discardableResult
    func put(_ slug: String, _ files: [OutputFile]) throws -> [FileStatus?]? {
        if let tree {
            return try tree.writeBatchKeepingStatus(files).statuses
        }
        guard let directory else {
            lock.lock()
            memory[slug] = files
            lock.unlock()
            return nil
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(files.reduce(0) { $0 + $1.data.count + $1.path.utf8.count + 24 })
        for file in files {
            bytes.append(contentsOf: Array("\(file.path)\n\(file.data.count)\n".utf8))
            bytes.append(contentsOf: file.data)
        }
        try SiteWriter.writeFile(Data(bytes), to: directory.appendingPathComponent(slug).path, replacing: false)
        return nil
    }

    /// Takes a client's files back (and forgets them).
    func take(_ slug: String) throws -> [OutputFile] {
        guard let directory else {
            lock.lock()
            defer { lock.unlock() }
            return memory.removeValue(forKey: slug) ?? []
        }
        let url = directory.appendingPathComponent(slug)
        let data = try Data(contentsOf: url)
        try? FileManager.default.removeItem(at: url)
        var files: [OutputFile] = []
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            func line() throws -> String {
                let start = index
                while index < bytes.count, bytes[index] != 10 { index += 1 }
                guard index < bytes.count else { throw CocoaError(.fileReadCorruptFile) }
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            while index < bytes.count {
                let path = try line()
                guard let count = Int(try line()), count >= 0, index + count <= bytes.count else {
                    throw CocoaError(.fileReadCorruptFile)
                }
                files.append(
                    OutputFile(path: path, data: Data(UnsafeBufferPointer(rebasing: bytes[index..<(index + count)]))))
                index += count
            }
        }
        return files
    }

    /// Puts the new site folder in place as `destination`, which must not exist: one rename, or, where that
    /// cannot be done (another file system), each file written into it. Returns whether the files written
    /// into the new folder are the ones now in place (renamed, not copied), with the same status.
    @discardableResult
    func publish(as destination: SiteWriter) throws -> Bool {
        guard let tree else { return false }
        let from = tree.publicDirectory.path
        if rename(from, destination.publicDirectory.path) == 0 { return true }
        try destination.begin()
        var batch: [OutputFile] = []
        for (path, _) in FileStatus.files(under: from) {
            guard let data = FileManager.default.contents(atPath: from + "/" + path) else {
                throw SiteWriter.WriteError(message: "\(path): cannot be read back")
            }
            batch.append(OutputFile(path: path, data: data))
            if batch.count == 256 {
                _ = try destination.writeBatch(batch)
                batch = []
            }
        }
        _ = try destination.writeBatch(batch)
        try? FileManager.default.removeItem(atPath: from)
        return false
    }

    /// Throws away whatever is left.
    func discard() {
        lock.lock()
        memory = [:]
        lock.unlock()
        if let directory { try? FileManager.default.removeItem(at: directory) }
        if let tree { try? FileManager.default.removeItem(at: tree.publicDirectory) }
    }
}
