import Foundation

/// The share link of each active client, from `base_url` in business.md.
public enum ShareLinks {
    /// One client's link.
    public struct Link: Sendable, Equatable {
        /// The client's folder name.
        public var slug: String
        /// The full link, or the local path of the overview when business.md has no `base_url`.
        public var url: String
        /// Whether the token was created by this call.
        public var isNewToken: Bool
    }

    /// Loads the site and returns one link per active client, creating and storing missing tokens.
    public static func list(root: URL, diagnostics: inout Diagnostics) -> [Link] {
        guard let site = SiteLoader.load(root: root, diagnostics: &diagnostics), !diagnostics.hasErrors else { return [] }
        if site.business.baseURL == nil {
            diagnostics.warning("content/business.md", line: 1, column: 1,
                                "no `base_url`: showing local paths; expected `base_url: https://…` (where public/ is uploaded) to print share links")
        }
        var links: [Link] = []
        for content in site.clients where content.client.status == .active {
            var token = content.token
            var isNew = false
            if token == nil {
                let fresh = ShareToken.generate()
                do {
                    try Builder.saveToken(fresh, slug: content.client.slug, root: root)
                    token = fresh
                    isNew = true
                } catch {
                    diagnostics.error("\(content.folder)/\(ShareToken.fileName)", "cannot save a new share token: \(error.localizedDescription)")
                    continue
                }
            }
            guard let token else { continue }
            let url = site.business.baseURL.map { "\($0)/\(token)/" } ?? "public/\(token)/index.html"
            links.append(Link(slug: content.client.slug, url: url, isNewToken: isNew))
        }
        return links
    }
}
