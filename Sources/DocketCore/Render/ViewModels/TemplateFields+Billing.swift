/// How the billing pages' view models (invoices, the statement, the account, the month-so-far estimate)
/// appear to templates; see TemplateFields.swift.

extension InvoicePage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "from", "to", "number", "issued", "due", "paymentTerms", "supplyLabel", "supplyValue", "po", "summary", "daysOverdue", "lines", "subtotal", "hasVAT", "vatRate", "vat", "vatNumber", "total", "payments", "hasPayments", "paid", "balance", "companyNumber", "bankLines", "latePayment", "terms", "hasTerms", "noteHTML", "hasNote", "vatNote"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(31)
        arena.set(first, page.slot(in: arena))
        arena.set(first + 1, from.slot(in: arena))
        arena.set(first + 2, to.slot(in: arena))
        arena.set(first + 3, number.slot(in: arena))
        arena.set(first + 4, issued.slot(in: arena))
        arena.set(first + 5, due.slot(in: arena))
        arena.set(first + 6, paymentTerms.slot(in: arena))
        arena.set(first + 7, supplyLabel.slot(in: arena))
        arena.set(first + 8, supplyValue.slot(in: arena))
        arena.set(first + 9, po.slot(in: arena))
        arena.set(first + 10, summary.slot(in: arena))
        arena.set(first + 11, daysOverdue.slot(in: arena))
        arena.set(first + 12, lines.slot(in: arena))
        arena.set(first + 13, subtotal.slot(in: arena))
        arena.set(first + 14, hasVAT.slot(in: arena))
        arena.set(first + 15, vatRate.slot(in: arena))
        arena.set(first + 16, vat.slot(in: arena))
        arena.set(first + 17, vatNumber.slot(in: arena))
        arena.set(first + 18, total.slot(in: arena))
        arena.set(first + 19, payments.slot(in: arena))
        arena.set(first + 20, hasPayments.slot(in: arena))
        arena.set(first + 21, paid.slot(in: arena))
        arena.set(first + 22, balance.slot(in: arena))
        arena.set(first + 23, companyNumber.slot(in: arena))
        arena.set(first + 24, bankLines.slot(in: arena))
        arena.set(first + 25, latePayment.slot(in: arena))
        arena.set(first + 26, terms.slot(in: arena))
        arena.set(first + 27, hasTerms.slot(in: arena))
        arena.set(first + 28, noteHTML.slot(in: arena))
        arena.set(first + 29, hasNote.slot(in: arena))
        arena.set(first + 30, vatNote.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension StatementPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "rows", "hasRows", "balance", "owes", "inCredit", "overdue", "hasOverdue", "overdueTotal", "invoices", "hasInvoices"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(12)
        arena.set(first, page.slot(in: arena))
        arena.set(first + 1, clientName.slot(in: arena))
        arena.set(first + 2, rows.slot(in: arena))
        arena.set(first + 3, hasRows.slot(in: arena))
        arena.set(first + 4, balance.slot(in: arena))
        arena.set(first + 5, owes.slot(in: arena))
        arena.set(first + 6, inCredit.slot(in: arena))
        arena.set(first + 7, overdue.slot(in: arena))
        arena.set(first + 8, hasOverdue.slot(in: arena))
        arena.set(first + 9, overdueTotal.slot(in: arena))
        arena.set(first + 10, invoices.slot(in: arena))
        arena.set(first + 11, hasInvoices.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension InvoiceSummaryView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["number", "href", "issued", "due", "total", "balance", "status", "statusLabel", "isOverdue", "isPaid"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(10)
        arena.set(first, number.slot(in: arena))
        arena.set(first + 1, href.slot(in: arena))
        arena.set(first + 2, issued.slot(in: arena))
        arena.set(first + 3, due.slot(in: arena))
        arena.set(first + 4, total.slot(in: arena))
        arena.set(first + 5, balance.slot(in: arena))
        arena.set(first + 6, status.slot(in: arena))
        arena.set(first + 7, statusLabel.slot(in: arena))
        arena.set(first + 8, isOverdue.slot(in: arena))
        arena.set(first + 9, isPaid.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension PartyView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["name", "contact", "addressLines", "email", "phone", "vatNumber"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(6)
        arena.set(first, name.slot(in: arena))
        arena.set(first + 1, contact.slot(in: arena))
        arena.set(first + 2, addressLines.slot(in: arena))
        arena.set(first + 3, email.slot(in: arena))
        arena.set(first + 4, phone.slot(in: arena))
        arena.set(first + 5, vatNumber.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension InvoiceLineView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["description", "quantity", "unit", "unitPrice", "amount", "href"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(6)
        arena.set(first, description.slot(in: arena))
        arena.set(first + 1, quantity.slot(in: arena))
        arena.set(first + 2, unit.slot(in: arena))
        arena.set(first + 3, unitPrice.slot(in: arena))
        arena.set(first + 4, amount.slot(in: arena))
        arena.set(first + 5, href.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension PaymentView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["date", "amount"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(2)
        arena.set(first, date.slot(in: arena))
        arena.set(first + 1, amount.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension TermsLinkView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["text", "href"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(2)
        arena.set(first, text.slot(in: arena))
        arena.set(first + 1, href.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension AccountView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["balance", "owes", "inCredit", "overdue", "hasOverdue", "nextDue", "latest", "hasInvoices"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(8)
        arena.set(first, balance.slot(in: arena))
        arena.set(first + 1, owes.slot(in: arena))
        arena.set(first + 2, inCredit.slot(in: arena))
        arena.set(first + 3, overdue.slot(in: arena))
        arena.set(first + 4, hasOverdue.slot(in: arena))
        arena.set(first + 5, nextDue.slot(in: arena))
        arena.set(first + 6, latest.slot(in: arena))
        arena.set(first + 7, hasInvoices.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension StatementRowView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["date", "description", "href", "charge", "payment", "balance"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(6)
        arena.set(first, date.slot(in: arena))
        arena.set(first + 1, description.slot(in: arena))
        arena.set(first + 2, href.slot(in: arena))
        arena.set(first + 3, charge.slot(in: arena))
        arena.set(first + 4, payment.slot(in: arena))
        arena.set(first + 5, balance.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension EstimateView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["label", "lines", "hasVAT", "vat", "total"]

    /// The estimate's values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(5)
        arena.set(first, label.slot(in: arena))
        arena.set(first + 1, lines.slot(in: arena))
        arena.set(first + 2, hasVAT.slot(in: arena))
        arena.set(first + 3, vat.slot(in: arena))
        arena.set(first + 4, total.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}
