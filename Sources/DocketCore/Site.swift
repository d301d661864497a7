import Foundation

/// Everything read from a site's `content/` folder, parsed and validated.
public struct Site: Sendable {
    /// The VA's business.
    public var business: Business
    /// Every client folder that parsed, sorted by slug.
    public var clients: [ClientContent]
}

/// One client's content.
public struct ClientContent: Sendable {
    /// The client record.
    public var client: Client
    /// Its timesheets, oldest month first.
    public var timesheets: [Timesheet]
    /// Every version of its terms, lowest version first.
    public var terms: [Terms] = []
    /// Its invoice records, by file name.
    public var invoices: [InvoiceRecord] = []
    /// Its deliverables from tasks.md, in the order written.
    public var deliverables: [Deliverable] = []
    /// The share token stored with the content, or nil when the client has none yet.
    public var token: String?
    /// The stored PBKDF2 salt of a passphrase portal (`portal-salt.txt`), if any.
    public var portalSalt: Data?
    /// The stored key of a link portal (`portal-key.txt`), if any.
    public var portalKey: Data?

    /// Path of the client's folder relative to the site.
    public var folder: String { "content/clients/\(client.slug)" }
}
