/// What the VA's emails to one client are made from: each overdue invoice to remind the client of, and last
/// month in brief. Computed from the client alone and kept in its dashboard part (and so in the build
/// record); it holds page paths, never a link or a key: the links are made when the dashboard is rendered.
struct ClientMail: Sendable, Equatable {
    /// An overdue invoice, as a reminder tells it.
    struct Reminder: Sendable, Equatable {
        /// Invoice number.
        var number: String
        /// The invoice's total, in minor units of the client's currency.
        var total: MinorUnits
        /// What is still owed.
        var balance: MinorUnits
        /// The due date.
        var due: CalendarDate
        /// Days past due.
        var daysOverdue: Int
        /// The invoice page in the portal's folder: `invoices/INV-1.html`, or its opaque name.
        var page: String
    }

    /// A month in brief, as the monthly report email tells it.
    struct MonthReport: Sendable, Equatable {
        /// The month.
        var month: YearMonth
        /// Billable minutes of work (in and out of hours).
        var workedMinutes: Int
        /// Minutes of the retainer used, and available, when the month was on a retainer.
        var retainerUsed: Int?
        /// Minutes available on the retainer that month.
        var retainerAvailable: Int?
        /// Minutes of work outside core hours.
        var outOfHoursMinutes: Int
        /// The invoice that billed the month, when one is published.
        var invoice: String?
        /// That invoice's total.
        var invoiceTotal: MinorUnits?
        /// That invoice's due date.
        var invoiceDue: CalendarDate?
        /// The month's hours page in the portal's folder: `hours/2026-10.html`, or its opaque name.
        var page: String
    }

    /// The client's folder name (to find its portal when the dashboard is rendered).
    var slug: String
    /// The person the emails greet (`contact` in client.md).
    var contact: String
    /// Where the emails go (`email` in client.md).
    var email: String
    /// Overdue invoices, as in the chase list.
    var reminders: [Reminder]
    /// The month before `today`'s, when the client is active and has figures for it.
    var report: MonthReport?

    /// The mail facts of a client as of `today`, with last month's report when `report` (an active client);
    /// pages by their readable names (`renamed` gives an encrypted portal's names).
    init(_ computed: ComputedClient, today: CalendarDate, report withReport: Bool = true) {
        let client = computed.client
        slug = client.slug
        contact = client.contact
        email = client.email
        reminders = computed.statement.overdue.map {
            Reminder(
                number: $0.number, total: $0.total, balance: $0.balance, due: $0.due, daysOverdue: $0.daysOverdue,
                page: "invoices/\($0.number).html")
        }
        let month = today.yearMonth.previous
        if withReport, let figures = computed.figures.months.first(where: { $0.month == month }) {
            let invoice = computed.publishedInvoices.last { $0.usageMonth == month }
            report = MonthReport(
                month: month, workedMinutes: figures.billableMinutes,
                retainerUsed: figures.retainer?.usedMinutes, retainerAvailable: figures.retainer?.availableMinutes,
                outOfHoursMinutes: figures.outOfHoursMinutes, invoice: invoice?.number, invoiceTotal: invoice?.total,
                invoiceDue: invoice?.due, page: "hours/\(month).html")
        } else {
            report = nil
        }
    }

    /// Mail facts from their values.
    init(slug: String, contact: String, email: String, reminders: [Reminder], report: MonthReport?) {
        self.slug = slug
        self.contact = contact
        self.email = email
        self.reminders = reminders
        self.report = report
    }

    /// The facts with every page renamed by `name` (an encrypted portal's opaque names, which are relative
    /// to the portal's folder as the readable ones are).
    func renamed(_ name: (String) -> String) -> ClientMail {
        var mail = self
        for index in mail.reminders.indices { mail.reminders[index].page = name(mail.reminders[index].page) }
        if let page = mail.report?.page { mail.report?.page = name(page) }
        return mail
    }
}
