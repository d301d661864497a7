import Foundation

/// The link to one invoice's page (`docket links --invoice NUMBER`).
extension ShareLinks {
    /// The link to the page of invoice `number`: `base_url`, the token and `invoices/<number>.html`; in an
    /// encrypted portal the page's opaque name instead, with `#k=` and the key for a link portal. A
    /// passphrase portal's names come from its key, so the passphrase must be in its environment variable
    /// (the link itself carries no key). Nil, with the reason in `diagnostics`, when there is no such sent
    /// invoice of an active client, or the passphrase is not set.
    public static func invoiceLink(
        number: String, root: URL, environment: [String: String], diagnostics: inout Diagnostics
    ) -> String? {
        // Every active client's link first: tokens and link keys not made yet are made and stored.
        let links = list(root: root, diagnostics: &diagnostics)
        var quiet = Diagnostics()  // the same site again: its warnings are already in `diagnostics`
        guard !diagnostics.hasErrors, let site = SiteLoader.load(root: root, diagnostics: &quiet), !quiet.hasErrors
        else { return nil }
        guard
            let content = site.clients.first(where: { $0.invoices.contains { $0.number == number } }),
            let record = content.invoices.first(where: { $0.number == number })
        else {
            diagnostics.error("content/clients", "no invoice `\(number)`; expected the `number:` of an invoice record")
            return nil
        }
        guard record.status == .sent else {
            diagnostics.error(
                record.path, line: record.numberLine, column: 1,
                "\(number) is \(record.status == .draft ? "a draft" : "void"): only a sent invoice has a page in the portal"
            )
            return nil
        }
        guard let portal = links.first(where: { $0.portal.slug == content.client.slug })?.portal else {
            diagnostics.error(
                "\(content.folder)/client.md", "\(content.client.slug) is archived: its invoices have no portal")
            return nil
        }
        let page = "invoices/\(number).html"
        let business = site.business
        let name: String
        switch content.client.portalEncryption {
        case nil:
            name = page
        case .link:
            guard let key = portal.linkKey.flatMap(PortalEncryption.data(base64URL:)) else {
                diagnostics.error("\(content.folder)/\(ShareToken.keyFileName)", "cannot read the portal key")
                return nil
            }
            name = PortalEncryption.link(key: key, business: business.name).pageNames.name(of: page)
        case .passphrase:
            let variable = content.client.portalPassphraseEnv ?? ""
            guard let passphrase = environment[variable], !passphrase.isEmpty else {
                diagnostics.error(
                    "\(content.folder)/client.md", line: content.client.portalPassphraseLine, column: 1,
                    "the environment variable \(variable) is not set; expected the portal passphrase in it: the names of a passphrase portal's pages come from its key"
                )
                return nil
            }
            guard let salt = content.portalSalt else {
                diagnostics.error(
                    "\(content.folder)/\(ShareToken.saltFileName)",
                    "the portal has no salt yet; run `docket build` first, then ask for the link again")
                return nil
            }
            do {
                name = try PortalEncryption.passphrase(passphrase, salt: salt, business: business.name).pageNames
                    .name(of: page)
            } catch {
                diagnostics.error("\(content.folder)/client.md", "cannot derive the portal key: \(error)")
                return nil
            }
        }
        return portal.link(to: name, baseURL: business.baseURL)
    }
}
