/// `docket export csv`: every published invoice and payment as one table for a spreadsheet (RFC 4180).
///
/// Columns: `type` (`invoice` or `payment`), `invoice` (its number), `client`, `date` (issued, or paid),
/// `due`, `currency`, `subtotal`, `vat`, `total`, `paid`, `balance`, `status`. An invoice row fills every
/// column (`paid` is the sum of its payments, `status` is sent, paid or overdue as of `--today`); a payment
/// row fills `type`, `invoice`, `client`, `date`, `currency` and `paid` (the amount received). Dates are
/// ISO 8601, amounts plain decimals with the currency's decimals.
enum InvoiceCSV {
    /// The header row.
    static let columns = [
        "type", "invoice", "client", "date", "due", "currency", "subtotal", "vat", "total", "paid", "balance",
        "status",
    ]

    /// The table of every invoice issued and payment received on or after `from` (all when nil), oldest
    /// first; on one day, invoices before payments, then by invoice number.
    static func render(_ invoices: [ExportedInvoice], from: CalendarDate?) -> String {
        var rows: [(date: CalendarDate, order: Int, number: String, index: Int, fields: [String])] = []
        for exported in invoices {
            let invoice = exported.invoice
            let currency = exported.currency
            func money(_ amount: MinorUnits) -> String { MoneyFormat.plain(amount, currency: currency) }
            if from.map({ invoice.record.issued >= $0 }) ?? true {
                rows.append(
                    (
                        invoice.record.issued, 0, invoice.number, rows.count,
                        [
                            "invoice", invoice.number, exported.client.name, invoice.record.issued.description,
                            invoice.due.description, currency.code, money(invoice.subtotal), money(invoice.vat),
                            money(invoice.total), money(invoice.paid), money(invoice.balance),
                            invoice.status.rawValue,
                        ]
                    ))
            }
            for payment in invoice.record.payments where from.map({ payment.date >= $0 }) ?? true {
                rows.append(
                    (
                        payment.date, 1, invoice.number, rows.count,
                        [
                            "payment", invoice.number, exported.client.name, payment.date.description, "",
                            currency.code, "", "", "", money(payment.amount), "", "",
                        ]
                    ))
            }
        }
        rows.sort { ($0.date, $0.order, $0.number, $0.index) < ($1.date, $1.order, $1.number, $1.index) }
        var writer = CSVWriter()
        writer.row(columns)
        for row in rows { writer.row(row.fields) }
        return writer.text
    }
}
