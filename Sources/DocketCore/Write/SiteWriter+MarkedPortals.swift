import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Removing an old portal folder that no record lists but whose marker shows Docket wrote it.
extension SiteWriter {
    /// What removing a marked portal folder did.
    struct MarkedRemoval: Sendable, Equatable {
        /// Plain files removed, the marker included.
        var removed = 0
        /// What was left: a symbolic link, any other thing that is neither a plain file nor a folder, or
        /// something that could not be removed. With anything left, the marker stays, so that the next build
        /// tries again.
        var left = 0
    }

    /// Removes a portal folder directly in the output folder (`name`, a safe single name) that holds the
    /// `PortalMarker`, with the same strict rule as `removeStale`: only plain files are removed, one by one
    /// (`lstat`, then `unlink`), in the folder and in its real subfolders; symbolic links are neither
    /// followed nor removed; a folder is removed only once empty (`rmdir`). The marker goes last, once
    /// nothing else is left, and then the folder.
    func removeMarkedPortal(_ name: String) -> MarkedRemoval {
        var result = MarkedRemoval()
        let base = publicDirectory.path
        guard Self.isSafeRelativePath(name), !name.contains("/"), PortalMarker.isMarked(base + "/" + name) else {
            return result
        }
        // Empties a real folder of plain files, depth first, skipping the marker at the top.
        func empty(_ folder: String) {
            guard let entries = FileStatus.namesAndTypes(in: base + "/" + folder) else {
                result.left += 1
                return
            }
            for (entryName, _) in entries where !(folder == name && entryName == PortalMarker.fileName) {
                let child = folder + "/" + entryName
                let path = base + "/" + child
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }  // gone meanwhile
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    if unlink(path) == 0 { result.removed += 1 } else if errno != ENOENT { result.left += 1 }
                case S_IFDIR:
                    let leftBefore = result.left
                    empty(child)
                    if rmdir(path) != 0 && errno != ENOENT && result.left == leftBefore { result.left += 1 }
                default:
                    result.left += 1
                }
            }
        }
        empty(name)
        guard result.left == 0 else { return result }
        let marker = base + "/" + name + "/" + PortalMarker.fileName
        var info = stat()
        if lstat(marker, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, unlink(marker) == 0 { result.removed += 1 }
        if rmdir(base + "/" + name) != 0 && errno != ENOENT { result.left += 1 }
        return result
    }
}
