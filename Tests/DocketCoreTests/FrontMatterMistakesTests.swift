import Foundation
import Testing

@testable import DocketCore

/// One mistake a VA makes in front matter and everything Docket says about it.
struct FrontMatterMistakeCase: CustomTestStringConvertible, Sendable {
    /// What the mistake is, for the test's name.
    let name: String
    /// The file's path, which says how it is read (business.md, client.md or an invoice record).
    let path: String
    /// The whole file.
    let text: String
    /// Every diagnostic, as printed.
    let expected: [String]
    /// Whether the docs' common-mistakes section shows these messages word for word (false for a variant
    /// of a case shown there).
    var inDocs = true

    var testDescription: String { name }

    /// Reads the file as Docket reads a file at its path, returning everything reported.
    func diagnostics() -> [String] {
        var diagnostics = Diagnostics()
        let file = SourceFile(path: path, text: text)
        if path.hasSuffix("business.md") {
            _ = Business.parse(file, diagnostics: &diagnostics)
        } else if path.hasSuffix("client.md") {
            _ = Client.parse(file, slug: "acme", business: testBusiness(), diagnostics: &diagnostics)
        } else {
            _ = InvoiceRecord.parse(file, currency: Currency(code: "GBP")!, diagnostics: &diagnostics)
        }
        return diagnostics.all.map(\.description)
    }
}

private let business = "content/business.md"
private let client = "content/clients/acme/client.md"
private let invoice = "content/clients/acme/invoices/INV-2026-042.md"

@Suite("Front matter mistakes are told in the VA's words, on the line to edit")
struct FrontMatterMistakesTests {
    static let cases: [FrontMatterMistakeCase] = [
        .init(
            name: "a field without its colon, and no warning about the status it hides", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2026-12-01
                status sent
                ---
                """,
            expected: [
                "\(invoice):4:7: error: `status sent` has no colon after the field name: write `status: sent`"
            ]),
        .init(
            name: "a field without its colon, followed by other fields", path: client,
            text: """
                ---
                name: Acme Widgets Ltd
                contact Sam Patel
                email: sam@acme.example
                rate: 30
                ---
                """,
            expected: [
                "\(client):3:8: error: `contact Sam Patel` has no colon after the field name: write `contact: Sam Patel`"
            ], inDocs: false),
        .init(
            name: "an address line pressed onto a line of its own", path: business,
            text: """
                ---
                name: Jo Bloggs
                email: jo@example.com
                address: 4 Mill Lane
                York YO1 7AA
                ---
                """,
            expected: [
                "\(business):5:1: error: `York YO1 7AA` is not a field (no `name:` before it): if it goes on from the value above, join it to that line (in an address, `\\n` starts a new line)"
            ]),
        .init(
            name: "a tab indenting a nested field", path: client,
            text: """
                ---
                name: Acme Widgets Ltd
                contact: Sam Patel
                email: sam@acme.example
                rate: 30
                retainer:
                \thours: 20
                  fee: 550
                ---
                """,
            expected: [
                "\(client):7:1: error: a tab on this line; front matter is indented and spaced with spaces only: replace the tab with spaces"
            ]),
        .init(
            name: "a double quote never closed", path: business,
            text: """
                ---
                name: Jo Bloggs
                address: "4 Mill Lane\\nYork
                email: jo@example.com
                ---
                """,
            expected: [
                "\(business):3:10: error: the quote `\"` opened here is never closed: end the value with `\"` on this line"
            ]),
        .init(
            name: "a single quote never closed, with a quoted value further down", path: invoice,
            text: """
                ---
                number: INV-2026-042
                po: 'PO-7788
                issued: 2026-12-01
                status: 'sent'
                ---
                """,
            expected: [
                "\(invoice):3:5: error: the quote `'` opened here is never closed: end the value with `'` on this line"
            ], inDocs: false),
        .init(
            name: "no opening `---`: one message, not one per required field", path: business,
            text: """
                name: Jo Bloggs
                address: York
                email: jo@example.com
                ---
                """,
            expected: [
                "\(business):1:1: error: the fields above the `---` on line 4 have no opening `---`; add a line `---` above this one, as the first line of the file"
            ]),
        .init(
            name: "no closing `---`: the message is on the last field, where the `---` goes", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2026-12-01
                status: sent
                payments:
                  - { date: 2026-12-10, amount: 400.00 }

                Thank you for your business.
                """,
            expected: [
                "\(invoice):6:1: error: the front matter opened on line 1 is never closed; add a line `---` after this one"
            ]),
        .init(
            name: "31 November", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2026-11-31
                status: sent
                ---
                """,
            expected: [
                "\(invoice):3:9: error: `issued` must be a date that exists: November has 30 days, found `2026-11-31`"
            ]),
        .init(
            name: "29 February in a year that is not a leap year, in a payment", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2027-02-01
                status: sent
                payments:
                  - { date: 2027-02-29, amount: 400.00 }
                ---
                """,
            expected: [
                "\(invoice):6:13: error: `payments[1].date` must be a date that exists: February 2027 has 28 days (2027 is not a leap year), found `2027-02-29`"
            ], inDocs: false),
        .init(
            name: "30 February in a leap year", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2028-02-30
                status: sent
                ---
                """,
            expected: [
                "\(invoice):3:9: error: `issued` must be a date that exists: February 2028 has 29 days (2028 is a leap year), found `2028-02-30`"
            ]),
        .init(
            name: "a thirteenth month", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2026-12-01
                period: 2026-13
                status: sent
                ---
                """,
            expected: [
                "\(invoice):4:9: error: `period` must be a month that exists: months run from 01 to 12, found `2026-13`"
            ]),
        .init(
            name: "`status: paid`", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2026-12-01
                status: paid
                ---
                """,
            expected: [
                "\(invoice):4:9: error: a paid invoice stays `status: sent`: record each payment under `payments:` with the day it arrived and the amount, like `- { date: 2026-12-10, amount: 400.00 }`, and Docket shows the invoice as paid once its payments cover the total"
            ]),
        .init(
            name: "`status: overdue`", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2026-12-01
                status: Overdue
                ---
                """,
            expected: [
                "\(invoice):4:9: error: an overdue invoice stays `status: sent`: Docket shows it as overdue once its due date has passed with money still owed"
            ]),
        .init(
            name: "`status: unpaid`", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2026-12-01
                status: unpaid
                ---
                """,
            expected: [
                "\(invoice):4:9: error: an invoice sent and not yet paid is `status: sent`: write `status: sent`"
            ]),
        .init(
            name: "`status: cancelled`", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2026-12-01
                status: cancelled
                ---
                """,
            expected: [
                "\(invoice):4:9: error: a cancelled invoice is `status: void`: write `status: void` (its number stays used)"
            ]),
        .init(
            name: "any other status still names the three", path: invoice,
            text: """
                ---
                number: INV-2026-042
                issued: 2026-12-01
                status: posted
                ---
                """,
            expected: [
                "\(invoice):4:9: error: `status` must be `draft` or `sent` or `void`, found `posted`"
            ], inDocs: false),
    ]

    @Test("each mistake gets exactly its message, at the line and column to edit", arguments: cases)
    func mistake(_ mistake: FrontMatterMistakeCase) {
        #expect(mistake.diagnostics() == mistake.expected)
    }

    /// The text of the docs' section on front matter mistakes.
    static func docsSection() throws -> String {
        let url = TemporarySite.repository.appendingPathComponent("docs/content-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: "## Common mistakes in front matter\n"))
        let end = try #require(text.range(of: "\n## ", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }

    @Test(
        "every message is in the docs' common-mistakes section, word for word",
        arguments: cases.filter(\.inDocs))
    func documented(_ mistake: FrontMatterMistakeCase) throws {
        let section = try Self.docsSection()
        for line in mistake.expected {
            let message = try #require(line.range(of: ": error: ")).upperBound
            #expect(section.contains(String(line[message...])), "\(line[message...])")
        }
    }

    @Test(
        "the complete business.md and client.md in the docs are read without a single message",
        arguments: [
            ("### A complete business.md", business), ("### A complete client.md", client),
        ])
    func completeExamples(_ heading: String, _ path: String) throws {
        let url = TemporarySite.repository.appendingPathComponent("docs/content-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let section = try #require(text.range(of: heading + "\n"))
        let open = try #require(text.range(of: "```yaml\n", range: section.upperBound..<text.endIndex))
        let close = try #require(text.range(of: "```\n", range: open.upperBound..<text.endIndex))
        let example = String(text[open.upperBound..<close.lowerBound])
        var diagnostics = Diagnostics()
        let file = SourceFile(path: path, text: example)
        if path == business {
            let parsed = Business.parse(file, diagnostics: &diagnostics)
            #expect(parsed?.address == "4 Mill Lane\nYork YO1 7AA")
            #expect(parsed?.bank?.bic == "SRLGGB2L")
        } else {
            var vatBusiness = testBusiness()
            vatBusiness.vatNumber = "GB123456789"
            let parsed = Client.parse(file, slug: "acme", business: vatBusiness, diagnostics: &diagnostics)
            #expect(parsed?.address == "1 High Street\nLeeds LS1 1AA")
        }
        #expect(diagnostics.all.map(\.description) == [])
    }

    @Test(
        "`\\n` in an address starts a new line, written with or without quotes",
        arguments: [
            "4 Mill Lane\\nYork YO1 7AA", "4 Mill Lane \\n York YO1 7AA", "'4 Mill Lane\\nYork YO1 7AA'",
            "\"4 Mill Lane\\nYork YO1 7AA\"",
        ])
    func addressLines(_ written: String) {
        var diagnostics = Diagnostics()
        let parsed = Business.parse(
            SourceFile(
                path: business,
                text: """
                    ---
                    name: Jo Bloggs
                    address: \(written)
                    email: jo@example.com
                    ---
                    """), diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(parsed?.address == "4 Mill Lane\nYork YO1 7AA")

        var clientDiagnostics = Diagnostics()
        let acme = Client.parse(
            SourceFile(
                path: client,
                text: """
                    ---
                    name: Acme Widgets Ltd
                    contact: Sam Patel
                    email: sam@acme.example
                    address: \(written)
                    rate: 30
                    ---
                    """), slug: "acme", business: testBusiness(), diagnostics: &clientDiagnostics)
        #expect(clientDiagnostics.all.isEmpty)
        #expect(acme?.address == "4 Mill Lane\nYork YO1 7AA")
    }

    @Test(
        "a text shaped like a date says why it names no day",
        arguments: [
            ("2026-11-31", "November has 30 days"),
            ("2026-04-31", "April has 30 days"),
            ("2026-01-32", "January has 31 days"),
            ("2027-02-29", "February 2027 has 28 days (2027 is not a leap year)"),
            ("2100-02-29", "February 2100 has 28 days (2100 is not a leap year)"),
            ("2028-02-30", "February 2028 has 29 days (2028 is a leap year)"),
            ("2026-00-10", "months run from 01 to 12"),
            ("2026-11-00", "days start at 01"),
        ])
    func whyNotADay(_ text: String, _ reason: String) {
        #expect(CalendarDate(iso: text) == nil)
        #expect(CalendarDate.whyNotADay(iso: text) == reason)
    }

    @Test(
        "a real day, or a text not shaped like a date, has no such reason",
        arguments: ["2024-02-29", "2000-02-29", "2026-11-30", "2026-11-3", "26-11-31", "2026/11/31", "next week"])
    func noReason(_ text: String) {
        #expect(CalendarDate.whyNotADay(iso: text) == nil)
    }

    @Test(
        "a line that continues a value, indented under its field, is never taken for a field without a colon; lines after the one YAML failed on are not looked at"
    )
    func continuationIsNoMistake() {
        #expect(FrontMatterMistake.find(in: "address: 4 Mill Lane\n  York\nemail: x", through: 3) == nil)
        #expect(FrontMatterMistake.find(in: "name: Jo\nstatus sent", through: 1) == nil)
        #expect(
            FrontMatterMistake.find(in: "name: Jo\nstatus sent", through: 2)
                == FrontMatterMistake(
                    line: 2, column: 7, message: "`status sent` has no colon after the field name: write `status: sent`"
                ))
    }
}
