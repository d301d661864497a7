/// The VA's own business: who they are, how they are paid, and site-wide defaults (`content/business.md`).
struct Business: Sendable {
    /// Trading name.
    var name: String
    /// Postal address, lines separated by newlines.
    var address: String
    /// Contact email.
    var email: String
    /// Contact phone.
    var phone: String?
    /// Company registration number (limited companies print it).
    var companyNumber: String?
    /// VAT registration number; when set, VAT is charged.
    var vatNumber: String?
    /// VAT rate in percent, exactly (`20`, `17.5`).
    var vatRate: FixedDecimal?
    /// The business currency: every client's, unless its client.md sets its own `currency`.
    var currency: Currency
    /// Default days to pay.
    var paymentTerms: Int
    /// How to pay.
    var bank: BankDetails?
    /// Late-payment terms printed on invoices.
    var latePayment: String?
    /// Where the site is hosted, used to print share links (no trailing slash).
    var baseURL: String?
    /// What `docket export xero` writes for account codes and tax rates (the `xero:` group).
    var xero = XeroSettings()

    /// The default payment terms when business.md sets none: 30 days, the UK statutory default.
    static let defaultPaymentTerms = 30
}

/// Bank details printed on invoices.
struct BankDetails: Sendable {
    /// The name on the account, printed as "Account name": the payee name a bank's Confirmation of Payee
    /// checks (`bank.account_name`; the older `bank.name` is read as it, with a warning).
    var accountName: String?
    /// The bank's own name, printed as "Bank" (`bank.bank_name`).
    var bankName: String?
    /// UK sort code.
    var sortCode: String?
    /// Account number.
    var account: String?
    /// IBAN.
    var iban: String?
    /// BIC / SWIFT code.
    var bic: String?
}

extension Business {
    /// Parses `content/business.md`. Problems are added to `diagnostics`; nil when a required field is missing.
    static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> Business? {
        let frontMatter = FrontMatter.split(file, diagnostics: &diagnostics)
        let fields = FieldReader.parse(frontMatter, path: file.path)
        defer { diagnostics.append(contentsOf: fields.diagnostics) }

        let currency = fields.currency("currency") ?? .gbp
        let name = fields.string("name", required: true)
        let address = fields.address("address", required: true)
        let email = fields.string("email", required: true)
        let phone = fields.string("phone")
        let companyNumber = fields.string("company_number")
        let vatNumber = fields.string("vat_number")
        var vatRate = fields.decimal("vat_rate", maxScale: 2)
        if vatRate != nil, vatNumber == nil {
            fields.error(
                field: "vat_rate",
                "`vat_rate` is set but `vat_number` is not; expected a `vat_number` to charge VAT, or no `vat_rate`")
        }
        if let rate = vatRate, rate.scaled(to: 2) > 100_00 {
            fields.error(field: "vat_rate", "`vat_rate` must be a percentage from 0 to 100")
            vatRate = nil
        }
        if vatNumber != nil, vatRate == nil { vatRate = FixedDecimal(digits: 20, scale: 0, negative: false) }
        let paymentTerms = fields.integer("payment_terms", in: 0...365) ?? Business.defaultPaymentTerms
        var bank: BankDetails?
        if let group = fields.group("bank") {
            bank = BankDetails(
                accountName: accountName(group), bankName: group.string("bank_name"),
                sortCode: group.string("sort_code"), account: group.string("account"),
                iban: group.string("iban"), bic: group.string("bic"))
            group.finish()
            fields.adopt(group)
        }
        let latePayment = fields.string("late_payment")
        var baseURL = fields.string("base_url")
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(" ") {
                fields.error(
                    field: "base_url", "`base_url` must be a web address starting with https://, found `\(url)`")
                baseURL = nil
            } else {
                while baseURL?.hasSuffix("/") == true { baseURL?.removeLast() }
                if !url.hasPrefix("https://"), !isLocal(url) {
                    fields.warning(
                        field: "base_url",
                        "`base_url` starts with http://; expected https://: a share link carries the portal's secret token (and a link portal's key), which plain HTTP lets anyone on the network read, and an encrypted portal opens only over HTTPS (browsers allow its decryption, Web Crypto, only on secure pages). http://localhost and http://127.0.0.1 are fine for trying the site on this computer"
                    )
                }
            }
        }
        let xero = XeroSettings.read(fields)
        fields.finish()
        guard let name, let address, let email else { return nil }
        return Business(
            name: name, address: address, email: email, phone: phone, companyNumber: companyNumber,
            vatNumber: vatNumber, vatRate: vatRate, currency: currency, paymentTerms: paymentTerms,
            bank: bank, latePayment: latePayment, baseURL: baseURL, xero: xero)
    }

    /// Whether an `http://` address is this computer (`localhost` or `127.0.0.1`, any port), where plain HTTP
    /// is safe and browsers allow Web Crypto.
    private static func isLocal(_ url: String) -> Bool {
        let host = url.dropFirst("http://".count).prefix { $0 != "/" && $0 != ":" }.lowercased()
        return host == "localhost" || host == "127.0.0.1"
    }

    /// `bank.account_name`, or the older `bank.name` read as it with a warning naming what to change.
    private static func accountName(_ bank: FieldReader) -> String? {
        let accountName = bank.string("account_name")
        guard let name = bank.string("name") else { return accountName }
        if accountName != nil {
            bank.error(
                field: "name",
                "`bank.name` and `bank.account_name` are both set; expected only `account_name` (the name on the account); put the bank's own name in `bank_name`"
            )
            return accountName
        }
        bank.warning(
            field: "name",
            "`bank.name` is read as the account name; rename it to `account_name` (the name on the account, which the payer's bank checks with Confirmation of Payee), and put the bank's own name, if you want it printed, in `bank_name`"
        )
        return name
    }
}
