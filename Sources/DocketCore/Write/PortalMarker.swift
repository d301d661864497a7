import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file that marks a folder of `public/` as a portal Docket wrote: `<token>/.docket-portal`, written
/// with every portal and listed among its files.
///
/// Its text is the same fixed sentence in every portal, never a slug, a name or a key: it is uploaded with
/// the portal, where anyone with the link can read it. It lets a build recognise an old portal folder even
/// when no build record lists its files (`.docket/` deleted after `docket links --rotate`) and remove it
/// (`SiteWriter.removeMarkedPortal`).
enum PortalMarker {
    /// The marker's name inside a portal folder.
    static let fileName = ".docket-portal"

    /// The marker's text, the same in every portal.
    static let contents = Data(
        "This folder is a client portal written by Docket; a build removes it once it no longer makes this portal.\n"
            .utf8)

    /// The marker of the portal whose folder is `token`.
    static func file(token: String) -> OutputFile {
        OutputFile(path: "\(token)/\(fileName)", data: contents)
    }

    /// Whether a folder holds the marker: a plain file (not a symbolic link) with exactly the marker's text.
    static func isMarked(_ folder: String) -> Bool {
        let path = folder + "/" + fileName
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == contents.count
        else { return false }
        return FileManager.default.contents(atPath: path) == contents
    }
}
