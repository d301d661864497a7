/// A party on an invoice: the VA or the client.
public struct PartyView: Sendable {
    /// Name.
    public var name: String
    /// The person to contact, if any.
    public var contact: String?
    /// Postal address, one line each.
    public var addressLines: [String]
    /// Email.
    public var email: String
    /// Phone, if any.
    public var phone: String?
    /// VAT registration number, if any.
    public var vatNumber: String?
}

/// One line of an invoice as printed.
public struct InvoiceLineView: Sendable {
    /// What it bills.
    public var description: String
    /// `12.50`.
    public var quantity: String
    /// `h`, `mi`, `month`, `item`.
    public var unit: String
    /// `£30.00`.
    public var unitPrice: String
    /// `£375.00`.
    public var amount: String
    /// The hours page (and day) that explains the line, relative to the invoice page.
    public var href: String?
}

/// A payment as printed.
public struct PaymentView: Sendable {
    /// `10 Dec 2026`.
    public var date: String
    /// `£400.00`.
    public var amount: String
}

/// A short reference to an invoice, for lists.
public struct InvoiceSummaryView: Sendable {
    /// Number.
    public var number: String
    /// Link from the portal root.
    public var href: String
    /// Issue date.
    public var issued: String
    /// Due date.
    public var due: String
    /// Total.
    public var total: String
    /// Balance left.
    public var balance: String
    /// `sent`, `paid`, `overdue`.
    public var status: String
    /// `Paid`, `Overdue by 12 days`, `Due 15 Dec 2026`.
    public var statusLabel: String
    /// Whether it is overdue.
    public var isOverdue: Bool
    /// Whether it is paid.
    public var isPaid: Bool
}

/// `invoices/<number>.html`.
public struct InvoicePage: Sendable {
    /// Layout data.
    public var page: PageChrome
    /// The VA's business.
    public var from: PartyView
    /// The client.
    public var to: PartyView
    /// The number.
    public var number: String
    /// Issue date.
    public var issued: String
    /// Due date.
    public var due: String
    /// Payment terms in days.
    public var paymentTerms: String
    /// `Supply period` or `Date of supply`.
    public var supplyLabel: String
    /// `November 2026` or `1 December 2026`.
    public var supplyValue: String
    /// The client's purchase order, if any.
    public var po: String?
    /// Summary with status.
    public var summary: InvoiceSummaryView
    /// Days overdue, when overdue.
    public var daysOverdue: Int
    /// The lines.
    public var lines: [InvoiceLineView]
    /// Subtotal.
    public var subtotal: String
    /// Whether VAT is charged at business.md's `vat_rate` (the standard treatment); the other treatments
    /// print `vatNote` instead.
    public var hasVAT: Bool
    /// `20%`.
    public var vatRate: String
    /// VAT amount.
    public var vat: String
    /// The VA's VAT number.
    public var vatNumber: String?
    /// Total.
    public var total: String
    /// Payments received.
    public var payments: [PaymentView]
    /// Whether any payment was received.
    public var hasPayments: Bool
    /// Amount paid.
    public var paid: String
    /// Balance due.
    public var balance: String
    /// Company registration number, where set.
    public var companyNumber: String?
    /// Bank details, one line each.
    public var bankLines: [String]
    /// Late-payment terms.
    public var latePayment: String?
    /// The terms in force during the period, for people, each linking to its page.
    public var terms: [TermsLinkView]
    /// Whether any terms are named.
    public var hasTerms: Bool
    /// The note written on the invoice, rendered by cmark (safe mode).
    public var noteHTML: String
    /// Whether there is a note.
    public var hasNote: Bool
    /// The VAT line of a client whose VAT is not standard, printed beside the VAT amount (0): `Zero-rated
    /// supply: VAT at 0%`, `Exempt from VAT`, `Reverse charge: the customer accounts for the VAT`; nil when VAT
    /// is charged at the standard rate or the business is not VAT registered.
    public var vatNote: String?
}

/// A statement row as printed.
public struct StatementRowView: Sendable {
    /// Date.
    public var date: String
    /// `Invoice INV-2026-042` or `Payment, thank you (INV-2026-042)`.
    public var description: String
    /// Link to the invoice.
    public var href: String
    /// Amount invoiced, or empty.
    public var charge: String
    /// Amount paid, or empty.
    public var payment: String
    /// Running balance.
    public var balance: String
}

/// `statement.html`.
public struct StatementPage: Sendable {
    /// Layout data.
    public var page: PageChrome
    /// The client's name.
    public var clientName: String
    /// Rows, oldest first.
    public var rows: [StatementRowView]
    /// Whether there is anything on the statement.
    public var hasRows: Bool
    /// Balance owed now (its size: a credit is shown without a minus sign, beside `inCredit`).
    public var balance: String
    /// Whether anything is owed.
    public var owes: Bool
    /// Whether the client is in credit.
    public var inCredit: Bool
    /// Overdue invoices.
    public var overdue: [InvoiceSummaryView]
    /// Whether any invoice is overdue.
    public var hasOverdue: Bool
    /// Total overdue.
    public var overdueTotal: String
    /// Every published invoice, newest first.
    public var invoices: [InvoiceSummaryView]
    /// Whether there are any.
    public var hasInvoices: Bool
}

/// The money part of the overview.
public struct AccountView: Sendable {
    /// Balance owed now (its size: a credit is shown without a minus sign, beside `inCredit`).
    public var balance: String
    /// Whether anything is owed.
    public var owes: Bool
    /// Whether the client has paid more than invoiced (the balance is in the client's favour).
    public var inCredit: Bool
    /// Overdue invoices.
    public var overdue: [InvoiceSummaryView]
    /// Whether any invoice is overdue.
    public var hasOverdue: Bool
    /// The invoice due next.
    public var nextDue: InvoiceSummaryView?
    /// The latest invoice.
    public var latest: InvoiceSummaryView?
    /// Whether there are invoices at all.
    public var hasInvoices: Bool
}

/// A link to a terms version.
public struct TermsLinkView: Sendable {
    /// `version 2, Virtual assistance agreement, in force from 1 Sep 2026, agreed by Sam on 25 Aug 2026`.
    public var text: String
    /// The version's page.
    public var href: String
}
