import DocketTemplates
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the file system says about a file, read with POSIX calls (much faster than Foundation's
/// attribute dictionaries when a build looks at tens of thousands of files).
struct FileStatus: Equatable, Sendable {
    var size: Int
    var modified: Int  // nanoseconds since 1970
    var changed: Int  // inode change time, nanoseconds since 1970
    var inode: UInt64

    /// The status of a path, or nil when there is no regular file there.
    static func of(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    /// The status from a `stat` result, or nil when it is not a regular file.
    init?(_ info: stat) {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(anyType: info)
    }

    /// The status from a `stat` result of any type (a symbolic link's own, from `lstat`).
    init(anyType info: stat) {
        #if canImport(Darwin)
            modified = Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
            changed = Int(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int(info.st_ctimespec.tv_nsec)
        #else
            modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
        #endif
        size = Int(info.st_size)
        inode = UInt64(info.st_ino)
    }

    /// Creates a status.
    init(size: Int, modified: Int, changed: Int, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// One line of text: `size modified changed inode`.
    var line: String {
        var bytes: [UInt8] = []
        appendLine(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `line`'s bytes, digit by digit (no text made).
    func appendLine(to bytes: inout [UInt8]) {
        func decimal(_ value: UInt) { forEachDecimalDigit(of: value) { bytes.append($0) } }
        if size < 0 { bytes.append(UInt8(ascii: "-")) }
        decimal(size.magnitude)
        bytes.append(32)
        if modified < 0 { bytes.append(UInt8(ascii: "-")) }
        decimal(modified.magnitude)
        bytes.append(32)
        if changed < 0 { bytes.append(UInt8(ascii: "-")) }
        decimal(changed.magnitude)
        bytes.append(32)
        decimal(UInt(inode))
    }

    /// Every regular file and symbolic link below a folder (links not followed), as paths relative to it
    /// with their status, sorted by path; hidden names included. A link is listed with its own status, so
    /// that adding one changes a fingerprint and the loader, which refuses links, reports it.
    static func files(under root: String, skipping skipped: String? = nil) -> [(path: String, status: FileStatus)] {
        var result: [(path: String, status: FileStatus)] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            // Each entry is looked at relative to its open folder (`fstatat`), not by its whole path again.
            let folder = dirfd(directory)
            var folders: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name == "." || name == ".." || (relative.isEmpty && name == skipped) { continue }
                var info = stat()
                guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                switch info.st_mode & S_IFMT {
                case S_IFDIR: folders.append(child)
                case S_IFREG: if let status = FileStatus(info) { result.append((child, status)) }
                case S_IFLNK: result.append((child, FileStatus(anyType: info)))
                default: continue
                }
            }
            for child in folders { walk(child) }
        }
        walk("")
        return result.sorted { $0.path < $1.path }
    }

    /// Every file below a folder (paths relative to it, unsorted), found from the types `readdir` gives,
    /// with no status asked for (a file system that does not give types is asked).
    static func fileNames(under root: String) -> [String] {
        var result: [String] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            for (name, type) in namesAndTypes(in: path) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                var kind = type
                if kind == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(root + "/" + child, &info) == 0 else { continue }
                    kind =
                        (info.st_mode & S_IFMT) == S_IFDIR
                        ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0
                }
                if kind == UInt8(DT_DIR) { walk(child) } else if kind == UInt8(DT_REG) { result.append(child) }
            }
        }
        walk("")
        return result
    }
}

extension FileStatus {
    /// The names in a folder with whether each is a folder (not following links); empty when it cannot be read.
    static func entries(of path: String) -> [(name: String, isDirectory: Bool)] {
        var result: [(name: String, isDirectory: Bool)] = []
        for name in names(in: path) ?? [] {
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else { continue }
            result.append((name, (info.st_mode & S_IFMT) == S_IFDIR))
        }
        return result.sorted { $0.name < $1.name }
    }
}

extension FileStatus {
    /// The names in a folder (hidden ones included, `.` and `..` not), unsorted; nil when it cannot be opened.
    static func names(in path: String) -> [String]? {
        namesAndTypes(in: path)?.map(\.name)
    }

    /// The names in a folder with the type `readdir` gives for each (`DT_REG`, `DT_DIR`, `DT_LNK`, or
    /// `DT_UNKNOWN` on file systems that do not say), unsorted; nil when it cannot be opened.
    static func namesAndTypes(in path: String) -> [(name: String, type: UInt8)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append((name, entry.pointee.d_type)) }
        }
        return names
    }
}
