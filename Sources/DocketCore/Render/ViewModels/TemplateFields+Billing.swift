import DocketTemplates

/// How the billing pages' view models (invoices, the statement, the account, the month-so-far estimate)
/// appear to templates; see TemplateFields.swift.

extension InvoicePage: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("page", page)
        object.field("from", from)
        object.field("to", to)
        object.field("number", number)
        object.field("issued", issued)
        object.field("due", due)
        object.field("paymentTerms", paymentTerms)
        object.field("supplyLabel", supplyLabel)
        object.field("supplyValue", supplyValue)
        object.field("po", po)
        object.field("summary", summary)
        object.field("daysOverdue", daysOverdue)
        object.field("lines", lines)
        object.field("subtotal", subtotal)
        object.field("hasVAT", hasVAT)
        object.field("vatRate", vatRate)
        object.field("vat", vat)
        object.field("vatNumber", vatNumber)
        object.field("total", total)
        object.field("payments", payments)
        object.field("hasPayments", hasPayments)
        object.field("paid", paid)
        object.field("balance", balance)
        object.field("companyNumber", companyNumber)
        object.field("bankLines", bankLines)
        object.field("latePayment", latePayment)
        object.field("terms", terms)
        object.field("hasTerms", hasTerms)
        object.field("noteHTML", noteHTML)
        object.field("hasNote", hasNote)
        object.field("vatNote", vatNote)
        return object.end()
    }
}

extension StatementPage: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("page", page)
        object.field("clientName", clientName)
        object.field("rows", rows)
        object.field("hasRows", hasRows)
        object.field("balance", balance)
        object.field("owes", owes)
        object.field("inCredit", inCredit)
        object.field("overdue", overdue)
        object.field("hasOverdue", hasOverdue)
        object.field("overdueTotal", overdueTotal)
        object.field("invoices", invoices)
        object.field("hasInvoices", hasInvoices)
        return object.end()
    }
}

extension InvoiceSummaryView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("number", number)
        object.field("href", href)
        object.field("issued", issued)
        object.field("due", due)
        object.field("total", total)
        object.field("balance", balance)
        object.field("status", status)
        object.field("statusLabel", statusLabel)
        object.field("isOverdue", isOverdue)
        object.field("isPaid", isPaid)
        return object.end()
    }
}

extension PartyView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("name", name)
        object.field("contact", contact)
        object.field("addressLines", addressLines)
        object.field("email", email)
        object.field("phone", phone)
        object.field("vatNumber", vatNumber)
        return object.end()
    }
}

extension InvoiceLineView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("description", description)
        object.field("quantity", quantity)
        object.field("unit", unit)
        object.field("unitPrice", unitPrice)
        object.field("amount", amount)
        object.field("href", href)
        object.field("questionHref", questionHref)
        return object.end()
    }
}

extension PaymentView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("date", date)
        object.field("amount", amount)
        return object.end()
    }
}

extension TermsLinkView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("text", text)
        object.field("href", href)
        return object.end()
    }
}

extension AccountView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("balance", balance)
        object.field("owes", owes)
        object.field("inCredit", inCredit)
        object.field("overdue", overdue)
        object.field("hasOverdue", hasOverdue)
        object.field("nextDue", nextDue)
        object.field("latest", latest)
        object.field("hasInvoices", hasInvoices)
        return object.end()
    }
}

extension StatementRowView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("date", date)
        object.field("description", description)
        object.field("href", href)
        object.field("charge", charge)
        object.field("payment", payment)
        object.field("balance", balance)
        return object.end()
    }
}

extension EstimateView: TemplateRepresentable {
    /// The estimate's values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("label", label)
        object.field("lines", lines)
        object.field("hasVAT", hasVAT)
        object.field("vat", vat)
        object.field("total", total)
        return object.end()
    }
}
