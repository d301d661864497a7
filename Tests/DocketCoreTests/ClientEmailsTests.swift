import Foundation
import Testing

@testable import DocketCore

/// The texts of the emails Docket drafts: reminders by days overdue, the monthly report, and a client's
/// question about an invoice line or a day. Every expected text is written out by hand.
@Suite("Emails you can send")
struct ClientEmailsTests {
    /// A business with bank details and late-payment terms.
    static var business: Business {
        var business = testBusiness()
        business.name = "Jo Bloggs VA"
        business.bank = BankDetails(accountName: "Jo Bloggs", sortCode: "12-34-56", account: "12345678")
        business.latePayment = "Interest at 8% over base rate."
        business.baseURL = "https://portal.example.com"
        return business
    }

    static let mail = ClientMail(slug: "acme", contact: "Sam", email: "sam@acme.example", reminders: [], report: nil)

    static func reminder(daysOverdue: Int) -> ClientMail.Reminder {
        ClientMail.Reminder(
            number: "INV-7", total: 12_000, balance: 12_000, due: CalendarDate(iso: "2026-11-02")!,
            daysOverdue: daysOverdue, page: "invoices/INV-7.html")
    }

    static let link = "https://portal.example.com/tok/invoices/INV-7.html"

    /// What every reminder ends with: the facts, how to pay, the signature.
    static func facts(days: Int) -> String {
        """
        Amount due: £120.00
        Due date: 2 Nov 2026
        Days overdue: \(days)
        Invoice: https://portal.example.com/tok/invoices/INV-7.html

        How to pay:
        Account name: Jo Bloggs
        Sort code: 12-34-56
        Account number: 12345678
        Reference: INV-7

        Kind regards,
        Jo Bloggs VA

        """
    }

    @Test(
        "a reminder's tone by days overdue: friendly at 1 day, second at 14, final at 30 with the late-payment terms",
        arguments: [
            (
                1, "Invoice INV-7: a friendly reminder",
                "This is a friendly reminder that invoice INV-7 was due on Monday 2 November 2026 and is now 1 day overdue. If the payment is already on its way, thank you, and please disregard this email."
            ),
            (
                13, "Invoice INV-7: a friendly reminder",
                "This is a friendly reminder that invoice INV-7 was due on Monday 2 November 2026 and is now 13 days overdue. If the payment is already on its way, thank you, and please disregard this email."
            ),
            (
                14, "Invoice INV-7: second reminder",
                "This is a second reminder that invoice INV-7 was due on Monday 2 November 2026 and is now 14 days overdue. Please could you arrange payment, or let me know if anything on the invoice needs looking at."
            ),
            (
                29, "Invoice INV-7: second reminder",
                "This is a second reminder that invoice INV-7 was due on Monday 2 November 2026 and is now 29 days overdue. Please could you arrange payment, or let me know if anything on the invoice needs looking at."
            ),
            (
                30, "Invoice INV-7: final reminder",
                "This is a final reminder that invoice INV-7 was due on Monday 2 November 2026 and is now 30 days overdue. Please arrange payment as soon as you can, or reply to let me know when it will be paid.\n\nLate-payment terms: Interest at 8% over base rate."
            ),
        ])
    func reminderTone(days: Int, subject: String, opening: String) {
        let draft = ClientEmails(business: Self.business).reminder(
            Self.reminder(daysOverdue: days), mail: Self.mail, currency: .gbp, link: Self.link)
        #expect(draft.to == "sam@acme.example")
        #expect(draft.subject == subject)
        #expect(draft.body == "Hello Sam,\n\n\(opening)\n\n" + Self.facts(days: days))
    }

    @Test("a final reminder without late-payment terms says nothing of them; a part-paid invoice gives both amounts")
    func finalWithoutTerms() {
        var business = Self.business
        business.latePayment = nil
        var reminder = Self.reminder(daysOverdue: 45)
        reminder.balance = 5_000
        let draft = ClientEmails(business: business).reminder(
            reminder, mail: Self.mail, currency: .gbp, link: Self.link)
        #expect(!draft.body.contains("Late-payment"))
        #expect(draft.body.contains("\nAmount due: £50.00 (of £120.00)\n"))
        #expect(draft.subject == "Invoice INV-7: final reminder")
    }

    @Test("the monthly report: hours used and left on the retainer, out of hours, the invoice, the report's link")
    func monthlyReport() {
        let report = ClientMail.MonthReport(
            month: YearMonth(iso: "2026-10")!, workedMinutes: 1_230, retainerUsed: 1_110, retainerAvailable: 1_200,
            outOfHoursMinutes: 120, invoice: "INV-8", invoiceTotal: 55_000,
            invoiceDue: CalendarDate(iso: "2026-11-14")!, page: "hours/2026-10.html")
        let draft = ClientEmails(business: Self.business).monthlyReport(
            report, mail: Self.mail, currency: .gbp, link: "https://portal.example.com/tok/hours/2026-10.html")
        #expect(draft.subject == "October 2026 in brief")
        #expect(
            draft.body == """
                Hello Sam,

                Here is October 2026 in brief.

                Hours used: 18h 30m of 20h on the retainer (1h 30m left)
                Out of hours: 2h
                Invoice: INV-8, £550.00, due 14 Nov 2026

                The month day by day: https://portal.example.com/tok/hours/2026-10.html

                Kind regards,
                Jo Bloggs VA

                """)
        // Hourly, nothing out of hours, not invoiced yet; over the retainer.
        var hourly = report
        hourly.retainerUsed = nil
        hourly.retainerAvailable = nil
        hourly.outOfHoursMinutes = 0
        hourly.invoice = nil
        let plain = ClientEmails(business: Self.business).monthlyReport(
            hourly, mail: Self.mail, currency: .gbp, link: "L")
        #expect(plain.body.contains("\n\nHours worked: 20h 30m\nOut of hours: none\nInvoice: not issued yet\n\n"))
        var over = report
        over.retainerUsed = 1_290
        let beyond = ClientEmails(business: Self.business).monthlyReport(
            over, mail: Self.mail, currency: .gbp, link: "L")
        #expect(beyond.body.contains("\nHours used: 21h 30m of 20h on the retainer (1h 30m beyond it)\n"))
    }

    /// The subject and body of a `mailto:` link, percent-decoded.
    static func decode(_ mailto: String) throws -> (to: String, subject: String, body: String) {
        let rest = try #require(mailto.hasPrefix("mailto:") ? String(mailto.dropFirst(7)) : nil)
        let parts = rest.split(separator: "?", maxSplits: 1).map(String.init)
        try #require(parts.count == 2)
        var fields: [String: String] = [:]
        for pair in parts[1].split(separator: "&") {
            let halves = pair.split(separator: "=", maxSplits: 1).map(String.init)
            try #require(halves.count == 2)
            fields[halves[0]] = halves[1].removingPercentEncoding
        }
        try #require(Set(fields.keys) == ["subject", "body"])
        return (try #require(parts[0].removingPercentEncoding), fields["subject"]!, fields["body"]!)
    }

    @Test("a question about an invoice line: its exact subject and body, decoded from the link")
    func lineQuestion() throws {
        let draft = ClientEmails(business: Self.business).lineQuestion(
            number: "INV-7", description: "Work, October 2026", quantity: "4.25 h", unitPrice: "£30.00",
            amount: "£127.50", page: "invoice INV-7, https://portal.example.com/tok/invoices/INV-7.html")
        let link = draft.mailto()
        let decoded = try Self.decode(link)
        #expect(decoded.to == "jo@example.com")
        #expect(link.hasPrefix("mailto:jo@example.com?subject=Question%20about%20invoice%20INV-7%3A%20Work%2C%20"))
        #expect(decoded.subject == "Question about invoice INV-7: Work, October 2026")
        #expect(
            decoded.body == """
                Hello,

                I have a question about this line of invoice INV-7:

                Work, October 2026
                4.25 h at £30.00: £127.50

                Page: invoice INV-7, https://portal.example.com/tok/invoices/INV-7.html

                My question:


                """)
    }

    @Test("a question about a day: its exact subject and body, each entry as counted and the rules")
    func dayQuestion() throws {
        let draft = ClientEmails(business: Self.business).dayQuestion(
            day: "Monday 5 October 2026",
            entries: ["Work 09:00–11:10, Replies: 2h 15m", "Expense £12.00, Train: £12.00"],
            rules: ["Each entry is rounded up to 15m.", "Core hours: Mon-Fri 09:00-17:00."],
            page: "hours for October 2026, https://portal.example.com/tok/hours/2026-10.html#d2026-10-05")
        let decoded = try Self.decode(draft.mailto())
        #expect(decoded.subject == "Question about my hours on Monday 5 October 2026")
        #expect(
            decoded.body == """
                Hello,

                I have a question about my hours on Monday 5 October 2026:

                - Work 09:00–11:10, Replies: 2h 15m
                - Expense £12.00, Train: £12.00

                Each entry is rounded up to 15m.
                Core hours: Mon-Fri 09:00-17:00.

                Page: hours for October 2026, https://portal.example.com/tok/hours/2026-10.html#d2026-10-05

                My question:


                """)
    }

    @Test("a long line or day is shortened to a link under 2,000 characters; the page's address is never cut")
    func longStaysShort() throws {
        let page = "invoice INV-7, https://portal.example.com/tok/0123456789abcdef01234567.html"
        let long = String(repeating: "Très long détail & ? # = ", count: 200)
        let line = ClientEmails(business: Self.business).lineQuestion(
            number: "INV-7", description: long, quantity: "1.00 h", unitPrice: "£30.00", amount: "£30.00", page: page)
        let lineLink = line.mailto()
        #expect(lineLink.count <= 2000 && lineLink.count > 1900)
        let decoded = try Self.decode(lineLink)
        #expect(decoded.body.contains("\nPage: \(page)\n"))
        #expect(decoded.body.contains("\n1.00 h at £30.00: £30.00\n"))
        #expect(decoded.body.contains("…\n"))
        #expect(decoded.subject.hasSuffix("…") && decoded.subject.count <= MailDraft.subjectLimit)
        let day = ClientEmails(business: Self.business).dayQuestion(
            day: "Monday 5 October 2026", entries: Array(repeating: "Work 1h, \(long.prefix(100)): 1h", count: 60),
            rules: [], page: page)
        let dayLink = day.mailto()
        #expect(dayLink.count <= 2000)
        #expect(try Self.decode(dayLink).body.contains("\nPage: \(page)\n"))
        // A short one is not touched.
        let short = ClientEmails(business: Self.business).lineQuestion(
            number: "INV-7", description: "Post", quantity: "1.00 h", unitPrice: "£30.00", amount: "£30.00", page: page)
        #expect(try Self.decode(short.mailto()).body.contains("\n\nPost\n1.00 h"))
    }

    @Test("hostile text (CR, LF, &, ?, #, =, %) cannot add a header to an email nor break its link")
    func hostile() throws {
        let hostile = "Evil\r\nBcc: x@evil.example&cc=y@evil.example?body=#frag%41=\u{0}"
        let line = ClientEmails(business: Self.business).lineQuestion(
            number: "INV-7", description: hostile, quantity: "1.00 h", unitPrice: "£30.00", amount: "£30.00",
            page: "invoice INV-7")
        let link = line.mailto()
        // Only unreserved characters and escapes after the address: one `?`, one `&`, no line break.
        let query = try #require(link.split(separator: "?", maxSplits: 1).last)
        #expect(!link.contains("#") && !link.contains("\r") && !link.contains("\n") && !link.contains(" "))
        #expect(query.filter { $0 == "&" }.count == 1 && query.filter { $0 == "?" }.isEmpty)
        let decoded = try Self.decode(link)
        #expect(decoded.to == "jo@example.com")
        #expect(!decoded.subject.contains("\r") && !decoded.subject.contains("\n"))
        #expect(decoded.body.contains("Evil  Bcc: x@evil.example&cc=y@evil.example?body=#frag%41= "))
        // The same text as a contact and an address in an .eml draft adds no header line.
        var mail = Self.mail
        mail.contact = hostile
        mail.email = "sam@acme.example\r\nBcc: x@evil.example"
        let draft = ClientEmails(business: Self.business).reminder(
            Self.reminder(daysOverdue: 3), mail: mail, currency: .gbp, link: Self.link)
        let eml = draft.eml(from: "jo@example.com", date: CalendarDate(iso: "2026-11-05")!)
        let headers = try #require(eml.components(separatedBy: "\r\n\r\n").first)
        #expect(
            headers.components(separatedBy: "\r\n").map { $0.prefix { $0 != ":" } } == [
                "From", "To", "Subject", "Date", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
                "X-Unsent",
            ])
        #expect(headers.contains("\r\nTo: sam@acme.exampleBcc:x@evil.example\r\n"))
    }
}

/// Percent-encoding for `mailto:` links, held to Foundation's own encoder as an independent reference.
@Suite("Percent-encoding")
struct PercentEncodingTests {
    /// RFC 3986's unreserved characters: the only ones left as they are.
    static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    @Test("every byte but the unreserved characters is encoded, as Foundation encodes it, for any text")
    func sameAsFoundation() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "a", "Z", "0", "-", ".", "_", "~", " ", "\n", "\r", "&", "=", "?", "#", "%", "@", "+", "é", "£",
            "€", "😀", "\u{0}", "\u{7F}", "—", "e\u{301}",
        ]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let reference = try #require(text.addingPercentEncoding(withAllowedCharacters: Self.unreserved))
            #expect(HTML.percentEncode(text) == reference, "\(Array(text.unicodeScalars))")
        }
        #expect(HTML.percentEncode("") == "")
        #expect(HTML.percentEncode("£1 & x") == "%C2%A31%20%26%20x")
    }

    @Test("a mailto: link keeps the address's @ and encodes everything else that is not unreserved")
    func mailtoAddress() {
        #expect(HTML.mailto("maya@example.com") == "mailto:maya@example.com")
        #expect(HTML.mailto("o'brien+va@example.com") == "mailto:o%27brien%2Bva@example.com")
        #expect(HTML.mailto("a@b?cc=x@y") == "mailto:a@b%3Fcc%3Dx@y")
    }
}
