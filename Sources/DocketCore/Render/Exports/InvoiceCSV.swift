/// `docket export csv`: every published invoice and payment as one table for a spreadsheet (RFC 4180).
///
/// Columns: `type` (`invoice` or `payment`), `invoice` (its number), `client`, `date` (issued, or paid),
/// `due`, `currency`, `subtotal`, `vat`, `total`, `paid`, `balance`, `status`. An invoice row fills every
/// column (`paid` is the sum of its payments, `status` is sent, paid or overdue as of `--today`); a payment
/// row fills `type`, `invoice`, `client`, `date`, `currency` and `paid` (the amount received). Dates are
/// ISO 8601, amounts plain decimals with the currency's decimals. The text columns (`invoice`, `client`) are
/// written as `spreadsheetText` gives them, so that opening the file cannot run a formula.
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
            let number = invoice.number.spreadsheetText
            let client = exported.client.name.spreadsheetText
            if from.map({ invoice.record.issued >= $0 }) ?? true {
                rows.append(
                    (
                        invoice.record.issued, 0, invoice.number, rows.count,
                        [
                            "invoice", number, client, invoice.record.issued.description,
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
                            "payment", number, client, payment.date.description, "",
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

extension String {
    /// The text as a spreadsheet cell that cannot run as a formula: text that begins with `=`, `+`, `-`, `@`, a
    /// tab or a carriage return (which Excel, LibreOffice and Google Sheets would read as a formula) gets a
    /// leading `'`, which they take as "this is text" (OWASP's advice on CSV injection). Other text is as is.
    var spreadsheetText: String {
        guard let first = utf8.first,
            [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
        else { return self }
        return "'" + self
    }
}
