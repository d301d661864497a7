/// A client's account: every published invoice and payment in date order with a running balance.
struct Statement: Sendable {
    /// One row of the statement.
    struct Row: Sendable, Equatable {
        /// The date of the invoice or payment.
        var date: CalendarDate
        /// The invoice it concerns.
        var number: String
        /// Whether this row is a payment (otherwise an invoice).
        var isPayment: Bool
        /// The amount invoiced (0 for a payment).
        var charge: MinorUnits
        /// The amount paid (0 for an invoice).
        var payment: MinorUnits
        /// The balance after this row.
        var balance: MinorUnits
    }

    /// The rows, oldest first; an invoice comes before a payment on the same day.
    var rows: [Row]
    /// What the client owes now (the last running balance).
    var balance: MinorUnits
    /// Published invoices past their due date with a balance, oldest due first.
    var overdue: [Invoice]
    /// The unpaid invoice due next (not yet overdue), if any.
    var nextDue: Invoice?
    /// The most recently issued published invoice.
    var latest: Invoice?

    /// Builds the statement from a client's invoices (drafts and void invoices are left out).
    init(invoices: [Invoice]) {
        let published = invoices.filter(\.isPublished)
        var events: [(date: CalendarDate, order: Int, row: Row)] = []
        for invoice in published {
            events.append(
                (
                    invoice.record.issued, 0,
                    Row(
                        date: invoice.record.issued, number: invoice.number,
                        isPayment: false, charge: invoice.total, payment: 0, balance: 0)
                ))
            for payment in invoice.record.payments {
                events.append(
                    (
                        payment.date, 1,
                        Row(
                            date: payment.date, number: invoice.number, isPayment: true,
                            charge: 0, payment: payment.amount, balance: 0)
                    ))
            }
        }
        events.sort { ($0.date, $0.order, $0.row.number) < ($1.date, $1.order, $1.row.number) }
        var running = 0
        rows = events.map { event in
            var row = event.row
            running += row.charge - row.payment
            row.balance = running
            return row
        }
        balance = running
        overdue = published.filter { $0.status == .overdue }.sorted { ($0.due, $0.number) < ($1.due, $1.number) }
        nextDue = published.filter { $0.status == .sent && $0.balance > 0 }
            .min { ($0.due, $0.number) < ($1.due, $1.number) }
        latest = published.max { ($0.record.issued, $0.number) < ($1.record.issued, $1.number) }
    }
}
