import Foundation

/// The formats `docket export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// An hledger journal of invoices and payments (`HledgerJournal`).
    case hledger
    /// Xero's sales-invoice import CSV (`XeroCSV`).
    case xero
    /// A spreadsheet of invoices and payments (`InvoiceCSV`).
    case csv
}

/// `docket export`: the site read and checked as `docket invoice` reads it, then its published invoices
/// rendered as one of the export formats. Drafts and void invoices are never exported; a site with content
/// errors gives no export at all.
public enum Export {
    /// The export's text, or nil with the reasons in `diagnostics` when the site has content errors.
    /// Warnings are added to `diagnostics` either way. `from` keeps only what is dated on or after it.
    public static func make(
        _ format: ExportFormat, root: URL, today: CalendarDate, from: CalendarDate?,
        diagnostics: inout Diagnostics
    ) -> String? {
        guard let checked = CheckedSite.load(root: root, today: today, diagnostics: &diagnostics) else { return nil }
        diagnostics.append(contentsOf: checked.diagnostics)
        guard !checked.diagnostics.hasErrors else { return nil }
        let invoices = ExportedInvoice.all(in: checked)
        switch format {
        case .hledger: return HledgerJournal.render(invoices, from: from)
        case .xero: return XeroCSV.render(invoices, business: checked.site.business, from: from)
        case .csv: return InvoiceCSV.render(invoices, from: from)
        }
    }

    /// Whether `file` lies in the site's `public/` folder (symbolic links resolved), where an export must
    /// never go: everything there is uploaded.
    public static func isInPublic(_ file: URL, root: URL) -> Bool {
        let publicFolder = root.appendingPathComponent("public").resolvingSymlinksInPath().standardizedFileURL.path
        // The file may not exist yet: resolve its folder.
        let folder = file.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
        let path = folder + "/" + file.lastPathComponent
        return path == publicFolder || path.hasPrefix(publicFolder + "/")
    }

    /// Writes an export to a file atomically (a temporary file in the same folder, then renamed over it), so
    /// the file is either the whole export or what it was before.
    public static func write(_ text: String, to file: URL) throws {
        try Data(text.utf8).write(to: file, options: .atomic)
    }
}

/// A published invoice with the client it bills, as the exports read it.
struct ExportedInvoice: Sendable {
    /// The invoice, computed.
    var invoice: Invoice
    /// The client it bills.
    var client: Client

    /// The currency of its amounts: the client's.
    var currency: Currency { client.currency }

    /// Every published invoice of a checked site (archived clients' too), by issue date, then number.
    static func all(in site: CheckedSite) -> [ExportedInvoice] {
        site.clients.flatMap { computed in
            computed.publishedInvoices.map { ExportedInvoice(invoice: $0, client: computed.client) }
        }
        .sorted { ($0.invoice.record.issued, $0.invoice.number) < ($1.invoice.record.issued, $1.invoice.number) }
    }
}

extension CalendarDate {
    /// The date as the UK writes it, `01/10/2026` (Xero's import reads it so in a UK organisation).
    var ukText: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(day))/\(two(month))/\(year)"
    }
}

extension String {
    /// The text on one line: each carriage return or line feed (and each run of them) becomes one space.
    var oneLine: String {
        split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }
}
