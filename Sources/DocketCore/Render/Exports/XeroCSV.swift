import Foundation

/// `docket export xero`: Xero's sales-invoice import file, one row per invoice line (RFC 4180).
///
/// Amounts are VAT exclusive (choose "Tax exclusive" when importing), and each row's Quantity × UnitAmount
/// is exactly the amount Docket charged for the line, so an invoice's rows add up to its subtotal to the
/// penny: the quantity and rate as printed on the invoice when they multiply to the amount exactly (18.50 h
/// × 28.00 = 518.00), else Quantity 1 and UnitAmount the line's amount, with the quantity and rate written
/// into the description (`Mileage, October 2026 (58.08 mi at 0.45)`): Xero rounds a row's product, and a
/// quantity like 9.3667 h would let it round to another penny. TaxAmount shares the invoice's VAT between
/// its rows so they add up to exactly the VAT Docket charged.
enum XeroCSV {
    /// Xero's template columns, in its order (`*` marks what Xero requires).
    static let columns = [
        "*ContactName", "EmailAddress", "POAddressLine1", "POAddressLine2", "POAddressLine3", "POAddressLine4",
        "POCity", "PORegion", "POPostalCode", "POCountry", "*InvoiceNumber", "Reference", "*InvoiceDate",
        "*DueDate", "Total", "InventoryItemCode", "*Description", "*Quantity", "*UnitAmount", "Discount",
        "*AccountCode", "*TaxType", "TaxAmount", "TrackingName1", "TrackingOption1", "TrackingName2",
        "TrackingOption2", "Currency", "BrandingTheme",
    ]

    /// The most decimals Xero takes in a quantity.
    static let maxQuantityDecimals = 4

    /// The import file of every published invoice issued on or after `from` (all when nil), by issue date
    /// then number, each line in the order printed.
    static func render(_ invoices: [ExportedInvoice], business: Business, from: CalendarDate?) -> String {
        var writer = CSVWriter()
        writer.row(columns)
        for exported in invoices where from.map({ exported.invoice.record.issued >= $0 }) ?? true {
            for row in rows(exported, business: business) { writer.row(row) }
        }
        return writer.text
    }

    /// The rows of one invoice.
    static func rows(_ exported: ExportedInvoice, business: Business) -> [[String]] {
        let invoice = exported.invoice
        let client = exported.client
        let currency = exported.currency
        func money(_ amount: MinorUnits) -> String { MoneyFormat.plain(amount, currency: currency) }
        let address = addressLines(client.address ?? "")
        let taxType = business.xero.taxType(for: invoice.vatTreatment, vatRate: business.vatRate)
        let taxes = lineVAT(invoice)
        return zip(invoice.lines, taxes).map { line, tax in
            let (description, quantity, unitAmount) = priced(line, currency: currency)
            return [
                client.name.oneLine, client.email, address[0], address[1], address[2], address[3],
                "", "", "", "", invoice.number, invoice.record.po ?? "", invoice.record.issued.ukText,
                invoice.due.ukText, "", "", description, quantity, unitAmount, "",
                business.xero.accountCode, taxType, money(tax), "", "", "", "", currency.code, "",
            ]
        }
    }

    /// A line's description, Quantity and UnitAmount, multiplying exactly to the line's amount.
    static func priced(_ line: InvoiceLine, currency: Currency) -> (String, String, String) {
        let rate = MoneyFormat.plain(line.unitPrice, currency: currency)
        if let quantity = FixedDecimal.parse(line.quantityText), quantity.scale <= maxQuantityDecimals,
            !quantity.negative
        {
            var power = 1
            for _ in 0..<quantity.scale { power *= 10 }
            let (product, overflow) = quantity.digits.multipliedReportingOverflow(by: line.unitPrice)
            if !overflow, product == line.amount * power {
                return (line.description, line.quantityText, rate)
            }
        }
        let description = "\(line.description) (\(line.quantityText) \(line.unit) at \(rate))"
        return (description, "1", MoneyFormat.plain(line.amount, currency: currency))
    }

    /// The invoice's VAT shared between its lines: each line's share is the VAT on the lines so far less the
    /// VAT on the lines before it (each rounded half up as the invoice rounds its VAT), so the shares add up
    /// to exactly the invoice's VAT and each is within a penny of the line's amount × the rate.
    static func lineVAT(_ invoice: Invoice) -> [MinorUnits] {
        guard let rate = invoice.vatRate, invoice.vat != 0 else { return invoice.lines.map { _ in 0 } }
        var running = 0
        var before = 0
        return invoice.lines.map { line in
            running += line.amount
            let upTo = InvoiceCalculator.vatAmount(subtotal: running, rate: rate)
            defer { before = upTo }
            return upTo - before
        }
    }

    /// A postal address as Xero's four address lines: one line each, the fifth and later joined to the
    /// fourth with commas. Xero's city, region, postcode and country columns are left empty: Docket keeps an
    /// address as the lines the VA wrote.
    static func addressLines(_ address: String) -> [String] {
        var lines = address.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        .filter { !$0.isEmpty }
        if lines.count > 4 { lines = Array(lines[0..<3]) + [lines[3...].joined(separator: ", ")] }
        while lines.count < 4 { lines.append("") }
        return lines
    }
}
