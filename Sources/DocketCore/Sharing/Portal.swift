import Foundation

/// A client's portal: its folder under `public/` (the share token), how it is protected, and the link to
/// share. What `docket build` reports, the build record keeps, `docket links` prints and the dashboard lists.
public struct Portal: Sendable, Equatable, Codable {
    /// The client's folder name.
    public var slug: String
    /// The client's name.
    var name: String
    /// The share token.
    var token: String
    /// Whether the token was created by this run.
    public var isNewToken: Bool
    /// How the portal is encrypted, if it is.
    public var encryption: PortalEncryptionMode? = nil
    /// For a link-encrypted portal, the key the link carries after `#k=` (from `portal-key.txt`; never in
    /// the build record).
    var linkKey: String? = nil
    /// Secrets created by this run, to store with the content: file name → contents.
    var newSecrets: [String: String] = [:]
    enum CodingKeys: String, CodingKey {
        case slug, name, token, isNewToken, encryption
    }

    /// The portal as the build record keeps it for the next build: its token and secrets stored, none of
    /// them new, and no key (a reused portal's key is read again from `portal-key.txt`).
    var asStored: Portal {
        var portal = self
        portal.isNewToken = false
        portal.newSecrets = [:]
        portal.linkKey = nil
        return portal
    }

    /// The portal with a link portal's key read from its stored `portal-key.txt` (for a portal from the
    /// build record, which holds no key); unchanged when it has its key or is not link-encrypted.
    func withStoredLinkKey(root: URL) -> Portal {
        guard encryption == .link, linkKey == nil else { return self }
        var portal = self
        let path = root.appendingPathComponent("content/clients/\(slug)/\(ShareToken.keyFileName)").path
        portal.linkKey = FileManager.default.contents(atPath: path).map {
            String(decoding: $0, as: UTF8.self).trimmingWhitespaceAndNewlines()
        }
        return portal
    }

    /// The portal's overview page relative to the site folder.
    var indexPath: String { "public/\(token)/index.html" }

    /// The link to share: `base_url` (business.md) and the token, or without one the overview's local path;
    /// with `#k=` and the key for a link-encrypted portal (the key travels only in the fragment).
    public func link(baseURL: String?) -> String {
        let address = baseURL.map { "\($0)/\(token)/" } ?? indexPath
        return linkKey.map { "\(address)#k=\($0)" } ?? address
    }

    /// The link to one page of the portal: `page` is its path in the portal's folder as written (an
    /// encrypted portal's opaque name), after `base_url` and the token (or `public/<token>/` without one),
    /// with `#k=` and the key for a link-encrypted portal.
    func link(to page: String, baseURL: String?) -> String {
        let address = baseURL.map { "\($0)/\(token)/\(page)" } ?? "public/\(token)/\(page)"
        return linkKey.map { "\(address)#k=\($0)" } ?? address
    }
}
