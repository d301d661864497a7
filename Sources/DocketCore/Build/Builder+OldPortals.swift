import Foundation

// Step 8 of the pipeline, after the write: portal folders in public/ that this build did not produce, and
// naming the old portals a build removed.
extension Builder {
    /// Step 8: each folder directly in `public/` named like a share token that is no portal of this build
    /// (an old portal whose files no record lists: `.docket/` deleted after a rotation, or the site copied)
    /// is removed when its `PortalMarker` shows Docket wrote it, with `SiteWriter`'s strict rule, and named in
    /// a warning otherwise: its link opens it for as long as it is there. A removed portal goes to
    /// `report.removedPortals`, by slug when `previous` (the last build's record) names it. The warnings are
    /// not saved in the build record (every build makes them again, so they are never repeated).
    static func clearOldPortals(_ report: inout Report, root: URL, previous: BuildCache.Record?) {
        let produced = Set(report.portals.map { $0.token.lowercased() })
        let writer = SiteWriter(root: root)
        let publicPath = writer.publicDirectory.path
        // With no record, nothing listed the last build's files: in each portal this build produced, the
        // pages of an older build (another key's opaque names, readable names from before it was encrypted)
        // are found by their names and removed.
        if previous == nil && !report.portals.isEmpty {
            let paths = Set(report.paths)
            for portal in report.portals {
                let removal = writer.removeUnproducedFiles(in: portal.token, produced: paths)
                report.outcome.removed += removal.removed
                if removal.removed > 0 { report.reusedCache = false }
            }
        }
        for entry in FileStatus.entries(of: publicPath) where entry.isDirectory {
            guard isTokenShaped(entry.name), !produced.contains(entry.name.lowercased()) else { continue }
            guard PortalMarker.isMarked(publicPath + "/" + entry.name) else {
                // Named without its token: build output ends up in CI and deploy logs.
                report.diagnostics.warning(
                    "public",
                    "a portal folder this build did not produce, whose name starts with `\(entry.name.prefix(4))` (an old or revoked link, or another copy of the site's): its link opens it for as long as it is there; delete the folder, and upload public/ in a way that deletes it on the host too (such as `rsync --delete`)"
                )
                continue
            }
            let removal = writer.removeMarkedPortal(entry.name)
            report.outcome.removed += removal.removed
            if removal.removed > 0 { report.reusedCache = false }
            let slug = owner(of: entry.name, previous: previous)
            guard removal.left > 0 else {
                report.removedPortals.append(slug)
                continue
            }
            // Named without its token: build output ends up in CI and deploy logs.
            report.diagnostics.warning(
                "public",
                "an old portal folder Docket wrote (\(slug.map { "\($0)'s, " } ?? "")its name starts with `\(entry.name.prefix(4))`) still holds \(removal.left) thing\(removal.left == 1 ? "" : "s") Docket did not write and does not remove (a file of your own, a symbolic link, or something else that is not a plain file); delete that folder yourself, and upload public/ in a way that deletes it on the host too (such as `rsync --delete`)"
            )
        }
    }

    /// The old portals whose files `removeStale` removed (`paths`, relative to `public/`): each token-shaped
    /// folder they were in that is no portal of this build, in the order first met, by its client's slug
    /// when `previous` names it.
    static func portalsRemoved(_ paths: [String], portals: [Portal], previous: BuildCache.Record?) -> [String?] {
        let produced = Set(portals.map { $0.token.lowercased() })
        var seen = Set<String>()
        var removed: [String?] = []
        for path in paths {
            let folder = String(path.prefix { $0 != "/" })
            guard folder.count < path.count, isTokenShaped(folder), !produced.contains(folder.lowercased()),
                seen.insert(folder).inserted
            else { continue }
            removed.append(owner(of: folder, previous: previous))
        }
        return removed
    }

    /// The client whose portal was in `folder` at the last build, when its record says.
    private static func owner(of folder: String, previous: BuildCache.Record?) -> String? {
        guard let previous else { return nil }
        if let portal = previous.portals.first(where: { $0.token == folder }) { return portal.slug }
        let prefix = folder + "/"
        return previous.clients.first { $0.value.outputs.first?.hasPrefix(prefix) == true }?.key
    }

    /// Whether a folder name has the shape of a share token, of this Docket or an earlier one: 22 to 128
    /// URL-safe base64 characters.
    private static func isTokenShaped(_ name: String) -> Bool {
        (22...128).contains(name.utf8.count)
            && name.utf8.allSatisfy(ShareToken.isBase64URLCharacter)
    }
}
