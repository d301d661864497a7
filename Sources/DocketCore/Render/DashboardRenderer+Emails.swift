/// The emails on the dashboard: a reminder per overdue invoice and a monthly report per client, each as a
/// `mailto:` link on the dashboard and as the same draft in `outbox/`.
extension DashboardRenderer {
    /// One email the VA can send.
    struct Email {
        /// The client's name.
        var client: String
        /// What it is: `INV-2026-030` for a reminder, `October 2026` for a report.
        var about: String
        /// Its file name in `outbox/`: `<slug>-reminder-<number>.eml`, `<slug>-report-<YYYY-MM>.eml`.
        var file: String
        /// The draft.
        var draft: MailDraft
        /// The page it links to, from the dashboard (`../public/<token>/…`); nil without a portal.
        var page: String?
    }

    /// The reminders by invoice number, and the reports in client order.
    typealias Emails = (reminders: [String: Email], reports: [Email])

    /// Every email, in the dashboard's order: reminders as the chase list orders invoices, then reports in
    /// client order. A client without a portal (archived) has reminders without a link, and no report.
    func emails(_ dashboard: Dashboard, portals: [Portal]) -> Emails {
        let texts = ClientEmails(business: business)
        var bySlug: [String: Portal] = [:]
        for portal in portals { bySlug[portal.slug] = portal }
        var reminders: [String: Email] = [:]
        var reports: [Email] = []
        for (client, currency, mail) in dashboard.mail {
            let portal = bySlug[mail.slug]
            for reminder in mail.reminders {
                reminders[reminder.number] = Email(
                    client: client, about: reminder.number, file: "\(mail.slug)-reminder-\(reminder.number).eml",
                    draft: texts.reminder(
                        reminder, mail: mail, currency: currency,
                        link: portal?.link(to: reminder.page, baseURL: business.baseURL)),
                    page: portal.map { "../public/\($0.token)/\(reminder.page)" })
            }
            if let portal, let report = mail.report {
                reports.append(
                    Email(
                        client: client, about: report.month.longDescription,
                        file: "\(mail.slug)-report-\(report.month).eml",
                        draft: texts.monthlyReport(
                            report, mail: mail, currency: currency,
                            link: portal.link(to: report.page, baseURL: business.baseURL)),
                        page: "../public/\(portal.token)/\(report.page)"))
            }
        }
        return (reminders, reports)
    }

    /// The drafts of `outbox/`, relative to it: every email as an `.eml` file dated `today`, on all cores.
    func outbox(_ emails: Emails) -> [OutputFile] {
        let (reminders, reports) = emails
        let all = reminders.values.sorted { $0.file < $1.file } + reports
        let sender = business.email
        let today = today
        return all.parallelMap { OutputFile(path: $0.file, text: $0.draft.eml(from: sender, date: today)) }
    }
}
