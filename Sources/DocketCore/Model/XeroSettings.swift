/// What `docket export xero` writes in the columns Xero matches against its own settings: the account code
/// of every row, and the tax rate name for each VAT treatment (business.md's `xero:` group; every key
/// optional).
struct XeroSettings: Sendable, Equatable {
    /// The sales account every row is coded to (`account_code`; Xero's standard "Sales" is `200`).
    var accountCode = "200"
    /// The tax rate of standard-rated invoices (`tax_type`); nil: `<vat_rate>% (VAT on Income)`, Xero UK's
    /// name for its standard and reduced rates.
    var taxType: String? = nil
    /// The tax rate of zero-rated invoices (`zero_rated`).
    var zeroRated = "Zero Rated Income"
    /// The tax rate of exempt invoices (`exempt`).
    var exempt = "Exempt Income"
    /// The tax rate of reverse-charge invoices (`reverse_charge`): the supply is outside the scope of UK VAT,
    /// which Xero UK records as "No VAT" (its "Reverse Charge" rates are for purchases).
    var reverseCharge = "No VAT"
    /// The tax rate when the business is not VAT registered (`no_vat`).
    var noVAT = "No VAT"

    /// The keys of the `xero:` group, in the order documented.
    static let keys = ["account_code", "tax_type", "zero_rated", "exempt", "reverse_charge", "no_vat"]

    /// Reads business.md's `xero:` group; the defaults for every key not written. A key that is not text, or
    /// is empty, is an error at its line; an unknown key is a warning.
    static func read(_ fields: FieldReader) -> XeroSettings {
        var settings = XeroSettings()
        guard let group = fields.group("xero") else { return settings }
        func text(_ key: String) -> String? {
            let value = group.string(key)
            if value == nil, group.has(key), group.node(key)?.scalar != nil {
                group.error(field: key, "`xero.\(key)` is empty; expected the name as Xero shows it, or no `\(key)`")
            }
            return value
        }
        if let code = text("account_code") { settings.accountCode = code }
        settings.taxType = text("tax_type")
        if let name = text("zero_rated") { settings.zeroRated = name }
        if let name = text("exempt") { settings.exempt = name }
        if let name = text("reverse_charge") { settings.reverseCharge = name }
        if let name = text("no_vat") { settings.noVAT = name }
        group.finish()
        fields.adopt(group)
        return settings
    }

    /// The tax rate name for an invoice under a VAT treatment (nil: the business is not VAT registered), with
    /// the business's VAT rate for the standard name.
    func taxType(for treatment: VATTreatment?, vatRate: FixedDecimal?) -> String {
        switch treatment {
        case .standard: return taxType ?? "\(vatRate?.text ?? "20")% (VAT on Income)"
        case .zero: return zeroRated
        case .exempt: return exempt
        case .reverseCharge: return reverseCharge
        case nil: return noVAT
        }
    }
}
