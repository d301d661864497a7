import Foundation

/// Files a command creates in the VA's site folder (`docket init`, `docket new`, `docket templates --eject`),
/// all or none: each is checked not to exist before any is written, and none is ever written over.
public struct NewFiles: Sendable {
    /// One file to create.
    public struct File: Sendable, Equatable {
        /// Where, relative to the site folder.
        public var path: String
        /// Its bytes.
        public var data: Data
    }

    /// The files, in the order they are written (and listed).
    public var files: [File]

    /// The paths of the files, in order.
    public var paths: [String] { files.map(\.path) }

    /// Reports each file that already exists under `root` (`refusal` says why that is a problem and what to
    /// do); true when none does.
    func checkFree(root: URL, diagnostics: inout Diagnostics, refusal: String) -> Bool {
        var free = true
        for file in files where FileManager.default.fileExists(atPath: root.appendingPathComponent(file.path).path) {
            diagnostics.error(file.path, refusal)
            free = false
        }
        return free
    }

    /// Writes every file, making the folders they need; never over an existing file (that throws, and the
    /// files written before it stay).
    public func write(root: URL) throws {
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url, options: .withoutOverwriting)
        }
    }
}
