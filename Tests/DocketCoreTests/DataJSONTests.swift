import Foundation
import Testing

@testable import DocketCore
@testable import DocketTemplates

@Suite("data.json and published invoices")
struct DataJSONTests {
    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/business.md": billingBusinessMD,
            "content/clients/acme/client.md":
                "---\nname: Acme \"Widgets\" <Ltd>\ncontact: Sam\nemail: s@a.example\naddress: 1 High St\nrate: 30\nmileage_rate: 0.45\nincrement: 15m\n---\nPRIVATE\n",
            "content/clients/acme/terms/1.md":
                "---\nversion: 1\neffective: 2026-01-01\nstatus: agreed\nagreed_on: 2025-12-20\nagreed_by: Sam\n---\n",
            "content/clients/acme/timesheets/2026-11.md": """
            ## 2026-11-02
            - 09:00-10:10 Inbox #admin
            - travel 1h Drive
            - mileage 46mi Trip
            - expense 12.50 Parking
            - 30m Free #unbilled
            """,
            "content/clients/acme/invoices/INV-1.md":
                "---\nnumber: INV-1\nissued: 2026-12-01\nperiod: 2026-11\nstatus: sent\npayments:\n  - { date: 2026-12-10, amount: 10.00 }\n---\n",
            "content/clients/acme/invoices/INV-2.md":
                "---\nnumber: INV-2\nissued: 2026-12-02\nstatus: draft\nlines:\n  - { description: DRAFT-LINE, amount: 5 }\n---\n",
            "content/clients/acme/invoices/INV-3.md":
                "---\nnumber: INV-3\nissued: 2026-12-02\nperiod: 2026-11\nstatus: void\n---\nVOID-NOTE\n",
        ])
    }

    @Test(
        "data.json has exactly the contract's shape and hand-computed figures; drafts and void invoices are absent everywhere"
    )
    func shape() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.build(today: "2026-12-20")
        #expect(report.diagnostics.errors.isEmpty, "\(report.diagnostics.all)")
        let token = try #require(report.portals.first?.token)
        let text = try #require(site.read("public/\(token)/data.json"))
        // Work 70 → 75 minutes = 1.25 h × £30 = £37.50; travel 1 h × £30 (travel_rate defaults to rate);
        // 46 mi × 45p = £20.70; parking £12.50. Subtotal £100.70, paid £10.00. Due 1 Dec + 14 = 15 Dec, so on
        // 20 Dec it is overdue.
        let expected = """
            {
              "client": {
                "slug": "acme",
                "name": "Acme \\"Widgets\\" \\u003cLtd\\u003e"
              },
              "currency": "GBP",
              "months": [
                {
                  "month": "2026-11",
                  "logged_minutes": 100,
                  "unbilled_minutes": 30,
                  "billable_minutes": 75,
                  "out_of_hours_minutes": 0,
                  "travel_minutes": 60,
                  "distance": 46.0,
                  "expenses": 1250,
                  "retainer": null
                }
              ],
              "invoices": [
                {
                  "number": "INV-1",
                  "issued": "2026-12-01",
                  "due": "2026-12-15",
                  "period": "2026-11",
                  "status": "overdue",
                  "lines": [
                    {
                      "description": "Work, November 2026",
                      "quantity": 1.25,
                      "unit": "h",
                      "unit_price": 3000,
                      "amount": 3750
                    },
                    {
                      "description": "Travel time, November 2026",
                      "quantity": 1,
                      "unit": "h",
                      "unit_price": 3000,
                      "amount": 3000
                    },
                    {
                      "description": "Mileage, November 2026",
                      "quantity": 46.0,
                      "unit": "mi",
                      "unit_price": 45,
                      "amount": 2070
                    },
                    {
                      "description": "Parking (2 Nov 2026)",
                      "quantity": 1,
                      "unit": "item",
                      "unit_price": 1250,
                      "amount": 1250
                    }
                  ],
                  "subtotal": 10070,
                  "vat_treatment": "none",
                  "vat": 0,
                  "total": 10070,
                  "paid": 1000,
                  "balance": 9070
                }
              ]
            }

            """
        #expect(text == expected)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])

        // The invoice page and statement exist; the draft and the void invoice appear nowhere.
        #expect(site.exists("public/\(token)/invoices/INV-1.html"))
        #expect(!site.exists("public/\(token)/invoices/INV-2.html"))
        #expect(!site.exists("public/\(token)/invoices/INV-3.html"))
        for (path, data) in site.snapshot("public") {
            let page = String(decoding: data, as: UTF8.self)
            #expect(
                !page.contains("INV-2") && !page.contains("INV-3") && !page.contains("DRAFT-LINE")
                    && !page.contains("VOID-NOTE"), "\(path)")
            #expect(!page.contains("PRIVATE"), "\(path)")
        }
        let invoice = try #require(site.read("public/\(token)/invoices/INV-1.html"))
        #expect(invoice.contains("INVOICE"))
        #expect(invoice.contains("Overdue by 5 days"))
        #expect(invoice.contains("<a href=\"../hours/2026-11.html\">Work, November 2026</a>"))
        #expect(invoice.contains("<a href=\"../hours/2026-11.html#d2026-11-02\">Parking (2 Nov 2026)</a>"))
        #expect(invoice.contains("Sort code: 12-34-56"))
        #expect(invoice.contains("Interest at 8% over base rate."))
        #expect(
            invoice.contains(
                "<a href=\"../terms/1.html\">version 1, in force from 1 Jan 2026, agreed by Sam on 20 Dec 2025</a>"))
        #expect(site.exists("public/\(token)/terms/1.html"))
        #expect(invoice.contains("£90.70"))
        #expect(invoice.contains("Acme &quot;Widgets&quot; &lt;Ltd&gt;"))
        let statement = try #require(site.read("public/\(token)/statement.html"))
        #expect(statement.contains("£90.70"))
        let overview = try #require(site.read("public/\(token)/index.html"))
        #expect(overview.contains("£90.70 <span class=\"of\">owed</span>"))
    }

    @Test(
        "the directly written data.json is byte for byte the JSON value tree's text, for every client of a generated site"
    )
    func directWriterMatchesTree() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docket-json-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try DemoGenerator(clients: 6, months: 14, seed: 11, lastMonth: YearMonth(iso: "2026-10")!).write(to: root)
        var diagnostics = Diagnostics()
        let site = try #require(SiteLoader.load(root: root, diagnostics: &diagnostics))
        let today = CalendarDate(iso: "2026-11-29")!
        var invoices = 0
        var retainers = 0
        for content in site.clients {
            let computed = ComputedClient.compute(
                content, business: site.business, today: today, diagnostics: &diagnostics)
            invoices += computed.publishedInvoices.count
            retainers += computed.figures.months.filter { $0.retainer != nil }.count
            #expect(
                DataJSON.data(computed) == TreeDocument.document(computed).serializedData(), "\(content.client.slug)")
        }
        // The comparison covers invoices and retainer months, not only empty lists and nulls.
        #expect(invoices > 10)
        #expect(retainers > 5)
    }

    @Test("quantities drop trailing zeros after the point, never before it; distances keep one decimal")
    func trimmedQuantities() {
        #expect(DataJSON.trimmed("12.50", keepOneDecimal: false) == "12.5")
        #expect(DataJSON.trimmed("1.00", keepOneDecimal: false) == "1")
        #expect(DataJSON.trimmed("10.0", keepOneDecimal: false) == "10")
        #expect(DataJSON.trimmed("100", keepOneDecimal: false) == "100")
        #expect(DataJSON.trimmed("0.50", keepOneDecimal: false) == "0.5")
        #expect(DataJSON.trimmed("46.0", keepOneDecimal: true) == "46.0")
    }
}

/// `data.json` built as a tree of JSON values (the tests' reference `JSONValue`), field by field from the
/// format contract: the reference that the streaming writer (`DataJSON.data`) must match byte for byte.
private enum TreeDocument {
    /// The document for one client built as a `JSONValue` tree: the reference the direct writer is held to.
    static func document(_ computed: ComputedClient) -> JSONValue {
        let client = computed.client
        return .object([
            ("client", .object([("slug", .string(client.slug)), ("name", .string(client.name))])),
            ("currency", .string(client.currency.code)),
            ("months", .array(computed.figures.months.map(monthValue))),
            ("invoices", .array(computed.publishedInvoices.map(invoiceValue))),
        ])
    }

    static func monthValue(_ figures: MonthFigures) -> JSONValue {
        var retainer = JSONValue.null
        if let position = figures.retainer {
            retainer = .object([
                ("included_minutes", .int(position.includedMinutes)),
                ("rollover_in_minutes", .int(position.rolloverInMinutes)),
                ("available_minutes", .int(position.availableMinutes)),
                ("used_minutes", .int(position.usedMinutes)),
                ("remaining_minutes", .int(position.remainingMinutes)),
                ("overage_minutes", .int(position.overageMinutes)),
            ])
        }
        return .object([
            ("month", .string(figures.month.description)),
            ("logged_minutes", .int(figures.loggedMinutes)),
            ("unbilled_minutes", .int(figures.unbilledMinutes)),
            ("billable_minutes", .int(figures.billableMinutes)),
            ("out_of_hours_minutes", .int(figures.outOfHoursMinutes)),
            ("travel_minutes", .int(figures.travelMinutes)),
            ("distance", .decimal(figures.distance.formatted(decimals: 1))),
            ("expenses", .int(figures.expenses)),
            ("retainer", retainer),
        ])
    }

    static func invoiceValue(_ invoice: Invoice) -> JSONValue {
        .object([
            ("number", .string(invoice.number)),
            ("issued", .string(invoice.record.issued.description)),
            ("due", .string(invoice.due.description)),
            ("period", invoice.record.period.map { .string($0.description) } ?? .null),
            ("status", .string(invoice.status.rawValue)),
            (
                "lines",
                .array(
                    invoice.lines.map { line in
                        .object([
                            ("description", .string(line.description)),
                            (
                                "quantity",
                                .decimal(
                                    DataJSON.trimmed(
                                        line.quantityText, keepOneDecimal: line.unit == "mi" || line.unit == "km"))
                            ),
                            ("unit", .string(line.unit)),
                            ("unit_price", .int(line.unitPrice)),
                            ("amount", .int(line.amount)),
                        ])
                    })
            ),
            ("subtotal", .int(invoice.subtotal)),
            ("vat_treatment", .string(invoice.vatTreatment?.rawValue ?? "none")),
            ("vat", .int(invoice.vat)),
            ("total", .int(invoice.total)),
            ("paid", .int(invoice.paid)),
            ("balance", .int(invoice.balance)),
        ])
    }
}
