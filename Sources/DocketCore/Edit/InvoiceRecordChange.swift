import Foundation

/// A change to one invoice record, made in memory and checked before anything is written.
public struct InvoiceRecordChange: Sendable {
    /// The record's file, relative to the site folder.
    public var path: String
    /// The file's bytes after the change.
    public var data: Data
    /// The invoice as the changed record computes.
    public var invoice: Invoice
    /// The currency of its amounts.
    public var currency: Currency
    /// The client's name.
    public var clientName: String

    /// The total as written in the seal: `GBP 95.00`.
    public var totalText: String { "\(currency.code) \(MoneyFormat.plain(invoice.total, currency: currency))" }
}
