import Foundation
import Testing

@testable import DocketCore

/// `docket export xero`: Xero's sales-invoice import file, one row per invoice line.
@Suite("Export: Xero sales invoices")
struct XeroExportTests {
    static let header =
        "*ContactName,EmailAddress,POAddressLine1,POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,POPostalCode,POCountry,*InvoiceNumber,Reference,*InvoiceDate,*DueDate,Total,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,*AccountCode,*TaxType,TaxAmount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,BrandingTheme"

    /// Reads CSV text as RFC 4180 writes it (the test's own reader, independent of Docket's writer).
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r", characters.first == "\n" {
                characters.removeFirst()
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return rows
    }

    /// A decimal as an integer number of ten-thousandths (`2.25` → 22500), so products stay exact.
    static func tenThousandths(_ text: String) -> Int {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int(parts[0])! * 10_000
        guard parts.count == 2 else { return whole }
        let decimals = String(parts[1]).padding(toLength: 4, withPad: "0", startingAt: 0)
        return whole + (text.hasPrefix("-") ? -1 : 1) * Int(decimals)!
    }

    @Test("every line a row: UK dates, VAT shared to the penny, reverse charge and zero rate, euros, RFC 4180 quoting")
    func rows() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        let (text, diagnostics) = ExportSite.export(.xero, site)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let acme =
            "Acme Widgets Ltd,sam@acme.example,\"1 High Street, Leeds\",LS1 1AA,,,,,,,INV-001,PO-77,02/11/2026,16/11/2026,,"
        let vat = "200,20% (VAT on Income)"
        let expected = [
            Self.header,
            // Zero-rated, issued first: 1.50 h × £20.00.
            "Charity Trust,pat@charity.example,2 Low Road,,,,,,,,INV-003,,01/10/2026,15/10/2026,,,\"Work, September 2026\",1.50,20.00,,200,Zero Rated Income,0.00,,,,,GBP,",
            // VAT £26.56 shared: 20% of £67.50 = £13.50; of £70.30 = £14.06 (+0.56); of £82.80 = £16.56 (+2.50);
            // of £132.80 = £26.56 (+10.00).
            acme + ",\"Work, October 2026\",2.25,30.00,,\(vat),13.50,,,,,GBP,",
            // 6.214 mi × £0.45 = £2.7963, not the £2.80 charged: one item of £2.80, the quantity in words.
            acme + ",\"Mileage, October 2026 (6.214 mi at 0.45)\",1,2.80,,\(vat),0.56,,,,,GBP,",
            acme + ",Parking (5 Oct 2026),1,12.50,,\(vat),2.50,,,,,GBP,",
            acme + ",\"Setup of \"\"shared\"\" inbox, with rules\",1,50.00,,\(vat),10.00,,,,,GBP,",
            "Euro Events GmbH,jana@euro.example,Hauptstrasse 1,10115 Berlin,Germany,,,,,,INV-002,,02/11/2026,16/11/2026,,,\"Work, October 2026\",3.00,45.00,,200,No VAT,0.00,,,,,EUR,",
        ]
        #expect(text == expected.map { $0 + "\r\n" }.joined())
    }

    @Test("each invoice's rows multiply and add up to exactly its subtotal, and their tax to its VAT")
    func sums() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        let rows = Self.parse(try #require(ExportSite.export(.xero, site).text))
        #expect(rows.first?.count == 29)
        #expect(rows.dropFirst().allSatisfy { $0.count == 29 })
        var subtotals: [String: Int] = [:]
        var taxes: [String: Int] = [:]
        for row in rows.dropFirst() {
            // Quantity × UnitAmount in hundred-millionths; a line's amount in pence is that / 1_000_000.
            let product = Self.tenThousandths(row[17]) * Self.tenThousandths(row[18])
            #expect(product % 1_000_000 == 0, "\(row[16]): \(row[17]) × \(row[18]) is not a whole number of pence")
            subtotals[row[10], default: 0] += product / 1_000_000
            taxes[row[10], default: 0] += Self.tenThousandths(row[22]) / 100
        }
        // Subtotals by hand (see ExportSite): £132.80, €135.00, £30.00; VAT £26.56, none, £0.00.
        #expect(subtotals == ["INV-001": 13_280, "INV-002": 13_500, "INV-003": 3_000])
        #expect(taxes == ["INV-001": 2_656, "INV-002": 0, "INV-003": 0])
    }

    @Test("business.md's xero group names the account code and tax rates; unset names keep their defaults")
    func settings() throws {
        let site = try ExportSite.make(
            xero: "xero: { account_code: \"4000\", tax_type: Standard VAT, reverse_charge: Zero Rated EC Services }\n")
        defer { site.remove() }
        let (text, diagnostics) = ExportSite.export(.xero, site)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        let rows = Self.parse(try #require(text)).dropFirst()
        #expect(rows.allSatisfy { $0[20] == "4000" })
        #expect(rows.filter { $0[10] == "INV-001" }.allSatisfy { $0[21] == "Standard VAT" })
        #expect(rows.filter { $0[10] == "INV-002" }.map { $0[21] } == ["Zero Rated EC Services"])
        #expect(rows.filter { $0[10] == "INV-003" }.map { $0[21] } == ["Zero Rated Income"])
    }

    @Test("an empty name in the xero group is an error at its place, a misspelt key a warning; nothing is exported")
    func settingsMistakes() throws {
        let site = try ExportSite.make(xero: "xero: { account_code: \"\", tax_typ: Standard VAT }\n")
        defer { site.remove() }
        let (text, diagnostics) = ExportSite.export(.xero, site)
        #expect(text == nil)
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/business.md:9:23: error: `xero.account_code` is empty; expected the name as Xero shows it, or no `account_code`"
            ])
        #expect(
            diagnostics.warnings.map(\.description) == [
                "content/business.md:9:27: warning: unknown field `xero.tax_typ`; it is ignored (did you mean `tax_type`?)"
            ])
    }

    @Test("--from keeps the invoices issued on or after the day")
    func from() throws {
        let site = try ExportSite.make()
        defer { site.remove() }
        let rows = Self.parse(try #require(ExportSite.export(.xero, site, from: "2026-11-02").text)).dropFirst()
        #expect(Set(rows.map { $0[10] }) == ["INV-001", "INV-002"])
        let later = Self.parse(try #require(ExportSite.export(.xero, site, from: "2026-11-03").text))
        #expect(later == [Self.header.split(separator: ",").map(String.init)])
    }
}
