/// One client (`content/clients/<slug>/client.md`): contact, rates, retainer and core hours.
///
/// The Markdown body of client.md is the VA's private notes. It is never read into this model, so it
/// cannot reach a page.
struct Client: Sendable {
    /// The folder name: lowercase letters, digits and `-`, 1–64 characters.
    var slug: String
    /// The client's name.
    var name: String
    /// The person the VA deals with.
    var contact: String
    /// The client's email.
    var email: String
    /// Postal address (required for invoicing).
    var address: String?
    /// The currency of every amount of this client: client.md's `currency`, else business.md's.
    var currency: Currency
    /// client.md's `vat`, or nil when it is not written (see `VATTreatment.of`).
    var vat: VATTreatment? = nil
    /// The client's own VAT registration number, printed on its invoices.
    var vatNumber: String? = nil
    /// The billing figures written in client.md. Agreed terms versions may change them from a month's first
    /// day: the figures of a month come from `ClientContent.timeline`, never from here directly.
    var figures: WrittenFigures
    /// Whether the client gets a portal.
    var status: ClientStatus
    /// Environment variable holding the portal passphrase, when the portal is encrypted with one.
    var portalPassphraseEnv: String?
    /// How the portal is encrypted, or nil for a plain portal.
    var portalEncryption: PortalEncryptionMode? = nil
    /// The line of `portal_passphrase_env` in client.md, for messages about it.
    var portalPassphraseLine: Int = 0
}

/// Whether a client is current.
enum ClientStatus: String, Sendable, CaseIterable {
    /// Current client: a portal is built.
    case active
    /// Former client: no portal is built.
    case archived
}

extension Client {
    /// Whether a folder name is a valid client slug.
    static func isValidSlug(_ slug: String) -> Bool {
        (1...64).contains(slug.count)
            && slug.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }
    }

    /// Parses a client.md, giving the client (nil when it cannot be used) and the currency its other files are
    /// read in: client.md's `currency` when it is a known code, else business.md's (even when the client itself
    /// cannot be used, so its timesheets and invoices are still checked in the right currency).
    static func read(
        _ file: SourceFile, slug: String, business: Business,
        diagnostics: inout Diagnostics
    ) -> (client: Client?, currency: Currency) {
        let frontMatter = FrontMatter.split(file, diagnostics: &diagnostics)
        let fields = FieldReader.parse(frontMatter, path: file.path)
        defer { diagnostics.append(contentsOf: fields.diagnostics) }
        // The currency first: every amount of client.md is read in it.
        let currency = fields.currency("currency") ?? business.currency

        let name = fields.string("name", required: true)
        let contact = fields.string("contact", required: true)
        let email = fields.string("email", required: true)
        let address = fields.address("address")
        let figures = WrittenFigures.read(fields, currency: currency, rateRequired: true)
        let (vat, vatNumber) = readVAT(fields, business: business)
        let status = fields.choice("status", ClientStatus.self) ?? .active
        let passphraseEnv = fields.string("portal_passphrase_env")
        let passphraseLine = fields.node("portal_passphrase_env").map { fields.position(of: $0).0 } ?? 1
        var encryption = fields.choice("portal_encryption", PortalEncryptionMode.self)
        if encryption == nil, passphraseEnv != nil { encryption = .passphrase }
        if encryption == .passphrase, passphraseEnv == nil {
            fields.error(
                field: "portal_encryption",
                "`portal_encryption: passphrase` needs `portal_passphrase_env`: the name of the environment variable that holds the passphrase"
            )
        }
        if encryption == .link, passphraseEnv != nil {
            fields.error(
                field: "portal_encryption",
                "`portal_encryption: link` uses a key in the link, not a passphrase; remove `portal_passphrase_env` or use `portal_encryption: passphrase`"
            )
        }
        if let name = passphraseEnv, !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            fields.error(
                field: "portal_passphrase_env",
                "`portal_passphrase_env` must be an environment variable name like `ACME_PORTAL_PASS`, found `\(name)`")
        }
        fields.finish()

        guard let name, let contact, let email, figures.rate != nil, !fields.diagnostics.hasErrors else {
            return (nil, currency)
        }
        let client = Client(
            slug: slug, name: name, contact: contact, email: email, address: address,
            currency: currency, vat: vat, vatNumber: vatNumber, figures: figures, status: status,
            portalPassphraseEnv: passphraseEnv, portalEncryption: encryption,
            portalPassphraseLine: passphraseLine)
        return (client, currency)
    }

    /// Reads `vat` and `vat_number`. `vat` needs business.md's `vat_number` (a business that is not VAT
    /// registered charges no VAT at all), and `reverse_charge` needs the client's `vat_number`.
    private static func readVAT(_ fields: FieldReader, business: Business) -> (VATTreatment?, String?) {
        let vat = fields.choice("vat", VATTreatment.self)
        let vatNumber = fields.string("vat_number")
        guard let vat else { return (nil, vatNumber) }
        if business.vatNumber == nil {
            fields.error(
                field: "vat",
                "`vat` is set but content/business.md has no `vat_number`; a business that is not VAT registered charges no VAT: remove `vat`, or add your `vat_number` to business.md"
            )
            return (nil, vatNumber)
        }
        if vat == .reverseCharge, vatNumber == nil {
            fields.error(
                field: "vat",
                "`vat: reverse_charge` needs the client's VAT number: the invoice must show it, as the client accounts for the VAT; add `vat_number` (like `vat_number: DE123456789`) to this file"
            )
        }
        return (vat, vatNumber)
    }
}
