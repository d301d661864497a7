import Foundation

/// Points a page's relative links at files that moved: the page itself moved from `oldPath` to `newPath`,
/// and `renamed` gives the new path of every file of the portal that has one (paths under `public/`).
///
/// Used when an encrypted portal's pages take opaque names: the pages are rendered with readable paths (so
/// that templates, custom ones included, need not know), then each `href="…"` and `src="…"` that is relative
/// is resolved against where the page was, mapped, and written relative to where the page is now, its
/// `?query` and `#fragment` kept. Links with a scheme (`https:`, `mailto:`), from the site's root (`/`) or
/// within the page (`#…`) are left as they are. The pages are Docket's own HTML, in which every attribute
/// value is quoted with `"` and a `"` in text is always escaped, so an attribute is found by its name alone.
enum RelativeLinks {
    /// The page's bytes with its relative links rewritten.
    static func rewrite(_ html: Data, from oldPath: String, to newPath: String, renamed: [String: String]) -> Data {
        let bytes = [UInt8](html)
        let oldFolder = folders(of: oldPath)
        let newFolder = folders(of: newPath)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        var index = 0
        while let value = nextAttributeValue(in: bytes, from: index) {
            index = value.upperBound
            let text = String(decoding: bytes[value], as: UTF8.self)
            guard let moved = relink(text, oldFolder: oldFolder, newFolder: newFolder, renamed: renamed),
                moved != text
            else { continue }
            output.append(contentsOf: bytes[copied..<value.lowerBound])
            output.append(contentsOf: Array(moved.utf8))
            copied = value.upperBound
        }
        guard copied > 0 else { return html }
        output.append(contentsOf: bytes[copied...])
        return Data(output)
    }

    /// The next `href="…"` or `src="…"` value at or after `start`: the range of its bytes between the quotes.
    private static func nextAttributeValue(in bytes: [UInt8], from start: Int) -> Range<Int>? {
        let quote = UInt8(ascii: "\"")
        var index = start
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == quote else {
                continue
            }
            let isHref = index >= 5 && bytes[(index - 4)..<index].elementsEqual("href".utf8)
            let isSrc = index >= 4 && bytes[(index - 3)..<index].elementsEqual("src".utf8)
            let nameLength = isHref ? 4 : isSrc ? 3 : 0
            guard nameLength > 0, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[index - nameLength - 1]) else { continue }
            let valueStart = index + 2
            guard let end = bytes[valueStart...].firstIndex(of: quote) else { return nil }
            return valueStart..<end
        }
        return nil
    }

    /// A link's new text, or nil to leave it as it is.
    static func relink(_ link: String, oldFolder: [Substring], newFolder: [Substring], renamed: [String: String])
        -> String?
    {
        guard let first = link.first, first != "#", first != "/", first != "?" else { return nil }
        let pathEnd = link.firstIndex { $0 == "?" || $0 == "#" } ?? link.endIndex
        let path = link[..<pathEnd]
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }  // a scheme
        guard let target = resolve(path, in: oldFolder) else { return nil }
        let moved = renamed[target] ?? target
        return relative(to: moved, from: newFolder) + link[pathEnd...]
    }

    /// The folders a path (under `public/`) is in.
    static func folders(of path: String) -> [Substring] {
        Array(path.split(separator: "/", omittingEmptySubsequences: false).dropLast())
    }

    /// A relative path resolved in a folder: the path under `public/` (ending in `/` for a folder), or nil
    /// when it leaves `public/` or has an empty part.
    static func resolve(_ path: Substring, in folder: [Substring]) -> String? {
        var parts = folder
        var isFolder = false
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                isFolder = isLast
            case ".":
                isFolder = isLast
            case "":
                guard isLast, index > 0 else { return nil }
                isFolder = true
            default:
                parts.append(segment)
                isFolder = false
            }
        }
        let joined = parts.joined(separator: "/")
        return isFolder ? (joined.isEmpty ? "" : joined + "/") : joined
    }

    /// The relative link from a page in `folder` to `target` (a path under `public/`, ending in `/` for a
    /// folder; empty for `public/` itself).
    static func relative(to target: String, from folder: [Substring]) -> String {
        var targetParts = target.split(separator: "/", omittingEmptySubsequences: false)
        let isFolder = target.isEmpty || target.hasSuffix("/")
        if isFolder { targetParts.removeLast() }
        let targetFolders = isFolder ? targetParts[...] : targetParts.dropLast()
        var common = 0
        while common < folder.count, common < targetFolders.count, folder[common] == targetFolders[common] {
            common += 1
        }
        let up = String(repeating: "../", count: folder.count - common)
        let down = targetParts[common...].joined(separator: "/")
        if isFolder {
            let link = up + (down.isEmpty ? "" : down + "/")
            return link.isEmpty ? "./" : link
        }
        return up + down
    }
}
