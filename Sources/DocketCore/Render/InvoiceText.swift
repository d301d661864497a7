/// An invoice as plain text for the terminal: what `docket invoice` prints after drafting or sending one.
enum InvoiceText {
    /// The invoice's heading, its lines (description, quantity, rate, amount) in aligned columns, the
    /// subtotal, VAT where charged, and the total; each line ends with a newline.
    ///
    /// ```
    /// INV-0004 for Acme Widgets Ltd: November 2026, issued 1 Dec 2026, due 15 Dec 2026
    ///   Work, November 2026          16.25 h  at £30.00  £487.50
    ///   Travel time, November 2026    1.50 h  at £15.00   £22.50
    ///                                           Subtotal  £510.00
    ///                                              Total  £510.00
    /// ```
    static func render(_ invoice: Invoice, clientName: String, currency: Currency) -> String {
        func money(_ amount: MinorUnits) -> String { MoneyFormat.format(amount, currency: currency) }
        let record = invoice.record
        let supply = record.period?.longDescription ?? "supplied \((record.supplied ?? record.issued).shortDescription)"
        var text =
            "\(record.number) for \(clientName): \(supply), issued \(record.issued.shortDescription), due \(invoice.due.shortDescription)\n"
        let rows = invoice.lines.map { line in
            [line.description, "\(line.quantityText) \(line.unit)", "at \(money(line.unitPrice))", money(line.amount)]
        }
        var totals: [(String, MinorUnits)] = [("Subtotal", invoice.subtotal)]
        if let note = invoice.vatTreatment?.invoiceNote {
            totals.append((note, invoice.vat))
        } else if let rate = invoice.vatRate {
            totals.append(("VAT at \(rate.text)%", invoice.vat))
        }
        totals.append(("Total", invoice.total))
        var widths = [0, 0, 0, 0]
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        for (_, amount) in totals { widths[3] = max(widths[3], money(amount).count) }
        let labelWidth = max(widths[0] + widths[1] + widths[2] + 4, totals.map(\.0.count).max() ?? 0)
        for row in rows {
            let description = row[0] + String(repeating: " ", count: widths[0] - row[0].count)
            text +=
                "  \(description)  \(leftPad(row[1], widths[1]))  \(leftPad(row[2], widths[2]))  \(leftPad(row[3], widths[3]))\n"
        }
        for (label, amount) in totals {
            text += "  \(leftPad(label, labelWidth))  \(leftPad(money(amount), widths[3]))\n"
        }
        return text
    }

    private static func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
