import Foundation

// After the write: portal folders in public/ that this build did not produce.
extension Builder {
    /// Warns about each folder directly in `public/` that is named like a share token but is no portal of
    /// this build: an old portal that Docket's record no longer lists (the record was deleted, or the site
    /// was copied), whose link still opens it for as long as it is there. Docket never deletes a folder it
    /// cannot show it wrote; the warning names it and the fix. Not saved in the build record (it is made
    /// again by every build, so it is never repeated).
    static func warnAboutStrayPortals(_ report: inout Report, root: URL) {
        let produced = Set(report.portals.map { $0.token.lowercased() })
        let publicPath = root.appendingPathComponent("public").path
        for entry in FileStatus.entries(of: publicPath) where entry.isDirectory {
            guard isTokenShaped(entry.name), !produced.contains(entry.name.lowercased()) else { continue }
            report.diagnostics.warning(
                "public/\(entry.name)",
                "a portal folder this build did not produce (an old or revoked link, or another copy of the site's): its link opens it for as long as it is there; delete the folder, and upload public/ in a way that deletes it on the host too (such as `rsync --delete`)"
            )
        }
    }

    /// Whether a folder name has the shape of a share token, of this Docket or an earlier one: 22 to 128
    /// URL-safe base64 characters.
    private static func isTokenShaped(_ name: String) -> Bool {
        (22...128).contains(name.utf8.count)
            && name.utf8.allSatisfy(ShareToken.isBase64URLCharacter)
    }
}
