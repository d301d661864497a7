/// Everything computed for one client: month figures, invoices and the statement. The "compute" step of
/// the pipeline; rendering only reads it.
public struct ComputedClient: Sendable {
    /// The client's content as loaded.
    public var content: ClientContent
    /// Month figures from the first month to the last timesheet, and "this month".
    public var figures: ClientFigures
    /// Every invoice, drafts and void ones included, sorted by issue date then number.
    public var invoices: [Invoice]
    /// Published invoices and payments with a running balance.
    public var statement: Statement

    /// The client.
    public var client: Client { content.client }
    /// Published invoices only (sent, paid, overdue), oldest first.
    public let publishedInvoices: [Invoice]

    /// Computes a client as of `today`, checking its invoices.
    public static func compute(_ content: ClientContent, business: Business, today: CalendarDate,
                               diagnostics: inout Diagnostics) -> ComputedClient {
        let figures = MonthCalculator.figures(client: content.client, timeline: content.timeline,
                                              timesheets: content.timesheets, today: today)
        let context = invoiceContext(content, business: business, figures: figures)
        let invoices = content.invoices.map { InvoiceCalculator.invoice($0, context: context, today: today) }
            .sorted { ($0.record.issued, $0.number) < ($1.record.issued, $1.number) }
        BillingChecks.checkClient(content, invoices: invoices, business: business, figures: figures, today: today,
                                  diagnostics: &diagnostics)
        return ComputedClient(content: content, figures: figures, invoices: invoices,
                              statement: Statement(invoices: invoices),
                              publishedInvoices: invoices.filter(\.isPublished))
    }

    /// What the invoice calculator needs to know of a client: its month figures by month (this month's
    /// too), its timesheets by month, its terms and its figures over time.
    public static func invoiceContext(_ content: ClientContent, business: Business,
                                      figures: ClientFigures) -> InvoiceCalculator.Context {
        var byMonth = Dictionary(figures.months.map { ($0.month, $0) }, uniquingKeysWith: { first, _ in first })
        if let current = figures.current, byMonth[current.month] == nil { byMonth[current.month] = current }
        return InvoiceCalculator.Context(
            client: content.client, business: business, months: byMonth,
            timesheets: Dictionary(content.timesheets.map { ($0.month, $0) }, uniquingKeysWith: { first, _ in first }),
            terms: content.terms, timeline: content.timeline)
    }
}
