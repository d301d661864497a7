import Foundation
import Testing

@testable import DocketCore

/// What a build makes of the emails: the dashboard's links, `outbox/`'s drafts (read by Python's standard
/// `email` package), the question links on invoice and hours pages, the footer's contact line, and
/// `docket links --invoice`, for plain, link-encrypted and passphrase portals.
@Suite("Emails in a build")
struct OutboxTests {
    static let business = """
        ---
        name: Jo Bloggs VA
        address: "4 Mill Lane\\nYork YO1 7AA"
        email: jo@example.com
        bank: { account_name: Jo Bloggs, sort_code: "12-34-56", account: "12345678" }
        late_payment: "Interest at 8% over base rate."
        payment_terms: 14
        base_url: https://portal.example.com
        ---
        """

    /// Three clients, one of each portal kind, each with an invoice for October due on 15 November.
    func site() throws -> TemporarySite {
        var files = ["content/business.md": Self.business]
        for (slug, name, extra) in [
            ("acme", "Acme & Sons? #1", ""), ("keyed", "Keyed", "portal_encryption: link\n"),
            ("locked", "Locked", "portal_passphrase_env: LOCKED_PASS\n"),
        ] {
            let folder = "content/clients/\(slug)"
            files["\(folder)/client.md"] =
                "---\nname: \"\(name)\"\ncontact: Sam\nemail: sam@\(slug).example\naddress: 1 High St\nrate: 30\n\(extra)---\n"
            files["\(folder)/terms/1.md"] = DashboardTests.terms
            files["\(folder)/timesheets/2026-10.md"] = "## 2026-10-05\n- 09:00-11:00 Replies & sorting #admin\n"
            files["\(folder)/invoices/INV-\(slug).md"] =
                "---\nnumber: INV-\(slug)\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\n---\n"
        }
        return try TemporarySite(files: files)
    }

    static let environment = ["LOCKED_PASS": "correct horse battery staple"]

    /// The headers and decoded body of an `.eml` file as Python's `email` package reads them.
    static func parsed(_ path: URL) throws -> [String] {
        let script = """
            import sys, email, email.policy
            raw = open(sys.argv[1], 'rb').read()
            assert b'\\n' not in raw.replace(b'\\r\\n', b''), 'a bare LF'
            message = email.message_from_bytes(raw, policy=email.policy.strict)
            assert not message.defects, message.defects
            for name in ['From', 'To', 'Subject', 'Date', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding', 'X-Unsent']:
                print(name + ': ' + str(message[name]))
            print(message.get_content().replace('\\r\\n', '\\n'), end='')
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, path.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("drafts in outbox/: private, beside dashboard/, valid RFC 5322 read by Python's email package")
    func outbox() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.build(today: "2026-11-29", environment: Self.environment)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.all)")
        let outbox = site.root.appendingPathComponent("outbox")
        let names = try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted()
        #expect(
            names == [
                "acme-reminder-INV-acme.eml", "acme-report-2026-10.eml", "keyed-reminder-INV-keyed.eml",
                "keyed-report-2026-10.eml", "locked-reminder-INV-locked.eml", "locked-report-2026-10.eml",
            ])
        #expect(try mode(outbox.path) == 0o700)
        for name in names { #expect(try mode(outbox.appendingPathComponent(name).path) == 0o600) }
        let publicFiles = site.snapshot("public").keys
        #expect(!publicFiles.contains { $0.hasSuffix(".eml") || $0.contains("outbox") })

        let token = try #require(site.read("content/clients/acme/token.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let lines = try Self.parsed(outbox.appendingPathComponent("acme-reminder-INV-acme.eml"))
        #expect(
            Array(lines.prefix(9)) == [
                "From: jo@example.com", "To: sam@acme.example", "Subject: Invoice INV-acme: second reminder",
                "Date: Sun, 29 Nov 2026 12:00:00 +0000", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=\"utf-8\"", "Content-Transfer-Encoding: quoted-printable",
                "X-Unsent: 1", "Hello Sam,",
            ])
        // 2h at £30 = £60.00, due 15 November, 14 days overdue on 29 November.
        #expect(lines.contains("Amount due: £60.00"))
        #expect(lines.contains("Invoice: https://portal.example.com/\(token)/invoices/INV-acme.html"))
        #expect(lines.contains("Reference: INV-acme"))

        // A link portal's links carry its key after #k= and point at the page's opaque name.
        let key = try #require(site.read("content/clients/keyed/portal-key.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let keyedToken = try #require(site.read("content/clients/keyed/token.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let keyed = try Self.parsed(outbox.appendingPathComponent("keyed-report-2026-10.eml"))
        let reportLink = try #require(keyed.first { $0.hasPrefix("The month day by day: ") }).dropFirst(22)
        #expect(reportLink.hasPrefix("https://portal.example.com/\(keyedToken)/"))
        #expect(reportLink.hasSuffix(".html#k=\(key)"))
        let opaque = String(reportLink.dropFirst("https://portal.example.com/".count).prefix { $0 != "#" })
        #expect(site.exists("public/\(opaque)") && !opaque.contains("hours"))
        // A passphrase portal's: the opaque name, no key.
        let locked = try Self.parsed(outbox.appendingPathComponent("locked-reminder-INV-locked.eml"))
        let lockedLink = try #require(locked.first { $0.hasPrefix("Invoice: ") }).dropFirst(9)
        #expect(!lockedLink.contains("#") && !lockedLink.contains("invoices/"))
        #expect(site.exists("public/" + lockedLink.dropFirst("https://portal.example.com/".count)))

        // The dashboard: each chase row links its invoice page and its reminder; each report is offered.
        let dashboard = try #require(site.read("dashboard/index.html"))
        #expect(dashboard.contains("href=\"../public/\(token)/invoices/INV-acme.html\""))
        #expect(dashboard.contains("href=\"../public/\(opaque.prefix { $0 != "/" })/"))
        #expect(
            dashboard.contains(
                "href=\"mailto:sam@acme.example?subject=Invoice%20INV-acme%3A%20second%20reminder&amp;body="))
        #expect(dashboard.contains("href=\"../outbox/acme-report-2026-10.eml\""))
        let mailtos = dashboard.components(separatedBy: "href=\"mailto:").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(mailtos.count == 6 && mailtos.allSatisfy { $0.count < 2000 })

        // Paid: the next build removes its reminder.
        try site.write(
            "content/clients/acme/invoices/INV-acme.md",
            "---\nnumber: INV-acme\nissued: 2026-11-01\nperiod: 2026-10\nstatus: sent\npayments:\n  - { date: 2026-11-20, amount: 60.00 }\n---\n"
        )
        #expect(!site.build(today: "2026-11-29", environment: Self.environment).diagnostics.hasErrors)
        #expect(!site.exists("outbox/acme-reminder-INV-acme.eml"))
        #expect(site.exists("outbox/acme-report-2026-10.eml") && site.exists("outbox/keyed-reminder-INV-keyed.eml"))
    }

    @Test("a subject that is not ASCII is RFC 2047-encoded and reads back whole")
    func encodedSubject() throws {
        let draft = MailDraft(
            to: "zoë@example.com", subject: "Facture INV-1 : un rappel amical pour Zoë Ångström et cætera, merci",
            parts: [.kept("Bonjour Zoë,\n\nUne ligne très longue " + String(repeating: "é", count: 100) + "\n")])
        let text = draft.eml(from: "jo@example.com", date: CalendarDate(iso: "2026-11-30")!)
        #expect(text.contains("\r\nSubject: =?utf-8?B?"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docket-\(UUID()).eml")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let lines = try Self.parsed(file)
        #expect(lines[2] == "Subject: Facture INV-1 : un rappel amical pour Zoë Ångström et cætera, merci")
        #expect(lines[3] == "Date: Mon, 30 Nov 2026 12:00:00 +0000")
        #expect(lines[8] == "Bonjour Zoë,")
        #expect(lines[10] == "Une ligne très longue " + String(repeating: "é", count: 100))
    }

    @Test("each invoice line and each day asks the VA by email, naming its page; every client page gives the contact")
    func questions() throws {
        let site = try site()
        defer { site.remove() }
        #expect(!site.build(today: "2026-11-29", environment: Self.environment).diagnostics.hasErrors)
        let token = try #require(site.read("content/clients/acme/token.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let invoice = try #require(site.read("public/\(token)/invoices/INV-acme.html"))
        let line = try #require(invoice.components(separatedBy: "<a class=\"ask small\" href=\"").dropFirst().first)
        let href = String(line.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
        let decoded = try ClientEmailsTests.decode(href)
        #expect(decoded.to == "jo@example.com")
        #expect(decoded.subject == "Question about invoice INV-acme: Work, October 2026")
        #expect(
            decoded.body.contains(
                "\n\nWork, October 2026\n2.00 h at £30.00: £60.00\n\nPage: invoice INV-acme, https://portal.example.com/\(token)/invoices/INV-acme.html\n"
            ))
        let hours = try #require(site.read("public/\(token)/hours/2026-10.html"))
        let day = try #require(hours.components(separatedBy: "<a class=\"ask\" href=\"").dropFirst().first)
        let dayDecoded = try ClientEmailsTests.decode(
            String(day.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&"))
        #expect(dayDecoded.subject == "Question about my hours on Monday 5 October 2026")
        #expect(dayDecoded.body.contains("\n- Work 09:00–11:00, Replies & sorting: 2h\n"))
        #expect(
            dayDecoded.body.contains(
                "\nPage: hours for October 2026, https://portal.example.com/\(token)/hours/2026-10.html#d2026-10-05\n"))
        for page in ["index.html", "statement.html", "invoices/INV-acme.html", "hours/2026-10.html", "terms/1.html"] {
            #expect(
                site.read("public/\(token)/\(page)")?.contains(
                    "<p>Questions? Email <a href=\"mailto:jo@example.com\">jo@example.com</a></p>") == true, "\(page)")
        }
        #expect(site.read("public/index.html")?.contains("Questions?") == false)
    }

    @Test("links --invoice: plain, link-encrypted with #k=, passphrase with the variable set, else an error naming it")
    func invoiceLinks() throws {
        let site = try site()
        defer { site.remove() }
        #expect(!site.build(today: "2026-11-29", environment: Self.environment).diagnostics.hasErrors)
        func link(_ number: String, _ environment: [String: String] = Self.environment) -> (String?, Diagnostics) {
            var diagnostics = Diagnostics()
            let link = ShareLinks.invoiceLink(
                number: number, root: site.root, environment: environment, diagnostics: &diagnostics)
            return (link, diagnostics)
        }
        func token(_ slug: String) throws -> String {
            try #require(site.read("content/clients/\(slug)/token.txt")).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(link("INV-acme").0 == "https://portal.example.com/\(try token("acme"))/invoices/INV-acme.html")
        let keyed = try #require(link("INV-keyed").0)
        let key = try #require(site.read("content/clients/keyed/portal-key.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(keyed.hasSuffix(".html#k=\(key)"))
        let keyedFile = keyed.dropFirst("https://portal.example.com/".count).prefix { $0 != "#" }
        #expect(site.exists("public/\(keyedFile)") && !keyedFile.contains("invoices"))
        // The dashboard's reminder names the same page.
        #expect(site.read("outbox/keyed-reminder-INV-keyed.eml")?.contains(String(keyedFile.suffix(12))) == true)
        let locked = try #require(link("INV-locked").0)
        #expect(!locked.contains("#") && !locked.contains("invoices"))
        #expect(site.exists("public/" + locked.dropFirst("https://portal.example.com/".count)))
        let (missing, diagnostics) = link("INV-locked", [:])
        #expect(missing == nil)
        #expect(
            diagnostics.all.map(\.description).contains {
                $0.hasPrefix(
                    "content/clients/locked/client.md:7:1: error: the environment variable LOCKED_PASS is not set")
            }, "\(diagnostics.all.map(\.description))")
        let (unknown, unknownDiagnostics) = link("INV-404")
        #expect(unknown == nil && unknownDiagnostics.hasErrors)
    }

    @Test("docket links --invoice prints one link and exits 0; without the passphrase it exits 1 naming the variable")
    func invoiceLinkCommand() throws {
        let site = try site()
        defer { site.remove() }
        #expect(!site.build(today: "2026-11-29", environment: Self.environment).diagnostics.hasErrors)
        let cli = CLITests()
        let token = try #require(site.read("content/clients/acme/token.txt")).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let plain = try cli.docket(["links", "--site", site.root.path, "--invoice", "INV-acme"])
        #expect(plain.status == 0)
        #expect(plain.stdout == "https://portal.example.com/\(token)/invoices/INV-acme.html\n")
        let locked = try cli.docket(
            ["links", "--site", site.root.path, "--invoice", "INV-locked"], environment: ["LOCKED_PASS": ""])
        #expect(locked.status == 1 && locked.stdout.isEmpty)
        #expect(
            locked.stderr.contains(
                "content/clients/locked/client.md:7:1: error: the environment variable LOCKED_PASS is not set"))
        let opened = try cli.docket(
            ["links", "--site", site.root.path, "--invoice", "INV-locked"], environment: Self.environment)
        #expect(opened.status == 0 && opened.stdout.hasSuffix(".html\n") && !opened.stdout.contains("#"))
    }

    @Test("an archived client's overdue invoice still has a reminder, without a link, and no monthly report")
    func archived() throws {
        let site = try site()
        defer { site.remove() }
        let client = try #require(site.read("content/clients/acme/client.md"))
        try site.write(
            "content/clients/acme/client.md",
            client.replacingOccurrences(of: "---\nname", with: "---\nstatus: archived\nname"))
        let report = site.build(today: "2026-11-29", environment: Self.environment)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.all)")
        let reminder = try #require(site.read("outbox/acme-reminder-INV-acme.eml"))
        #expect(reminder.contains("\r\nDays overdue: 14\r\n\r\nHow to pay:\r\n"))
        #expect(!site.exists("outbox/acme-report-2026-10.eml"))
    }
}
