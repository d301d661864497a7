import Foundation
import Testing

@testable import DocketCore

/// `docket init`: a new site's files, the placeholders `check` names, and a first build with no templates/.
@Suite("docket init")
struct SiteScaffoldTests {
    static let business = """
        ---
        # Your business: printed on every invoice, and your name heads every portal page.
        # Replace each FILL IN below with your own details: `docket check` lists every one still to fill
        # in, and nothing is built until none is left. Lines starting with # are notes for you; Docket
        # ignores them. docs/content-format.md describes every field.

        # Your trading name, as on your invoices.
        name: "FILL IN: your trading name, like Jo Bloggs Virtual Assistance"
        # Your postal address: write \\n between its lines, like 4 Mill Lane\\nYork YO1 7AA
        address: "FILL IN: your postal address"
        email: "FILL IN: the email address your clients write to"
        # How clients pay you, printed on every invoice.
        bank:
          account_name: "FILL IN: the name on your bank account, exactly as your bank holds it"
          sort_code: "FILL IN: your sort code, like 12-34-56"
          account: "FILL IN: your account number"
        # Printed on every invoice; change it if your terms say otherwise.
        late_payment: "Interest at 8% over base rate under the Late Payment of Commercial Debts Act."

        # Optional: remove the # at the start of a line to use it.
        # phone: "07700 900123"
        # payment_terms: 14                   # days a client has to pay (default 30)
        # company_number: "12345678"          # a limited company prints it on invoices
        # vat_number: GB123456789             # when you are VAT registered: VAT is then charged
        # currency: GBP                       # your currency (default GBP)
        # base_url: https://portal.example.com   # where you upload public/: share links start with it
        ---

        """

    static let exampleClient = """
        ---
        # An example client. Rename its folder (content/clients/example-client) for a real client (lowercase
        # letters, digits and -, like acme-widgets), or delete it and run `docket new client SLUG`.
        # Replace each FILL IN below: `docket check` lists every one still to fill in, and nothing is
        # built until none is left. Lines starting with # are notes for you; Docket ignores them.
        # docs/content-format.md describes every field.

        # The client's name, as on your invoices.
        name: "FILL IN: the client's name, like Acme Widgets Ltd"
        # The person you deal with there, and their email.
        contact: "FILL IN: your contact's name, like Sam Patel"
        email: "FILL IN: your contact's email address"
        # The client's postal address, printed on invoices: write \\n between its lines.
        address: "FILL IN: the client's postal address"
        # Your hourly rate for this client.
        rate: "FILL IN: your hourly rate, like 30.00"

        # Optional: remove the # at the start of a line to use it.
        # increment: 15m                      # round each entry up to this
        # core_hours: "Mon-Fri 09:00-15:00"   # the hours agreed; work outside them is out of hours
        # out_of_hours_rate: 45.00            # per hour outside core_hours (default: rate)
        # travel_rate: 15.00                  # per hour of travel (default: rate)
        # mileage_rate: 0.45                  # per mile
        # payment_terms: 14                   # days to pay (default: business.md's)
        # retainer: { hours: 20, fee: 550.00, rollover: 5 }   # a monthly package
        # portal_encryption: link             # encrypt the portal: the key goes in its link
        ---
        Your private notes about this client go here, under the line above. Docket never publishes them.

        """

    static let gitignore =
        "# Built by Docket: upload public/, keep the rest on your computer.\npublic/\ndashboard/\noutbox/\n.docket-cache/\n.docket/\n"

    /// A new site started with `docket init`'s files.
    func initialized() throws -> TemporarySite {
        let site = try TemporarySite(files: [:], templates: false)
        var diagnostics = Diagnostics()
        let files = try #require(SiteScaffold.make(root: site.root, diagnostics: &diagnostics))
        #expect(diagnostics.all.isEmpty)
        try files.write(root: site.root)
        return site
    }

    /// Replaces text in a file of the site, requiring it to be there.
    func replace(_ site: TemporarySite, _ path: String, _ pairs: [(String, String)]) throws {
        var text = try #require(site.read(path))
        for (old, new) in pairs {
            #expect(text.contains(old), "\(old) not in \(path)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try site.write(path, text)
    }

    @Test("init into an empty folder writes business.md, one example client and .gitignore, and nothing else")
    func writesExactlyTheseFiles() throws {
        let site = try initialized()
        defer { site.remove() }
        let files = site.snapshot("").mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(
            files.keys.sorted() == [".gitignore", "content/business.md", "content/clients/example-client/client.md"])
        #expect(files["content/business.md"] == Self.business)
        #expect(files["content/clients/example-client/client.md"] == Self.exampleClient)
        #expect(files[".gitignore"] == Self.gitignore)
    }

    @Test("check names every placeholder of the new site, business.md's and the example client's, at its value")
    func checkNamesEachPlaceholder() throws {
        let site = try initialized()
        defer { site.remove() }
        let report = site.build(mode: .check)
        let client = "content/clients/example-client/client.md"
        let expected = [
            "content/business.md:8:7: error: still to fill in: `name`, your trading name, like Jo Bloggs Virtual Assistance (write yours in place of the FILL IN text)",
            "content/business.md:10:10: error: still to fill in: `address`, your postal address (write yours in place of the FILL IN text)",
            "content/business.md:11:8: error: still to fill in: `email`, the email address your clients write to (write yours in place of the FILL IN text)",
            "content/business.md:14:17: error: still to fill in: `bank.account_name`, the name on your bank account, exactly as your bank holds it (write yours in place of the FILL IN text)",
            "content/business.md:15:14: error: still to fill in: `bank.sort_code`, your sort code, like 12-34-56 (write yours in place of the FILL IN text)",
            "content/business.md:16:12: error: still to fill in: `bank.account`, your account number (write yours in place of the FILL IN text)",
            "\(client):9:7: error: still to fill in: `name`, the client's name, like Acme Widgets Ltd (write yours in place of the FILL IN text)",
            "\(client):11:10: error: still to fill in: `contact`, your contact's name, like Sam Patel (write yours in place of the FILL IN text)",
            "\(client):12:8: error: still to fill in: `email`, your contact's email address (write yours in place of the FILL IN text)",
            "\(client):14:10: error: still to fill in: `address`, the client's postal address (write yours in place of the FILL IN text)",
            "\(client):16:7: error: still to fill in: `rate`, your hourly rate, like 30.00 (write yours in place of the FILL IN text)",
        ]
        #expect(report.diagnostics.sorted.map(\.description) == expected)
        // A build fails the same way and writes nothing.
        let build = site.build()
        #expect(!build.succeeded)
        #expect(!site.exists("public"))
        #expect(!site.exists("content/clients/example-client/token.txt"))
    }

    @Test("with the placeholders filled in, the new site builds with no templates/ folder")
    func buildsOnceFilledIn() throws {
        let site = try initialized()
        defer { site.remove() }
        try replace(
            site, "content/business.md",
            [
                ("\"FILL IN: your trading name, like Jo Bloggs Virtual Assistance\"", "Kim Lee Admin"),
                ("\"FILL IN: your postal address\"", "2 Quay Street\\nBristol BS1 4DJ"),
                ("\"FILL IN: the email address your clients write to\"", "kim@example.com"),
                ("\"FILL IN: the name on your bank account, exactly as your bank holds it\"", "Kim Lee"),
                ("\"FILL IN: your sort code, like 12-34-56\"", "\"20-00-00\""),
                ("\"FILL IN: your account number\"", "\"55779911\""),
            ])
        try replace(
            site, "content/clients/example-client/client.md",
            [
                ("\"FILL IN: the client's name, like Acme Widgets Ltd\"", "Harbour Books"),
                ("\"FILL IN: your contact's name, like Sam Patel\"", "Ali Khan"),
                ("\"FILL IN: your contact's email address\"", "ali@harbour.example"),
                ("\"FILL IN: the client's postal address\"", "9 Dock Road\\nBristol BS2 0AA"),
                ("\"FILL IN: your hourly rate, like 30.00\"", "28.50"),
            ])
        try site.write("content/clients/example-client/timesheets/2026-11.md", "## 2026-11-02\n- 2h Bookkeeping\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.sorted.map(\.description))")
        // Only the reminder that no terms are agreed yet.
        #expect(
            report.diagnostics.sorted.map(\.description) == [
                "content/clients/example-client/client.md: warning: work is logged with no agreed terms in force (November 2026): no contract, no work — add content/clients/example-client/terms/1.md with `status: agreed`, `agreed_on` and `agreed_by`"
            ])
        #expect(!site.exists("templates"))
        let token = try #require(
            site.read("content/clients/example-client/token.txt")?.trimmingCharacters(in: .newlines))
        let overview = try #require(site.read("public/\(token)/index.html"))
        #expect(overview.contains("<p class=\"brand\">Kim Lee Admin</p>"))
        #expect(overview.contains("Client portal · Harbour Books"))
        #expect(!overview.contains("FILL IN"))
        #expect(
            site.read("public/assets/portal.css")
                == BuiltInTemplates.files.first { $0.path == "assets/portal.css" }?.text)
    }

    @Test("init refuses when any of its files exists: an error for each, and nothing written")
    func refusesToOverwrite() throws {
        let site = try TemporarySite(
            files: [".gitignore": "node_modules/\n", "content/business.md": "---\nname: Mine\n---\n"], templates: false)
        defer { site.remove() }
        var diagnostics = Diagnostics()
        #expect(SiteScaffold.make(root: site.root, diagnostics: &diagnostics) == nil)
        let refusal =
            "already exists; `docket init` never writes over a file: start the site in an empty folder, or move this file aside"
        #expect(
            diagnostics.sorted.map(\.description) == [
                ".gitignore: error: \(refusal)", "content/business.md: error: \(refusal)",
            ])
        #expect(site.read(".gitignore") == "node_modules/\n")
        #expect(!site.exists("content/clients"))
    }
}
