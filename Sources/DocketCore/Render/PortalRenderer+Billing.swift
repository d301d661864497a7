import Foundation

/// The billing pages of a portal: invoices, the statement, the account summary and the month-so-far estimate.
extension PortalRenderer {
    func account(_ statement: Statement, depth: Int) -> AccountView {
        let overdue = statement.overdue.map { invoiceSummary($0, depth: depth) }
        return AccountView(
            balance: money(abs(statement.balance)), owes: statement.balance > 0,
            inCredit: statement.balance < 0, overdue: overdue,
            hasOverdue: !overdue.isEmpty, nextDue: statement.nextDue.map { invoiceSummary($0, depth: depth) },
            latest: statement.latest.map { invoiceSummary($0, depth: depth) },
            hasInvoices: statement.latest != nil)
    }

    func invoiceSummary(_ invoice: Invoice, depth: Int) -> InvoiceSummaryView {
        let label: String
        switch invoice.status {
        case .paid: label = "Paid"
        case .overdue: label = "Overdue by \(invoice.daysOverdue) day\(invoice.daysOverdue == 1 ? "" : "s")"
        default: label = "Due \(invoice.due.shortDescription)"
        }
        return InvoiceSummaryView(
            number: invoice.number, href: String(repeating: "../", count: depth) + "invoices/\(invoice.number).html",
            issued: invoice.record.issued.shortDescription, due: invoice.due.shortDescription,
            total: money(invoice.total), balance: money(invoice.balance), status: invoice.status.rawValue,
            statusLabel: label, isOverdue: invoice.status == .overdue, isPaid: invoice.status == .paid)
    }

    /// How to pay, line by line: business.md's bank details and the reference to quote.
    static func bankLines(_ business: Business, reference: String) -> [String] {
        var bank: [String] = []
        if let details = business.bank {
            if let name = details.accountName { bank.append("Account name: \(name)") }
            if let bankName = details.bankName { bank.append("Bank: \(bankName)") }
            if let sortCode = details.sortCode { bank.append("Sort code: \(sortCode)") }
            if let account = details.account { bank.append("Account number: \(account)") }
            if let iban = details.iban { bank.append("IBAN: \(iban)") }
            if let bic = details.bic { bank.append("BIC: \(bic)") }
        }
        bank.append("Reference: \(reference)")
        return bank
    }

    /// The address of a page of this portal for an email: the invoice or month it shows (`name`), then,
    /// with `base_url`, the page's address (its opaque name in an encrypted portal, never a key).
    func pageAddress(_ path: String, name: String, fragment: String = "") -> String {
        guard let base = business.baseURL, let token else { return name }
        return "\(name), \(base)/\(token)/\(pageNames?.name(of: path) ?? path)\(fragment)"
    }

    static func addressLines(_ text: String?) -> [String] {
        guard let text else { return [] }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: lines end at `\n`, `\r`, `\u{0B}` or `\u{0C}` (the ASCII newlines), split by bytes.
            return text.utf8.split(whereSeparator: { $0 >= 0x0A && $0 <= 0x0D })
                .map { Substring($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    func invoicePage(_ invoice: Invoice, computed: ComputedClient, pagedMonths: Set<YearMonth>) -> InvoicePage {
        let client = computed.client
        let record = invoice.record
        let page = pageAddress("invoices/\(record.number).html", name: "invoice \(record.number)")
        let lines = invoice.lines.map { line in
            var view = lineView(line, pagedMonths: pagedMonths, portalRoot: "../")
            view.questionHref = emails.lineQuestion(
                number: record.number, description: line.description, quantity: "\(line.quantityText) \(line.unit)",
                unitPrice: view.unitPrice, amount: view.amount, page: page
            ).mailto()
            return view
        }
        let bank = Self.bankLines(business, reference: record.number)
        let supplyLabel = record.period == nil ? "Date of supply" : "Supply period"
        let supplyValue = record.period?.longDescription ?? (record.supplied ?? record.issued).longDescription
        let terms = invoice.terms.map { version in
            var text = "version \(version.version)"
            if let title = version.title { text += ", \(title)" }
            text += ", in force from \(version.effective.shortDescription)"
            if let on = version.agreedOn, let by = version.agreedBy {
                text += ", agreed by \(by) on \(on.shortDescription)"
            }
            return TermsLinkView(text: text, href: "../terms/\(version.version).html")
        }
        return InvoicePage(
            page: chrome(title: "Invoice \(record.number)", computed: computed, depth: 1, current: "invoice"),
            from: PartyView(
                name: business.name, contact: nil, addressLines: businessAddressLines,
                email: business.email, phone: business.phone, vatNumber: business.vatNumber),
            to: PartyView(
                name: client.name, contact: client.contact, addressLines: Self.addressLines(client.address),
                email: client.email, phone: nil, vatNumber: client.vatNumber),
            number: record.number, issued: record.issued.longDescription, due: invoice.due.longDescription,
            paymentTerms: "\(record.issued.days(until: invoice.due)) days", supplyLabel: supplyLabel,
            supplyValue: supplyValue, po: record.po,
            summary: invoiceSummary(invoice, depth: 1), daysOverdue: invoice.daysOverdue, lines: lines,
            subtotal: money(invoice.subtotal), hasVAT: invoice.vatTreatment == .standard,
            vatRate: invoice.vatRate.map { "\($0.text)%" } ?? "",
            vat: money(invoice.vat), vatNumber: business.vatNumber, total: money(invoice.total),
            payments: record.payments.map { PaymentView(date: $0.date.shortDescription, amount: money($0.amount)) },
            hasPayments: !record.payments.isEmpty, paid: money(invoice.paid), balance: money(invoice.balance),
            companyNumber: business.companyNumber, bankLines: bank, latePayment: business.latePayment,
            terms: terms, hasTerms: !terms.isEmpty, noteHTML: record.noteHTML, hasNote: !record.noteHTML.isEmpty,
            vatNote: invoice.vatTreatment?.invoiceNote)
    }

    /// An invoice line as printed, linking to the hours page (and day) behind it when there is one.
    func lineView(_ line: InvoiceLine, pagedMonths: Set<YearMonth>, portalRoot: String) -> InvoiceLineView {
        var href: String?
        if let month = line.month, pagedMonths.contains(month) {
            href = "\(portalRoot)hours/\(month).html" + (line.date.map { "#d\($0)" } ?? "")
        }
        return InvoiceLineView(
            description: line.description, quantity: line.quantityText, unit: line.unit,
            unitPrice: money(line.unitPrice), amount: money(line.amount), href: href)
    }

    /// The month so far, as the next invoice would bill it.
    func estimateView(_ estimate: Invoice, computed: ComputedClient) -> EstimateView {
        let paged = Set(computed.figures.months.map(\.month))
        // Billed in advance, the next invoice is next month's: its fee with this month's work.
        let label =
            estimate.record.period == today.yearMonth
            ? "\(today.yearMonth.longDescription) so far"
            : "Next invoice (\(estimate.record.period?.longDescription ?? "")) so far"
        return EstimateView(
            label: label,
            lines: estimate.lines.map { lineView($0, pagedMonths: paged, portalRoot: "") },
            hasVAT: estimate.vatTreatment == .standard, vat: money(estimate.vat),
            total: money(estimate.total))
    }

    func statementPage(_ computed: ComputedClient) -> StatementPage {
        let statement = computed.statement
        let rows = statement.rows.map { row in
            StatementRowView(
                date: row.date.shortDescription,
                description: row.isPayment ? "Payment received for \(row.number)" : "Invoice \(row.number)",
                href: "invoices/\(row.number).html",
                charge: row.isPayment ? "" : money(row.charge),
                payment: row.isPayment ? money(row.payment) : "", balance: money(row.balance))
        }
        let overdue = statement.overdue.map { invoiceSummary($0, depth: 0) }
        return StatementPage(
            page: chrome(title: "Statement", computed: computed, depth: 0, current: "statement"),
            clientName: computed.client.name, rows: rows, hasRows: !rows.isEmpty,
            balance: money(abs(statement.balance)),
            owes: statement.balance > 0, inCredit: statement.balance < 0, overdue: overdue,
            hasOverdue: !overdue.isEmpty,
            overdueTotal: money(statement.overdue.reduce(0) { $0 + $1.balance }),
            invoices: computed.publishedInvoices.reversed().map { invoiceSummary($0, depth: 0) },
            hasInvoices: !computed.publishedInvoices.isEmpty)
    }
}
