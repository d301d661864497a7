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

    /// Removes a portal folder directly in the output folder (`name`, a safe single name, a real folder, not
    /// a symbolic link) that holds the `PortalMarker`, with the same strict rule as `removeStale`: only plain
    /// files Docket writes in a portal (`PortalMarker.isPortalFile`) are removed, one by one (`lstat`, then
    /// `unlink`), in the folder and in its real subfolders; anything else (a file of your own, a symbolic
    /// link) is left and counted; a folder is removed only once empty (`rmdir`). The marker goes last, once
    /// nothing else is left, and then the folder.
    func removeMarkedPortal(_ name: String) -> MarkedRemoval {
        sweep(name, keeping: nil)
    }

    /// In a portal folder this build produced (`name`), removes the files Docket writes in a portal that the
    /// build did not produce (`produced`: paths under the output folder), by the same strict rule: the old
    /// pages of a portal whose record is gone, after its key or its kind changed (an encrypted portal's pages
    /// take new names with a new key, and a portal that became encrypted leaves its readable pages). The
    /// folder and its marker stay; anything Docket does not write is left alone, not counted.
    func removeUnproducedFiles(in name: String, produced: Set<String>) -> MarkedRemoval {
        var result = sweep(name, keeping: produced)
        result.left = 0
        return result
    }

    /// Empties a marked portal folder of Docket's plain files, except those in `keeping`; with `keeping` nil,
    /// then removes the marker and the folder when nothing else is left.
    private func sweep(_ name: String, keeping: Set<String>?) -> MarkedRemoval {
        var result = MarkedRemoval()
        let base = publicDirectory.path
        var folderInfo = stat()
        guard Self.isSafeRelativePath(name), !name.contains("/"), lstat(base + "/" + name, &folderInfo) == 0,
            (folderInfo.st_mode & S_IFMT) == S_IFDIR, PortalMarker.isMarked(base + "/" + name)
        else {
            return result
        }
        // Empties a real folder of Docket's plain files, depth first, skipping the marker at the top.
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
                    let inPortal = String(child.dropFirst(name.count + 1))
                    guard PortalMarker.isPortalFile(inPortal), keeping?.contains(child) != true else {
                        if keeping == nil { result.left += 1 }
                        continue
                    }
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
        guard keeping == nil, result.left == 0 else { return result }
        let marker = base + "/" + name + "/" + PortalMarker.fileName
        var info = stat()
        if lstat(marker, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, unlink(marker) == 0 { result.removed += 1 }
        if rmdir(base + "/" + name) != 0 && errno != ENOENT { result.left += 1 }
        return result
    }
}
