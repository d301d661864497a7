/// One client (`content/clients/<slug>/client.md`): contact, rates, retainer and core hours.
///
/// The Markdown body of client.md is the VA's private notes. It is never read into this model, so it
/// cannot reach a page.
public struct Client: Sendable {
    /// The folder name: lowercase letters, digits and `-`, 1–64 characters.
    public var slug: String
    /// The client's name.
    public var name: String
    /// The person the VA deals with.
    public var contact: String
    /// The client's email.
    public var email: String
    /// Postal address (required for invoicing).
    public var address: String?
    /// Hourly rate for work, in minor units.
    public var rate: MinorUnits
    /// Hourly rate for travel, in minor units (default: `rate`).
    public var travelRate: MinorUnits
    /// Rate per mile or kilometre, in minor units; nil when none is agreed.
    public var mileageRate: MinorUnits?
    /// The unit mileage is billed in.
    public var distanceUnit: DistanceUnit
    /// Each work and travel entry is rounded up to a multiple of this many minutes (1 = no rounding).
    public var increment: Int
    /// Days to pay.
    public var paymentTerms: Int
    /// Agreed hours; nil means every hour is core.
    public var coreHours: CoreHours?
    /// Hourly rate for work outside core hours, in minor units (default: `rate`).
    public var outOfHoursRate: MinorUnits
    /// The monthly package, if any.
    public var retainer: RetainerTerms?
    /// Whether the client gets a portal.
    public var status: ClientStatus
    /// Environment variable holding the portal passphrase, when the portal is encrypted with one.
    public var portalPassphraseEnv: String?
    /// How the portal is encrypted, or nil for a plain portal.
    public var portalEncryption: PortalEncryptionMode? = nil
    /// The line of `portal_passphrase_env` in client.md, for messages about it.
    public var portalPassphraseLine: Int = 0
}

/// Whether a client is current.
public enum ClientStatus: String, Sendable, CaseIterable {
    /// Current client: a portal is built.
    case active
    /// Former client: no portal is built.
    case archived
}

extension Client {
    /// Whether a folder name is a valid client slug.
    public static func isValidSlug(_ slug: String) -> Bool {
        (1...64).contains(slug.count) && slug.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }

    /// Parses a client.md. Problems go to `diagnostics`; nil when the client cannot be used.
    public static func parse(_ file: SourceFile, slug: String, business: Business, diagnostics: inout Diagnostics) -> Client? {
        let frontMatter = FrontMatter.split(file, diagnostics: &diagnostics)
        let fields = FieldReader.parse(frontMatter, path: file.path)
        defer { diagnostics.append(contentsOf: fields.diagnostics) }
        let currency = business.currency

        let name = fields.string("name", required: true)
        let contact = fields.string("contact", required: true)
        let email = fields.string("email", required: true)
        let address = fields.string("address")
        let rate = fields.money("rate", currency: currency, required: true)
        let travelRate = fields.money("travel_rate", currency: currency)
        let mileageRate = fields.money("mileage_rate", currency: currency)
        let distanceUnit = fields.choice("distance_unit", DistanceUnit.self) ?? .mi
        var increment = fields.duration("increment") ?? 1
        if increment > 240 {
            fields.error(field: "increment", "`increment` must be at most 4h; expected a rounding step like `6m`, `15m` or `30m`")
            increment = 1
        }
        let paymentTerms = fields.integer("payment_terms", in: 0...365) ?? business.paymentTerms
        var coreHours: CoreHours?
        if let text = fields.string("core_hours") {
            switch CoreHours.parse(text) {
            case .success(let hours): coreHours = hours
            case .failure(let message): fields.error(field: "core_hours", "`core_hours`: \(message.text)")
            }
        }
        let outOfHoursRate = fields.money("out_of_hours_rate", currency: currency)
        var retainer: RetainerTerms?
        if let group = fields.group("retainer") {
            retainer = RetainerTerms.parse(group, currency: currency, rate: rate ?? 0)
            group.finish()
            fields.adopt(group)
        }
        let status = fields.choice("status", ClientStatus.self) ?? .active
        let passphraseEnv = fields.string("portal_passphrase_env")
        let passphraseLine = fields.node("portal_passphrase_env").map { fields.position(of: $0).0 } ?? 1
        var encryption = fields.choice("portal_encryption", PortalEncryptionMode.self)
        if encryption == nil, passphraseEnv != nil { encryption = .passphrase }
        if encryption == .passphrase, passphraseEnv == nil {
            fields.error(field: "portal_encryption", "`portal_encryption: passphrase` needs `portal_passphrase_env`: the name of the environment variable that holds the passphrase")
        }
        if encryption == .link, passphraseEnv != nil {
            fields.error(field: "portal_encryption", "`portal_encryption: link` uses a key in the link, not a passphrase; remove `portal_passphrase_env` or use `portal_encryption: passphrase`")
        }
        if let name = passphraseEnv, !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            fields.error(field: "portal_passphrase_env", "`portal_passphrase_env` must be an environment variable name like `ACME_PORTAL_PASS`, found `\(name)`")
        }
        fields.finish()

        guard let name, let contact, let email, let rate else { return nil }
        if fields.diagnostics.hasErrors { return nil }
        return Client(slug: slug, name: name, contact: contact, email: email, address: address, rate: rate,
                      travelRate: travelRate ?? rate, mileageRate: mileageRate, distanceUnit: distanceUnit,
                      increment: increment, paymentTerms: paymentTerms, coreHours: coreHours,
                      outOfHoursRate: outOfHoursRate ?? rate, retainer: retainer, status: status,
                      portalPassphraseEnv: passphraseEnv, portalEncryption: encryption,
                      portalPassphraseLine: passphraseLine)
    }
}
