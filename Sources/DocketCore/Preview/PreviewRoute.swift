import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `docket serve` answers for a request path: one of its own endpoints, or a file under `public/` or
/// `dashboard/`, and nothing else.
///
/// The path is the request's raw, still percent-encoded path. It is decoded once, then refused when any of its
/// segments is `.` or `..`, empty in the middle, or holds a NUL or a backslash; the file is then looked up
/// segment by segment without following a symbolic link, so nothing outside the two folders can be reached.
public enum PreviewRoute: Equatable, Sendable {
    /// `/`: the preview's own index, linking the dashboard and every portal.
    case index
    /// `/_docket/events`: the Server-Sent Events stream that tells open pages to reload.
    case events
    /// `/_docket/errors`: the last build's errors as text, one `path:line:column: error: message` a line.
    case errors
    /// `/_docket/overlay.css`: the error overlay's stylesheet.
    case overlayStyle
    /// A regular file to send, by its full path on disk.
    case file(path: String)
    /// A folder asked for without its final `/`: redirect to this path so relative links work.
    case redirect(location: String)
    /// Nothing here.
    case notFound

    /// Where the dashboard is served: `dashboard/` beside `public/`, never inside it.
    public static let dashboardPrefix = "/_dashboard/"
    /// Where the preview's own endpoints live.
    static let ownPrefix = "/_docket/"

    /// Resolves a raw request path against the site folder `root`.
    public static func resolve(_ rawPath: String, root: URL) -> PreviewRoute {
        guard let path = decode(rawPath) else { return .notFound }
        switch path {
        case "/": return .index
        case ownPrefix + "events": return .events
        case ownPrefix + "errors": return .errors
        case ownPrefix + "overlay.css": return .overlayStyle
        default: break
        }
        if path.hasPrefix(ownPrefix) { return .notFound }
        let folder: String
        let relative: Substring
        if path == String(dashboardPrefix.dropLast()) {
            return .redirect(location: dashboardPrefix)
        } else if path.hasPrefix(dashboardPrefix) {
            folder = Builder.dashboardFolder
            relative = path.dropFirst(dashboardPrefix.count)
        } else {
            folder = "public"
            relative = path.dropFirst()
        }
        guard let segments = segments(of: relative) else { return .notFound }
        let base = root.appendingPathComponent(folder).path
        switch lookUp(segments, under: base) {
        case .file(let file): return .file(path: file)
        case .folder:
            // Only a folder's own address, ending in `/`, shows its index.html.
            guard path.hasSuffix("/") || segments.isEmpty else { return .redirect(location: rawPath + "/") }
            if case .file(let file) = lookUp(segments + ["index.html"], under: base) { return .file(path: file) }
            return .notFound
        case .missing: return .notFound
        }
    }

    /// The path percent-decoded once, or nil when it is not a clean absolute path (no `%00`, no backslash,
    /// no malformed escape, no `?` left over).
    static func decode(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return nil }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        return decoded
    }

    /// The path's segments below its folder (a final empty segment, from a trailing `/`, dropped), or nil when
    /// one is `.`, `..` or empty in the middle.
    static func segments(of relative: Substring) -> [String]? {
        var parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        for part in parts where part.isEmpty || part == "." || part == ".." { return nil }
        return parts
    }

    /// What a path is, found segment by segment with `lstat`: a symbolic link anywhere is missing.
    enum Found: Equatable {
        /// A regular file, by its full path.
        case file(String)
        /// A folder.
        case folder
        /// Nothing, or something not to send (a link, a device).
        case missing
    }

    /// Looks up `segments` under the folder `base`, never following a symbolic link.
    static func lookUp(_ segments: [String], under base: String) -> Found {
        var path = base
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return .missing }
        for (index, segment) in segments.enumerated() {
            path += "/" + segment
            guard lstat(path, &info) == 0 else { return .missing }
            let type = info.st_mode & S_IFMT
            // Every segment but the last must be a folder; a link anywhere is refused, not followed.
            guard type == S_IFDIR || (type == S_IFREG && index == segments.count - 1) else { return .missing }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(path)
        case S_IFDIR: return .folder
        default: return .missing
        }
    }

    /// The `Content-Type` of a file Docket writes, by its extension.
    public static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "json": return "application/json"
        case "ics": return "text/calendar; charset=utf-8"
        case "png": return "image/png"
        case "svg": return "image/svg+xml"
        case "txt": return "text/plain; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "ico": return "image/x-icon"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        default: return "application/octet-stream"
        }
    }
}
