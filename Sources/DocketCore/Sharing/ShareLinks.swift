import Foundation

/// The share link of each active client, from `base_url` in business.md.
public enum ShareLinks {
    /// Gives one client a new share token (and a new key for a link-encrypted portal, a new salt for a
    /// passphrase portal, so that nothing of the old portal's encryption opens the new one), revoking the
    /// old link: the next build removes the old portal folder. Other clients are untouched.
    public static func rotate(slug: String, root: URL, diagnostics: inout Diagnostics) -> Bool {
        guard let site = SiteLoader.load(root: root, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            return false
        }
        guard let content = site.clients.first(where: { $0.client.slug == slug }) else {
            let known = site.clients.map(\.client.slug).joined(separator: ", ")
            diagnostics.error("content/clients/\(slug)", "no client `\(slug)`; expected one of: \(known)")
            return false
        }
        guard content.client.status == .active else {
            diagnostics.error("\(content.folder)/client.md", "\(slug) is archived and has no portal to rotate")
            return false
        }
        do {
            try ShareToken.save(ShareToken.generate(), slug: slug, root: root)
            if content.client.portalEncryption == .link {
                try ShareToken.saveSecret(
                    PortalEncryption.base64URL(ShareToken.newLinkKey()),
                    name: ShareToken.keyFileName, slug: slug, root: root)
            }
            if content.client.portalEncryption == .passphrase {
                try ShareToken.saveSecret(
                    PortalEncryption.base64URL(ShareToken.newSalt()),
                    name: ShareToken.saltFileName, slug: slug, root: root)
            }
            return true
        } catch {
            diagnostics.error(
                "\(content.folder)/\(ShareToken.fileName)", "cannot save the new token: \(error.localizedDescription)")
            return false
        }
    }

    /// Loads the site and returns one link per active client, creating and storing missing tokens (and the
    /// key of a link-encrypted portal, which the link carries after `#k=`).
    public static func list(root: URL, diagnostics: inout Diagnostics) -> [(portal: Portal, url: String)] {
        guard let site = SiteLoader.load(root: root, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            return []
        }
        if site.business.baseURL == nil {
            diagnostics.warning(
                "content/business.md", line: 1, column: 1,
                "no `base_url`: showing local paths; expected `base_url: https://…` (where public/ is uploaded) to print share links"
            )
        }
        var links: [(portal: Portal, url: String)] = []
        for content in site.clients where content.client.status == .active {
            var token = content.token
            var isNew = false
            if token == nil {
                let fresh = ShareToken.generate()
                do {
                    try ShareToken.save(fresh, slug: content.client.slug, root: root)
                    token = fresh
                    isNew = true
                } catch {
                    diagnostics.error(
                        "\(content.folder)/\(ShareToken.fileName)",
                        "cannot save a new share token: \(error.localizedDescription)")
                    continue
                }
            }
            guard let token else { continue }
            var portal = Portal(
                slug: content.client.slug, name: content.client.name, token: token, isNewToken: isNew,
                encryption: content.client.portalEncryption)
            if content.client.portalEncryption == .link {
                var key = content.portalKey
                if key == nil {
                    let fresh = ShareToken.newLinkKey()
                    do {
                        try ShareToken.saveSecret(
                            PortalEncryption.base64URL(fresh), name: ShareToken.keyFileName,
                            slug: content.client.slug, root: root)
                        key = fresh
                    } catch {
                        diagnostics.error(
                            "\(content.folder)/\(ShareToken.keyFileName)",
                            "cannot save a new portal key: \(error.localizedDescription)")
                        continue
                    }
                }
                portal.linkKey = key.map(PortalEncryption.base64URL)
            }
            links.append((portal, portal.link(baseURL: site.business.baseURL)))
        }
        return links
    }
}
