import Foundation
import Testing

@testable import DocketCore

/// `docket export hledger`: the journal, byte for byte, and read back by hledger itself.
@Suite("Export: hledger journal")
struct HledgerExportTests {
    /// A posting as docs/exporting.md describes it: four spaces, the account padded to 40 characters, the
    /// amount right-aligned in 14 (so it ends at column 58), then the comment.
    static func posting(_ account: String, _ amount: String, _ comment: String? = nil) -> String {
        "    " + account + String(repeating: " ", count: 40 - account.count)
            + String(repeating: " ", count: 14 - amount.count) + amount + (comment.map { "  ; " + $0 } ?? "") + "\n"
    }

    @Test("a small site's journal: invoices as issued and payments as paid, by date; no draft or void invoice")
    func journal() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        let (text, diagnostics) = ExportSite.export(.hledger, site)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let p = Self.posting
        let expected =
            "; Invoices and payments from Docket (docket export hledger).\n\n"
            + "account assets:bank\naccount assets:receivable:acme\naccount assets:receivable:euro\n"
            + "account assets:receivable:zero\naccount income:acme\naccount income:euro\naccount income:zero\n"
            + "account liabilities:vat\n\n"
            + "commodity 1000.00 EUR\ncommodity 1000.00 GBP\n"
            + "\n2026-10-01 (INV-003) Charity Trust\n"
            + p("assets:receivable:zero", "30.00 GBP", nil)
            + p("income:zero", "-30.00 GBP", "Work, September 2026")
            + "\n2026-11-02 (INV-001) Acme Widgets Ltd\n"
            + p("assets:receivable:acme", "159.36 GBP", nil)
            + p("income:acme", "-67.50 GBP", "Work, October 2026")
            + p("income:acme", "-2.80 GBP", "Mileage, October 2026")
            + p("income:acme", "-12.50 GBP", "Parking (5 Oct 2026)")
            + p("income:acme", "-50.00 GBP", "Setup of \"shared\" inbox, with rules")
            + p("liabilities:vat", "-26.56 GBP", "VAT 20%")
            + "\n2026-11-02 (INV-002) Euro Events GmbH\n"
            + p("assets:receivable:euro", "135.00 EUR", nil)
            + p("income:euro", "-135.00 EUR", "Work, October 2026")
            + "\n2026-11-20 (INV-001) Acme Widgets Ltd | payment\n"
            + p("assets:bank", "100.00 GBP", nil)
            + p("assets:receivable:acme", "-100.00 GBP", nil)
            + "\n2026-11-25 (INV-002) Euro Events GmbH | payment\n"
            + p("assets:bank", "135.00 EUR", nil)
            + p("assets:receivable:euro", "-135.00 EUR", nil)
        #expect(text == expected)
    }

    @Test(
        "a client's name with `;` or `|` stays whole: written with `,` and `/`, hledger reads it as the payee",
        .enabled(if: hledgerAvailable))
    func nameWithJournalSyntax() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        let path = "content/clients/acme/client.md"
        try site.write(
            path,
            try #require(site.read(path)).replacingOccurrences(
                of: "name: Acme Widgets Ltd", with: "name: \"Acme; Widgets | Gadgets Ltd\""))
        let exported = ExportSite.export(.hledger, site)
        let text = try #require(exported.text, "\(exported.diagnostics.all)")
        #expect(text.contains("\n2026-11-02 (INV-001) Acme, Widgets / Gadgets Ltd\n"))
        #expect(text.contains("\n2026-11-20 (INV-001) Acme, Widgets / Gadgets Ltd | payment\n"))
        let journal = site.root.appendingPathComponent("docket.journal")
        try text.write(to: journal, atomically: true, encoding: .utf8)
        // Read back: the invoice's payee is the whole name, and the payment's too (before its `| payment`).
        let run = try Self.hledger(["-f", journal.path, "payees"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Acme, Widgets / Gadgets Ltd\n"))
        #expect(!run.output.contains("Acme\n"))
    }

    @Test("--from keeps the invoices issued and payments made on or after the day")
    func from() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        let text = try #require(ExportSite.export(.hledger, site, from: "2026-11-20").text)
        #expect(text.contains("\n2026-11-20 (INV-001) Acme Widgets Ltd | payment\n"))
        #expect(text.contains("\n2026-11-25 (INV-002) Euro Events GmbH | payment\n"))
        #expect(!text.contains("2026-11-02"))
        #expect(!text.contains("2026-10-01"))
        #expect(!text.contains("income:"))
    }

    @Test(
        "a currency without minor units: whole amounts, and a commodity directive hledger reads (`1000. JPY`)",
        .enabled(if: hledgerAvailable))
    func yen() throws {
        let site = try TemporarySite(files: [
            "content/business.md": billingBusinessMD,
            "content/clients/tokyo/client.md":
                "---\nname: Tokyo KK\ncontact: Aiko\nemail: a@tokyo.example\naddress: Tokyo\ncurrency: JPY\nrate: 3000\n---\n",
            "content/clients/tokyo/terms/1.md": DashboardTests.terms,
            "content/clients/tokyo/timesheets/2026-10.md": "## 2026-10-05\n- 2h Translation\n",
            "content/clients/tokyo/invoices/T-1.md":
                "---\nnumber: T-1\nissued: 2026-11-02\nperiod: 2026-10\nstatus: sent\ntotal: 6000\n---\n",
        ])
        defer { site.remove() }
        let (text, diagnostics) = ExportSite.export(.hledger, site)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let journal = try #require(text)
        // 2 h × ¥3,000 = ¥6,000; no VAT (the business is not VAT registered).
        #expect(journal.contains("\ncommodity 1000. JPY\n"))
        #expect(journal.contains(Self.posting("assets:receivable:tokyo", "6000 JPY")))
        #expect(journal.contains(Self.posting("income:tokyo", "-6000 JPY", "Work, October 2026")))
        #expect(!journal.contains("liabilities:vat"))
        let file = site.root.appendingPathComponent("yen.journal")
        try Data(journal.utf8).write(to: file)
        let check = try Self.hledger(["-f", file.path, "check", "--strict"])
        #expect(check.status == 0, "\(check.errors)")
        #expect(try Self.balance(file.path, slug: "tokyo") == "6000 JPY")
    }

    /// Whether hledger can be run (Debian's `hledger`; CI sets DOCKET_REQUIRE_TOOLS so it is never skipped).
    static let hledgerAvailable =
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/hledger")
        } || ProcessInfo.processInfo.environment["DOCKET_REQUIRE_TOOLS"] != nil

    /// Runs hledger, giving its exit status and standard output.
    static func hledger(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["hledger"] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: output, as: UTF8.self),
            String(decoding: errors, as: UTF8.self)
        )
    }

    /// A client's receivable balance as hledger reports it, as `363.77 GBP` (`0` when nothing is owed).
    static func balance(_ journal: String, slug: String) throws -> String {
        let run = try hledger(["-f", journal, "bal", "assets:receivable:\(slug)", "-E", "-N", "-O", "csv"])
        #expect(run.status == 0, "\(run.errors)")
        // "account","balance" then one row per account.
        let rows = run.output.split(whereSeparator: \.isNewline).dropFirst()
        #expect(rows.count == 1, "\(run.output)")
        return rows.first.map { String($0.split(separator: ",").last ?? "").replacingOccurrences(of: "\"", with: "") }
            ?? ""
    }

    @Test(
        "hledger reads the demo's journal (check --strict), and each client's receivable is what its statement shows",
        .enabled(if: hledgerAvailable))
    func demo() throws {
        let site = try DemoFiguresTests.demo()
        defer { site.remove() }
        let (text, diagnostics) = ExportSite.export(.hledger, site)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let journal = site.root.appendingPathComponent("demo.journal")
        try Data(try #require(text).utf8).write(to: journal)
        let check = try Self.hledger(["-f", journal.path, "check", "--strict"])
        #expect(check.status == 0, "\(check.errors)")
        // The demo's statements, by hand from its invoice records:
        // Greenleaf: INV-2026-031 £666.48 paid in full; INV-2026-034 £663.77 with £300.00 paid: £363.77 owed.
        // Atelier: INV-2026-038 €429.00 paid in full. Bright Sparks: £360.00, £360.00, £630.00, each paid.
        // Northwind: £660.00 and £781.50 paid (INV-2026-037 is void). Harbour Books (archived): £202.80 paid.
        let expected = [
            "greenleaf-landscapes": "363.77 GBP", "atelier-lumiere": "0", "bright-sparks-coaching": "0",
            "northwind-dental": "0", "harbour-books": "0",
        ]
        for (slug, balance) in expected {
            #expect(try Self.balance(journal.path, slug: slug) == balance, "\(slug)")
        }
        // The same figures as Docket's own statements.
        var loaded = Diagnostics()
        let checked = try #require(
            CheckedSite.load(root: site.root, today: CalendarDate(iso: "2026-11-29")!, diagnostics: &loaded))
        let greenleaf = try #require(checked.client("greenleaf-landscapes"))
        #expect(greenleaf.statement.balance == 36_377)
        for client in checked.clients where client.client.slug != "greenleaf-landscapes" {
            #expect(client.statement.balance == 0, "\(client.client.slug)")
        }
        // The draft INV-2026-039 and the void INV-2026-037 are not in the journal.
        #expect(!(text ?? "").contains("INV-2026-039"))
        #expect(!(text ?? "").contains("INV-2026-037"))
        // VAT: the demo's VAT-charged invoices, 33.80 + 60.00 + 111.08 + 110.00 + 60.00 + 110.63 + 130.25 +
        // 105.00 = £720.76 owed to HMRC.
        let vat = try Self.hledger(["-f", journal.path, "bal", "liabilities:vat", "-N", "-O", "csv"])
        #expect(vat.output.contains("\"-720.76 GBP\""), "\(vat.output)")
    }
}
