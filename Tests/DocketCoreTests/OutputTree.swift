import Foundation

/// Every file a build writes into a site's output folders (`public/`, `dashboard/`, `outbox/`), by path under
/// the site folder, with its bytes: what the crash-safety tests compare.
struct OutputTree: Equatable {
    /// The output folders.
    static let folders = ["public", "dashboard", "outbox"]

    var files: [String: Data] = [:]

    /// The output files of the site in `root` as they are on disk now.
    init(site root: URL) {
        for folder in Self.folders {
            for (path, data) in TemporarySite.files(under: root.appendingPathComponent(folder)) {
                files[folder + "/" + path] = data
            }
        }
    }

    init(files: [String: Data]) {
        self.files = files
    }

    /// What is wrong with this tree as the state of a build interrupted on its way from `before` to `after`:
    /// each file must be byte for byte as in one of them (a file of neither — half-written, a temporary
    /// file, a stale file — is named with why). A file of only one of them may be missing (each file is
    /// replaced whole, not the tree at once), but a file of both must be there: a page is never taken away
    /// to be written again.
    func violations(before: OutputTree, after: OutputTree) -> [String] {
        var found: [String] = []
        for path in before.files.keys.sorted() where after.files[path] != nil && files[path] == nil {
            found.append("\(path): missing, though it is in the tree before and the tree after")
        }
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let old = before.files[path]
            let new = after.files[path]
            if old == nil && new == nil {
                found.append("\(path): in neither the tree before nor the tree after (\(data.count) bytes)")
            } else if data != old && data != new {
                let sizes = [old, new].compactMap { $0.map { String($0.count) } }.joined(separator: " or ")
                found.append("\(path): neither as before nor as after (\(data.count) bytes, expected \(sizes))")
            }
        }
        return found
    }

    /// The differences from `expected`: files missing, extra or with other bytes.
    func differences(from expected: OutputTree) -> [String] {
        var found: [String] = []
        for path in Set(files.keys).union(expected.files.keys).sorted() {
            switch (files[path], expected.files[path]) {
            case (nil, _): found.append("\(path): missing")
            case (_, nil): found.append("\(path): not expected")
            case (let data?, let wanted?) where data != wanted: found.append("\(path): other bytes")
            default: break
            }
        }
        return found
    }
}
