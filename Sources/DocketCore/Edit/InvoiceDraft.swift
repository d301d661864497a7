import Foundation

/// The next invoice record of a client, as `docket invoice SLUG` drafts it: numbered in the business's
/// sequence, for a period with something to bill that no sent invoice bills, with `status: draft` (so it is
/// never published until it is sent).
public struct InvoiceDraft: Sendable {
    /// The client's folder name.
    var slug: String
    /// The file to write, relative to the site folder.
    public var path: String
    /// The file's text: `number`, `issued`, `period` and `status: draft` front matter.
    var text: String
    /// The invoice as it computes now.
    var invoice: Invoice
    /// The currency of its amounts.
    var currency: Currency
    /// The client's name.
    var clientName: String
    /// The invoice number.
    public var number: String { invoice.number }
    /// The invoice as plain text for the terminal (`InvoiceText`).
    public var printed: String { InvoiceText.render(invoice, clientName: clientName, currency: currency) }

    /// Drafts the next invoice of a client for `period` (default: `defaultPeriod`), issued on `issued`
    /// (default: today). Nil, with errors in `diagnostics`, when the site has content errors, the client is
    /// unknown, the period is billed already (or has a draft), or it has nothing to bill.
    public static func make(
        root: URL, slug: String, period: YearMonth?, issued: CalendarDate?, today: CalendarDate,
        diagnostics: inout Diagnostics
    ) -> InvoiceDraft? {
        guard let checked = CheckedSite.load(root: root, today: today, diagnostics: &diagnostics) else { return nil }
        guard !checked.diagnostics.hasErrors else {
            for error in checked.diagnostics.errors { diagnostics.append(error) }
            return nil
        }
        let folder = "content/clients/\(slug)"
        guard let computed = checked.client(slug) else {
            let known = checked.clients.map(\.client.slug).joined(separator: ", ")
            diagnostics.error(
                folder,
                "there is no client `\(slug)`: expected a folder \(folder) with client.md"
                    + (known.isEmpty ? "" : " (clients: \(known))"))
            return nil
        }
        let business = checked.site.business
        let context = ComputedClient.invoiceContext(computed.content, business: business, figures: computed.figures)
        guard let number = InvoiceNumbering.next(after: checked.invoiceNumbers) else {
            diagnostics.error(
                "content/clients",
                "the next invoice number would be longer than 64 characters; start a new sequence by writing its first invoice by hand"
            )
            return nil
        }
        let issued = issued ?? today
        let path = "\(folder)/invoices/\(number).md"
        func draft(_ period: YearMonth) -> Invoice {
            InvoiceCalculator.invoice(
                record(number: number, issued: issued, period: period, path: path),
                context: context, today: today)
        }
        let chosen: YearMonth
        if let period {
            chosen = period
        } else {
            guard let found = defaultPeriod(computed, context: context, today: today) else {
                diagnostics.error(
                    folder,
                    "nothing to invoice for \(slug): every month before \(today.yearMonth.longDescription) with something to bill is billed by a sent invoice (to bill another month, name it with --period YYYY-MM)"
                )
                return nil
            }
            chosen = found
        }
        let invoice = draft(chosen)
        if let refusal = refusal(chosen, computed: computed, invoice: invoice) {
            diagnostics.append(refusal)
            return nil
        }
        guard !FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
            diagnostics.error(path, "the file already exists; expected the next invoice number to be free")
            return nil
        }
        let text = "---\nnumber: \(number)\nissued: \(issued)\nperiod: \(chosen)\nstatus: draft\n---\n"
        return InvoiceDraft(
            slug: slug, path: path, text: text, invoice: invoice,
            currency: computed.content.client.currency, clientName: computed.client.name)
    }

    /// Writes the draft; never over an existing file.
    public func write(root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
    }

    /// The default period: the earliest month P, from the client's first month to this month, whose invoice
    /// would bill only months before this one and which no sent invoice bills, neither P itself nor the month
    /// whose work P's invoice bills (the month before, for a retainer billed in advance), and whose invoice
    /// would have at least one line (work, travel, mileage, expenses, or a retainer fee).
    ///
    /// So with `billing: advance` the default on 1 December is December: its invoice bills December's fee
    /// and November's work. A month whose work an invoice for another period bills (where billing changes
    /// between arrears and advance) is passed over: such a month is settled by hand.
    static func defaultPeriod(
        _ computed: ComputedClient, context: InvoiceCalculator.Context,
        today: CalendarDate
    ) -> YearMonth? {
        let current = today.yearMonth
        guard let first = computed.figures.months.first?.month else { return nil }
        let published = computed.publishedInvoices
        let periods = Set(published.compactMap(\.record.period))
        let usages = Set(published.compactMap(\.usageMonth))
        for period in first.through(current) {
            let usage = computed.content.timeline.usageMonth(forPeriod: period)
            guard usage < current, !periods.contains(period), !usages.contains(usage) else { continue }
            let invoice = InvoiceCalculator.invoice(
                record(number: "", issued: today, period: period, path: ""),
                context: context, today: today)
            if !invoice.lines.isEmpty { return period }
        }
        return nil
    }

    /// Why an invoice for `period` may not be drafted, or nil when it may: a sent invoice bills the period,
    /// or the month whose work it bills; a draft for it exists; it has nothing to bill.
    static func refusal(_ period: YearMonth, computed: ComputedClient, invoice: Invoice) -> Diagnostic? {
        let month = period.longDescription
        if let early = InvoiceDraft.tooEarly(invoice, issued: invoice.record.issued) {
            return Diagnostic(.error, path: computed.content.folder, early)
        }
        let published = computed.publishedInvoices
        if let other = published.first(where: { $0.record.period == period }) {
            return Diagnostic(
                .error, path: other.record.path, line: other.record.numberLine,
                "\(month) is already billed by \(other.number) (sent \(other.record.issued.shortDescription)); to bill it again, void \(other.number) (`status: void`) first"
            )
        }
        if let usage = invoice.usageMonth,
            !invoice.lines.filter({ $0.month == usage && $0.kind != .retainerFee }).isEmpty,
            let other = published.first(where: { $0.usageMonth == usage })
        {
            return Diagnostic(
                .error, path: other.record.path, line: other.record.numberLine,
                "the invoice for \(month) would bill the work of \(usage.longDescription), which \(other.number) already bills (billing changed between arrears and advance); settle \(month) by hand with an invoice written with `lines` and no `period`"
            )
        }
        if let draft = computed.invoices.first(where: { $0.record.status == .draft && $0.record.period == period }) {
            return Diagnostic(
                .error, path: draft.record.path, line: draft.record.numberLine,
                "\(draft.number) is already a draft for \(month); check it and send it with `docket invoice --send \(draft.number)`, or delete it to draft again"
            )
        }
        if invoice.lines.isEmpty {
            let usage = invoice.usageMonth ?? period
            let sheet = computed.content.timesheets.first { $0.month == usage }?.path
            return Diagnostic(
                .error, path: sheet ?? computed.content.folder,
                "an invoice for \(month) would have nothing to bill: no billable work, travel, mileage or expenses in \(usage.longDescription)\(usage == period ? "" : " (the month it bills with the retainer billed in advance)") and no retainer fee"
            )
        }
        return nil
    }

    /// Why an invoice may not be issued on a date: the month whose work it bills has not begun (a month
    /// may be invoiced from its own days on, or before it for a retainer billed in advance).
    static func tooEarly(_ invoice: Invoice, issued: CalendarDate) -> String? {
        guard let period = invoice.record.period, let usage = invoice.usageMonth, usage > issued.yearMonth else {
            return nil
        }
        return
            "the invoice for \(period.longDescription) bills the work of \(usage.longDescription), which has not begun on \(issued.longDescription); issue it once the work is done (from \(usage.firstDay.longDescription) at the earliest)"
    }

    /// A record for a period as `make` writes it.
    static func record(number: String, issued: CalendarDate, period: YearMonth, path: String) -> InvoiceRecord {
        InvoiceRecord(
            number: number, issued: issued, period: period, supplied: nil, due: nil, status: .draft, po: nil,
            payments: [], extraLines: [], noteHTML: "", path: path, numberLine: 2)
    }
}
