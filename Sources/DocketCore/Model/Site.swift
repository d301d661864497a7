import Foundation

/// Everything read from a site's `content/` folder, parsed and validated.
struct Site: Sendable {
    /// The VA's business.
    var business: Business
    /// Every client folder that parsed, sorted by slug.
    var clients: [ClientContent]
}

/// One client's content.
struct ClientContent: Sendable {
    /// The client record.
    var client: Client
    /// Its timesheets, oldest month first.
    var timesheets: [Timesheet]
    /// Every version of its terms, lowest version first.
    var terms: [Terms] = []
    /// Its invoice records, by file name.
    var invoices: [InvoiceRecord] = []
    /// Its deliverables from tasks.md, in the order written.
    var deliverables: [Deliverable] = []
    /// The share token stored with the content, or nil when the client has none yet.
    var token: String?
    /// The stored PBKDF2 salt of a passphrase portal (`portal-salt.txt`), if any.
    var portalSalt: Data?
    /// The stored key of a link portal (`portal-key.txt`), if any.
    var portalKey: Data?

    /// The client's billing figures month by month: client.md's, changed by agreed terms versions.
    var timeline: FiguresTimeline

    /// Gathers a client's content; `defaultPaymentTerms` is business.md's.
    init(
        client: Client, timesheets: [Timesheet], terms: [Terms] = [], invoices: [InvoiceRecord] = [],
        deliverables: [Deliverable] = [], token: String? = nil, portalSalt: Data? = nil, portalKey: Data? = nil,
        defaultPaymentTerms: Int = Business.defaultPaymentTerms
    ) {
        self.client = client
        self.timesheets = timesheets
        self.terms = terms
        self.invoices = invoices
        self.deliverables = deliverables
        self.token = token
        self.portalSalt = portalSalt
        self.portalKey = portalKey
        timeline = FiguresTimeline(base: client.figures, terms: terms, defaultPaymentTerms: defaultPaymentTerms)
    }

    /// Path of the client's folder relative to the site.
    var folder: String { "content/clients/\(client.slug)" }
}
