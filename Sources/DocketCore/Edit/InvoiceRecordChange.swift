import Foundation

/// A change to one invoice record, made in memory and checked before anything is written.
public struct InvoiceRecordChange: Sendable {
    /// The record's file, relative to the site folder.
    public var path: String
    /// The file's bytes after the change.
    var data: Data
    /// The invoice as the changed record computes.
    var invoice: Invoice
    /// The currency of its amounts.
    var currency: Currency
    /// The client's name.
    var clientName: String
    /// The invoice number.
    public var number: String { invoice.number }
    /// The invoice as plain text for the terminal (`InvoiceText`).
    public var printed: String { InvoiceText.render(invoice, clientName: clientName, currency: currency) }

    /// The total as written in the seal: `GBP 95.00`.
    public var totalText: String { "\(currency.code) \(MoneyFormat.plain(invoice.total, currency: currency))" }
}
