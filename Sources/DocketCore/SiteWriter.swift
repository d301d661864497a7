import Foundation

/// Writes the built files into `public/`, touching only what changed.
///
/// A file is written only when its bytes differ from what is there (each write goes to a temporary file
/// that is then renamed over the old one). Files Docket wrote in an earlier build and no longer produces
/// are removed, with folders they leave empty; Docket remembers what it wrote in `.docket/manifest.txt`
/// in the site folder (outside `public/`, so the list of portals is never uploaded). Anything else in
/// `public/` is left alone.
public struct SiteWriter {
    /// The site folder.
    public let root: URL
    /// The output folder's name inside the site folder.
    public let folder: String

    /// Creates a writer for an output folder of a site (`public` by default).
    public init(root: URL, folder: String = "public") {
        self.root = root
        self.folder = folder
    }

    /// The output folder.
    public var publicDirectory: URL { root.appendingPathComponent(folder) }
    /// Where the list of written files is kept.
    public var manifestURL: URL {
        root.appendingPathComponent(folder == "public" ? ".docket/manifest.txt" : ".docket/\(folder)-manifest.txt")
    }

    /// What a write did.
    public struct Outcome: Sendable, Equatable {
        /// Files created or rewritten.
        public var written = 0
        /// Files already up to date.
        public var unchanged = 0
        /// Stale files removed.
        public var removed = 0
    }

    /// Writes every file, removes stale ones, and records the new manifest.
    public func write(_ files: [OutputFile]) throws -> Outcome {
        let fileManager = FileManager.default
        var outcome = Outcome()
        try fileManager.createDirectory(at: publicDirectory, withIntermediateDirectories: true)
        for file in files {
            let url = publicDirectory.appendingPathComponent(file.path)
            if let existing = fileManager.contents(atPath: url.path), existing == file.data {
                outcome.unchanged += 1
                continue
            }
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url, options: .atomic)
            outcome.written += 1
        }
        let produced = Set(files.map(\.path))
        for stale in previousManifest() where !produced.contains(stale) && isSafeRelativePath(stale) {
            let url = publicDirectory.appendingPathComponent(stale)
            if fileManager.fileExists(atPath: url.path) {
                try fileManager.removeItem(at: url)
                outcome.removed += 1
                removeEmptyParents(of: url)
            }
        }
        try fileManager.createDirectory(at: manifestURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((produced.sorted().joined(separator: "\n") + "\n").utf8).write(to: manifestURL, options: .atomic)
        return outcome
    }

    func previousManifest() -> [String] {
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Only plain relative paths below `public/` are ever removed.
    func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    func removeEmptyParents(of url: URL) {
        var folder = url.deletingLastPathComponent().standardizedFileURL
        let top = publicDirectory.standardizedFileURL.path
        while folder.path.hasPrefix(top + "/"),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent().standardizedFileURL
        }
    }
}
