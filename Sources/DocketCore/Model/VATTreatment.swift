/// How VAT applies to a client's invoices (client.md's `vat`), when the business is VAT registered.
///
/// `standard` charges business.md's `vat_rate`; the other three charge no VAT and say why on the invoice.
enum VATTreatment: String, Sendable, CaseIterable {
    /// VAT at business.md's `vat_rate` (the default).
    case standard
    /// A zero-rated supply: VAT at 0%.
    case zero
    /// A supply exempt from VAT: no VAT, and no VAT rate.
    case exempt
    /// The customer accounts for the VAT (a business customer abroad): no VAT charged, both VAT numbers printed.
    case reverseCharge = "reverse_charge"

    /// The line an invoice prints to say why no VAT (or VAT at 0%) is charged; nil for `standard`.
    var invoiceNote: String? {
        switch self {
        case .standard: return nil
        case .zero: return "Zero-rated supply: VAT at 0%"
        case .exempt: return "Exempt from VAT"
        case .reverseCharge: return "Reverse charge: the customer accounts for the VAT"
        }
    }

    /// The treatment of a client's invoices: client.md's `vat`, else `standard` when the business has a
    /// `vat_number`; nil when the business is not VAT registered (no VAT at all).
    static func of(_ client: Client, business: Business) -> VATTreatment? {
        guard business.vatNumber != nil else { return nil }
        return client.vat ?? .standard
    }

    /// The VAT rate an invoice charges under a treatment: business.md's `vat_rate` for `standard`, 0 for
    /// `zero`; nil (no VAT at all) for `exempt`, `reverse_charge` and a business that is not VAT registered.
    static func rate(_ treatment: VATTreatment?, business: Business) -> FixedDecimal? {
        switch treatment {
        case .standard: return business.vatRate
        case .zero: return FixedDecimal(digits: 0, scale: 0, negative: false)
        case .exempt, .reverseCharge, nil: return nil
        }
    }
}
