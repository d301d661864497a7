/// The texts of the emails Docket drafts for the VA (reminders of overdue invoices, the monthly report) and
/// for the client (a question about an invoice line or a day of hours), as `MailDraft`s.
struct ClientEmails {
    /// The business the emails are from (its name signs them, its bank details say how to pay).
    let business: Business

    /// How firm a reminder is, by days overdue.
    enum Tone: Sendable, Equatable {
        /// 1 to 13 days overdue.
        case friendly
        /// 14 to 29 days.
        case second
        /// 30 days and more: names the late-payment terms.
        case final

        /// The tone for an invoice `days` overdue.
        init(daysOverdue days: Int) {
            self = days >= 30 ? .final : days >= 14 ? .second : .friendly
        }
    }

    /// The reminder of one overdue invoice, to the client; `link` is the invoice page's link to share (nil
    /// for an archived client, which has no portal).
    func reminder(
        _ reminder: ClientMail.Reminder, mail: ClientMail, currency: Currency, link: String?
    ) -> MailDraft {
        let number = reminder.number
        let days = "\(reminder.daysOverdue) day\(reminder.daysOverdue == 1 ? "" : "s")"
        let due = reminder.due.longDescription
        let subject: String
        let opening: String
        switch Tone(daysOverdue: reminder.daysOverdue) {
        case .friendly:
            subject = "Invoice \(number): a friendly reminder"
            opening =
                "This is a friendly reminder that invoice \(number) was due on \(due) and is now \(days) overdue. If the payment is already on its way, thank you, and please disregard this email."
        case .second:
            subject = "Invoice \(number): second reminder"
            opening =
                "This is a second reminder that invoice \(number) was due on \(due) and is now \(days) overdue. Please could you arrange payment, or let me know if anything on the invoice needs looking at."
        case .final:
            subject = "Invoice \(number): final reminder"
            opening =
                "This is a final reminder that invoice \(number) was due on \(due) and is now \(days) overdue. Please arrange payment as soon as you can, or reply to let me know when it will be paid."
                + (business.latePayment.map { "\n\nLate-payment terms: \(MailDraft.oneLine($0))" } ?? "")
        }
        let amount =
            reminder.balance == reminder.total
            ? MoneyFormat.format(reminder.balance, currency: currency)
            : "\(MoneyFormat.format(reminder.balance, currency: currency)) (of \(MoneyFormat.format(reminder.total, currency: currency)))"
        let facts =
            [
                "Amount due: \(amount)", "Due date: \(reminder.due.shortDescription)",
                "Days overdue: \(reminder.daysOverdue)",
            ] + (link.map { ["Invoice: \($0)"] } ?? [])
        let payment = ["How to pay:"] + PortalRenderer.bankLines(business, reference: number)
        return MailDraft(
            to: mail.email, subject: subject,
            parts: [
                .kept("\(greeting(mail.contact))\(opening)\n\n"),
                .kept(facts.joined(separator: "\n") + "\n\n"),
                .kept(payment.joined(separator: "\n") + "\n\n"),
                .kept(signature),
            ])
    }

    /// The monthly report email, to the client; `link` is the month's hours page's link to share.
    func monthlyReport(_ report: ClientMail.MonthReport, mail: ClientMail, currency: Currency, link: String)
        -> MailDraft
    {
        let month = report.month.longDescription
        var lines: [String] = []
        if let used = report.retainerUsed, let available = report.retainerAvailable {
            let position =
                used <= available
                ? "\(Formatting.duration(available - used)) left"
                : "\(Formatting.duration(used - available)) beyond it"
            lines.append(
                "Hours used: \(Formatting.duration(used)) of \(Formatting.duration(available)) on the retainer (\(position))"
            )
        } else {
            lines.append("Hours worked: \(Formatting.duration(report.workedMinutes))")
        }
        lines.append(
            "Out of hours: \(report.outOfHoursMinutes > 0 ? Formatting.duration(report.outOfHoursMinutes) : "none")")
        if let invoice = report.invoice, let total = report.invoiceTotal, let due = report.invoiceDue {
            lines.append(
                "Invoice: \(invoice), \(MoneyFormat.format(total, currency: currency)), due \(due.shortDescription)")
        } else {
            lines.append("Invoice: not issued yet")
        }
        return MailDraft(
            to: mail.email, subject: "\(month) in brief",
            parts: [
                .kept("\(greeting(mail.contact))Here is \(month) in brief.\n\n"),
                .kept(lines.joined(separator: "\n") + "\n\n"),
                .kept("The month day by day: \(link)\n\n"),
                .kept(signature),
            ])
    }

    /// A client's question about one invoice line, to the VA: the line quoted (its description, quantity,
    /// unit price and amount) and the page named (`page`: the invoice's number and, when known, address).
    func lineQuestion(
        number: String, description: String, quantity: String, unitPrice: String, amount: String, page: String
    ) -> MailDraft {
        let quoted = MailDraft.oneLine(description)
        return MailDraft(
            to: business.email, subject: "Question about invoice \(number): \(quoted)",
            parts: [
                .kept("Hello,\n\nI have a question about this line of invoice \(number):\n\n"),
                .shortenable(quoted),
                .kept("\n\(quantity) at \(unitPrice): \(amount)\n\nPage: \(page)\n\nMy question:\n\n"),
            ])
    }

    /// A client's question about one day of the hours page, to the VA: each entry as counted, the rules that
    /// counted it (`rules`, one a line) and the page named (`page`: the month and, when known, address).
    func dayQuestion(day: String, entries: [String], rules: [String], page: String) -> MailDraft {
        MailDraft(
            to: business.email, subject: "Question about my hours on \(day)",
            parts: [
                .kept("Hello,\n\nI have a question about my hours on \(day):\n\n"),
                .shortenable(entries.map { "- \(MailDraft.oneLine($0))" }.joined(separator: "\n")),
                .kept(
                    "\n" + (rules.isEmpty ? "" : "\n" + rules.map { "\($0)\n" }.joined())
                        + "\nPage: \(page)\n\nMy question:\n\n"),
            ])
    }

    /// `Hello Sam,` and a blank line.
    private func greeting(_ contact: String) -> String {
        "Hello \(MailDraft.oneLine(contact)),\n\n"
    }

    /// `Kind regards,` and the business name.
    private var signature: String { "Kind regards,\n\(MailDraft.oneLine(business.name))\n" }
}
