/// Everything computed for one client: month figures, invoices and the statement. The "compute" step of
/// the pipeline; rendering only reads it.
struct ComputedClient: Sendable {
    /// The client's content as loaded.
    var content: ClientContent
    /// Month figures from the first month to the last timesheet, and "this month".
    var figures: ClientFigures
    /// Every invoice, drafts and void ones included, sorted by issue date then number.
    var invoices: [Invoice]
    /// Published invoices and payments with a running balance.
    var statement: Statement

    /// The client.
    var client: Client { content.client }
    /// Published invoices only (sent, paid, overdue), oldest first.
    let publishedInvoices: [Invoice]
    /// What the next invoice for this month's work would come to so far, at the figures in force: the
    /// invoice whose usage month is today's month, before any invoice bills it. Nil when an invoice already
    /// bills the month, before the client's first month, or when there is nothing to bill yet.
    var estimate: Invoice? = nil

    /// Computes a client as of `today`, checking its invoices.
    static func compute(
        _ content: ClientContent, business: Business, today: CalendarDate,
        diagnostics: inout Diagnostics
    ) -> ComputedClient {
        let figures = MonthCalculator.figures(
            client: content.client, timeline: content.timeline,
            timesheets: content.timesheets, today: today)
        let context = invoiceContext(content, business: business, figures: figures)
        let invoices = content.invoices.map { InvoiceCalculator.invoice($0, context: context, today: today) }
            .sorted { ($0.record.issued, $0.number) < ($1.record.issued, $1.number) }
        BillingChecks.checkClient(
            content, invoices: invoices, business: business, figures: figures, today: today,
            diagnostics: &diagnostics)
        let published = invoices.filter(\.isPublished)
        return ComputedClient(
            content: content, figures: figures, invoices: invoices,
            statement: Statement(invoices: invoices), publishedInvoices: published,
            estimate: estimate(context: context, published: published, today: today))
    }

    /// The invoice that would bill today's month: period M in arrears, M + 1 when the retainer in force then
    /// is billed in advance (it bills M's usage with M + 1's fee).
    static func estimate(context: InvoiceCalculator.Context, published: [Invoice], today: CalendarDate) -> Invoice? {
        let month = today.yearMonth
        guard let first = context.months.keys.min(), month >= first,
            !published.contains(where: { $0.usageMonth == month })
        else { return nil }
        let period = context.timeline.usageMonth(forPeriod: month.next) == month ? month.next : month
        // A month between an advance retainer and arrears billing is billed by no invoice (settled by hand).
        guard context.timeline.usageMonth(forPeriod: period) == month else { return nil }
        let record = InvoiceRecord(
            number: "estimate", issued: today, period: period, supplied: nil, due: nil,
            status: .draft, po: nil, payments: [], extraLines: [], noteHTML: "",
            path: "", numberLine: 0)
        let invoice = InvoiceCalculator.invoice(record, context: context, today: today)
        return invoice.lines.isEmpty ? nil : invoice
    }

    /// What the invoice calculator needs to know of a client: its month figures by month (this month's
    /// too), its timesheets by month, its terms and its figures over time.
    static func invoiceContext(
        _ content: ClientContent, business: Business,
        figures: ClientFigures
    ) -> InvoiceCalculator.Context {
        var byMonth = Dictionary(figures.months.map { ($0.month, $0) }, uniquingKeysWith: { first, _ in first })
        if let current = figures.current, byMonth[current.month] == nil { byMonth[current.month] = current }
        return InvoiceCalculator.Context(
            client: content.client, business: business, months: byMonth,
            timesheets: Dictionary(content.timesheets.map { ($0.month, $0) }, uniquingKeysWith: { first, _ in first }),
            terms: content.terms, timeline: content.timeline)
    }
}
