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

    /// Whether a path in a portal folder (relative to it) is one Docket writes there: its pages, by their
    /// readable names (`hours/2026-11.html`, `invoices/<number>.html`, `terms/2.html`…) or their opaque ones
    /// (24 hexadecimal digits, `.html`), `data.json`, `calendar.ics` or the marker. Only such files are
    /// removed from a portal folder no record lists; anything else in it is left, and named.
    static func isPortalFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        func isHTMLName(_ name: Substring, _ allowed: (Character) -> Bool) -> Bool {
            name.hasSuffix(".html") && name.count > 5 && name.dropLast(5).allSatisfy(allowed)
        }
        switch parts.count {
        case 1:
            let name = parts[0]
            return ["index.html", "data.json", "calendar.ics", "statement.html", "deliverables.html", fileName]
                .contains(String(name))
                || (name.count == 29 && isHTMLName(name) { $0.isHexDigit && !$0.isUppercase })
        case 2:
            switch parts[0] {
            case "hours": return parts[1].count == 12 && isHTMLName(parts[1]) { $0.isNumber || $0 == "-" }
            case "terms": return parts[1] == "index.html" || isHTMLName(parts[1]) { $0.isASCII && $0.isNumber }
            case "invoices":
                return isHTMLName(parts[1]) { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
            default: return false
            }
        default: return false
        }
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
