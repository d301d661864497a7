/// A party on an invoice: the VA or the client.
struct PartyView: Sendable {
    /// Name.
    var name: String
    /// The person to contact, if any.
    var contact: String?
    /// Postal address, one line each.
    var addressLines: [String]
    /// Email.
    var email: String
    /// Phone, if any.
    var phone: String?
    /// VAT registration number, if any.
    var vatNumber: String?
}

/// One line of an invoice as printed.
struct InvoiceLineView: Sendable {
    /// What it bills.
    var description: String
    /// `12.50`.
    var quantity: String
    /// `h`, `mi`, `month`, `item`.
    var unit: String
    /// `£30.00`.
    var unitPrice: String
    /// `£375.00`.
    var amount: String
    /// The hours page (and day) that explains the line, relative to the invoice page.
    var href: String?
    /// A `mailto:` link to the VA asking about this line (invoice pages only).
    var questionHref: String? = nil
}

/// A payment as printed.
struct PaymentView: Sendable {
    /// `10 Dec 2026`.
    var date: String
    /// `£400.00`.
    var amount: String
}

/// A short reference to an invoice, for lists.
struct InvoiceSummaryView: Sendable {
    /// Number.
    var number: String
    /// Link from the portal root.
    var href: String
    /// Issue date.
    var issued: String
    /// Due date.
    var due: String
    /// Total.
    var total: String
    /// Balance left.
    var balance: String
    /// `sent`, `paid`, `overdue`.
    var status: String
    /// `Paid`, `Overdue by 12 days`, `Due 15 Dec 2026`.
    var statusLabel: String
    /// Whether it is overdue.
    var isOverdue: Bool
    /// Whether it is paid.
    var isPaid: Bool
}

/// `invoices/<number>.html`.
struct InvoicePage: Sendable {
    /// Layout data.
    var page: PageChrome
    /// The VA's business.
    var from: PartyView
    /// The client.
    var to: PartyView
    /// The number.
    var number: String
    /// Issue date.
    var issued: String
    /// Due date.
    var due: String
    /// Payment terms in days.
    var paymentTerms: String
    /// `Supply period` or `Date of supply`.
    var supplyLabel: String
    /// `November 2026` or `1 December 2026`.
    var supplyValue: String
    /// The client's purchase order, if any.
    var po: String?
    /// Summary with status.
    var summary: InvoiceSummaryView
    /// Days overdue, when overdue.
    var daysOverdue: Int
    /// The lines.
    var lines: [InvoiceLineView]
    /// Subtotal.
    var subtotal: String
    /// Whether VAT is charged at business.md's `vat_rate` (the standard treatment); the other treatments
    /// print `vatNote` instead.
    var hasVAT: Bool
    /// `20%`.
    var vatRate: String
    /// VAT amount.
    var vat: String
    /// The VA's VAT number.
    var vatNumber: String?
    /// Total.
    var total: String
    /// Payments received.
    var payments: [PaymentView]
    /// Whether any payment was received.
    var hasPayments: Bool
    /// Amount paid.
    var paid: String
    /// Balance due.
    var balance: String
    /// Company registration number, where set.
    var companyNumber: String?
    /// Bank details, one line each.
    var bankLines: [String]
    /// Late-payment terms.
    var latePayment: String?
    /// The terms in force during the period, for people, each linking to its page.
    var terms: [TermsLinkView]
    /// Whether any terms are named.
    var hasTerms: Bool
    /// The note written on the invoice, rendered by cmark (safe mode).
    var noteHTML: String
    /// Whether there is a note.
    var hasNote: Bool
    /// The VAT line of a client whose VAT is not standard, printed beside the VAT amount (0): `Zero-rated
    /// supply: VAT at 0%`, `Exempt from VAT`, `Reverse charge: the customer accounts for the VAT`; nil when VAT
    /// is charged at the standard rate or the business is not VAT registered.
    var vatNote: String?
}

/// A statement row as printed.
struct StatementRowView: Sendable {
    /// Date.
    var date: String
    /// `Invoice INV-2026-042` or `Payment, thank you (INV-2026-042)`.
    var description: String
    /// Link to the invoice.
    var href: String
    /// Amount invoiced, or empty.
    var charge: String
    /// Amount paid, or empty.
    var payment: String
    /// Running balance.
    var balance: String
}

/// `statement.html`.
struct StatementPage: Sendable {
    /// Layout data.
    var page: PageChrome
    /// The client's name.
    var clientName: String
    /// Rows, oldest first.
    var rows: [StatementRowView]
    /// Whether there is anything on the statement.
    var hasRows: Bool
    /// Balance owed now (its size: a credit is shown without a minus sign, beside `inCredit`).
    var balance: String
    /// Whether anything is owed.
    var owes: Bool
    /// Whether the client is in credit.
    var inCredit: Bool
    /// Overdue invoices.
    var overdue: [InvoiceSummaryView]
    /// Whether any invoice is overdue.
    var hasOverdue: Bool
    /// Total overdue.
    var overdueTotal: String
    /// Every published invoice, newest first.
    var invoices: [InvoiceSummaryView]
    /// Whether there are any.
    var hasInvoices: Bool
}

/// The money part of the overview.
struct AccountView: Sendable {
    /// Balance owed now (its size: a credit is shown without a minus sign, beside `inCredit`).
    var balance: String
    /// Whether anything is owed.
    var owes: Bool
    /// Whether the client has paid more than invoiced (the balance is in the client's favour).
    var inCredit: Bool
    /// Overdue invoices.
    var overdue: [InvoiceSummaryView]
    /// Whether any invoice is overdue.
    var hasOverdue: Bool
    /// The invoice due next.
    var nextDue: InvoiceSummaryView?
    /// The latest invoice.
    var latest: InvoiceSummaryView?
    /// Whether there are invoices at all.
    var hasInvoices: Bool
}

/// A link to a terms version.
struct TermsLinkView: Sendable {
    /// `version 2, Virtual assistance agreement, in force from 1 Sep 2026, agreed by Sam on 25 Aug 2026`.
    var text: String
    /// The version's page.
    var href: String
}
