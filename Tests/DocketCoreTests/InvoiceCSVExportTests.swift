import Foundation
import Testing

@testable import DocketCore

/// `docket export csv`: invoices and payments as one spreadsheet table.
@Suite("Export: invoices and payments as CSV")
struct InvoiceCSVExportTests {
    @Test("one row per published invoice and per payment, by date, with the status as of --today")
    func table() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        let (text, diagnostics) = ExportSite.export(.csv, site)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        // By hand (see ExportSite); on 29 November INV-003 (due 15 October) and INV-001 (due 16 November,
        // £59.36 owed) are overdue.
        let expected = [
            "type,invoice,client,date,due,currency,subtotal,vat,total,paid,balance,status",
            "invoice,INV-003,Charity Trust,2026-10-01,2026-10-15,GBP,30.00,0.00,30.00,0.00,30.00,overdue",
            "invoice,INV-001,Acme Widgets Ltd,2026-11-02,2026-11-16,GBP,132.80,26.56,159.36,100.00,59.36,overdue",
            "invoice,INV-002,Euro Events GmbH,2026-11-02,2026-11-16,EUR,135.00,0.00,135.00,135.00,0.00,paid",
            "payment,INV-001,Acme Widgets Ltd,2026-11-20,,GBP,,,,100.00,,",
            "payment,INV-002,Euro Events GmbH,2026-11-25,,EUR,,,,135.00,,",
        ]
        #expect(text == expected.map { $0 + "\r\n" }.joined())
    }

    @Test("--from keeps invoices issued and payments made on or after the day")
    func from() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        let text = try #require(ExportSite.export(.csv, site, from: "2026-11-21").text)
        #expect(
            text
                == "type,invoice,client,date,due,currency,subtotal,vat,total,paid,balance,status\r\npayment,INV-002,Euro Events GmbH,2026-11-25,,EUR,,,,135.00,,\r\n"
        )
    }

    @Test("a client's name that a spreadsheet would run as a formula is written as text, with a leading '")
    func formulaNames() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        let path = "content/clients/acme/client.md"
        let name = "=HYPERLINK(\"https://evil.example\",\"Open\")"
        try site.write(
            path,
            try #require(site.read(path)).replacingOccurrences(
                of: "name: Acme Widgets Ltd", with: "name: '\(name)'"))
        let exported = ExportSite.export(.csv, site)
        let text = try #require(exported.text, "\(exported.diagnostics.all)")
        // The name with its ' in front, then in quotes for its comma and quotes (RFC 4180).
        let cell = "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Open\"\")\""
        #expect(text.contains("invoice,INV-001,\(cell),2026-11-02,"))
        #expect(text.contains("payment,INV-001,\(cell),2026-11-20,"))
        // Each character a spreadsheet starts a formula with; other text as it is.
        #expect(
            ["+44 7700", "@SUM(A1)", "\tx", "\rx", "Acme", "", "'=x"].map(\.spreadsheetText) == [
                "'+44 7700", "'@SUM(A1)", "'\tx", "'\rx", "Acme", "", "'=x",
            ])
    }

    @Test("a field with a comma, a quote or a line break is quoted, its quotes doubled (RFC 4180)")
    func quoting() {
        var writer = CSVWriter()
        writer.row(["plain", "a, b", "say \"hi\"", "two\nlines", "cr\rhere", ""])
        #expect(writer.text == "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\n")
    }
}
