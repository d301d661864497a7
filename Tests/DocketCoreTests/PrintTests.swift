import Foundation
import Testing

@testable import DocketCore

/// Pages printed as a client prints them: Chromium's print to PDF on the A4 paper the CSS names, with the
/// pages counted by poppler-utils' `pdfinfo` and read back page by page by `pdftotext`. Skipped where
/// Chromium or poppler-utils is missing, unless DOCKET_REQUIRE_BROWSER is set (CI sets it).
@Suite(
    "Printed on A4", .serialized,
    .enabled(
        if: (WebDriver.available && PrintedPDF.available)
            || ProcessInfo.processInfo.environment["DOCKET_REQUIRE_BROWSER"] != nil))
struct PrintTests {
    @Test("every invoice of the demo prints on exactly one A4 page, no row cut")
    func demoInvoices() throws {
        try Printer.built(try DemoFiguresTests.demo()) { printer, report in
            var printed: [String] = []
            for portal in report.portals {
                for number in try Self.sentInvoices(slug: portal.slug) {
                    let page = try printer.print(
                        portal, "invoices/\(number).html", showing: number)
                    #expect(page.pdf.pages == 1, "\(number) prints on \(page.pdf.pages) pages")
                    #expect(page.pdf.isA4, "\(number) is printed on \(page.pdf.pageSize)")
                    #expect(page.cutRows.isEmpty, "\(number): rows cut between pages: \(page.cutRows)")
                    #expect(page.askLinksOnScreen > 0, "\(number) shows no Ask about link on screen")
                    #expect(!page.pdf.text.contains { $0.contains("Ask about") }, "\(number) prints its email links")
                    printed.append(number)
                }
            }
            // Every sent invoice of a client with a portal: Harbour Books is archived (no portal), INV-2026-037
            // is void and INV-2026-039 a draft; three of them are in Bright Sparks' encrypted portal.
            #expect(
                printed.sorted() == [
                    "INV-2026-030", "INV-2026-031", "INV-2026-032", "INV-2026-033", "INV-2026-034", "INV-2026-035",
                    "INV-2026-036", "INV-2026-038",
                ])
        }
    }

    @Test("an invoice of 25 lines prints on one A4 page, its totals once, after its last line")
    func twentyFiveLines() throws {
        // 2h 15m of work and 30m of travel at £30 (£67.50 + £15.00) and 23 expenses of £12.50 (£287.50):
        // £370.00, VAT at 20% £74.00, £444.00 in all.
        try Printer.built(try LongInvoice.site(expenses: 23, total: "444.00")) { printer, report in
            let portal = try #require(report.portals.first)
            let page = try printer.print(portal, "invoices/INV-0001.html", showing: "INV-0001")
            #expect(page.lines == 25)
            #expect(page.pdf.pages == 1, "25 lines print on \(page.pdf.pages) pages")
            #expect(page.pdf.isA4)
            #expect(page.cutRows.isEmpty, "rows cut between pages: \(page.cutRows)")
            let text = try #require(page.pdf.text.first)
            // The 23rd expense is the third of the ten kinds again.
            let lastLine = try #require(
                text.range(of: "Courier: signed contracts to the caterer, receipt 23 (2 Nov 2026)"))
            let subtotal = try #require(text.range(of: "Subtotal"))
            #expect(lastLine.upperBound <= subtotal.lowerBound)
            #expect(text.contains("£444.00"))
        }
    }

    /// The failing example: an invoice the gate must not pass. Forty lines do not fit one page; printed,
    /// they go on to a second page with the headings repeated, no row cut, and the totals once, at the end.
    @Test("the gate catches an invoice that does not fit: 40 lines print on two pages, cleanly")
    func fortyLines() throws {
        // £67.50 + £15.00 + 38 × £12.50 (£475.00) = £557.50, VAT £111.50, £669.00 in all.
        try Printer.built(try LongInvoice.site(expenses: 38, total: "669.00")) { printer, report in
            let portal = try #require(report.portals.first)
            let page = try printer.print(portal, "invoices/INV-0001.html", showing: "INV-0001")
            #expect(page.lines == 40)
            #expect(page.pdf.pages == 2)
            #expect(page.cutRows.isEmpty, "rows cut between pages: \(page.cutRows)")
            #expect(page.pdf.text.allSatisfy { $0.contains("Description Quantity × rate Amount") })
            #expect(page.pdf.text.map { $0.components(separatedBy: "Subtotal").count - 1 } == [0, 1])
            #expect(page.pdf.text.last?.contains("How to pay") == true)
        }
    }

    @Test("the monthly report and the statement print with no row cut and no menu or email links")
    func reportAndStatement() throws {
        try Printer.built(try DemoFiguresTests.demo()) { printer, report in
            let portal = try #require(report.portals.first { $0.slug == "northwind-dental" })
            for (file, title) in [
                ("hours/2026-10.html", "Monthly report · October 2026"), ("statement.html", "Statement"),
            ] {
                let page = try printer.print(portal, file, showing: title)
                #expect(page.rows > 5, "\(file) has \(page.rows) rows to check")
                #expect(page.cutRows.isEmpty, "\(file): rows cut between pages: \(page.cutRows)")
                let menu = try #require(page.menu)
                #expect(!page.pdf.text.contains { $0.contains(menu) }, "\(file) prints its menu")
                // The report shows a question link on every day on screen; the statement has none to hide.
                #expect(page.askLinksOnScreen > 0 || file == "statement.html", "\(file) shows no Ask about link")
                #expect(!page.pdf.text.contains { $0.contains("Ask about") }, "\(file) prints its email links")
                #expect(page.pdf.isA4)
            }
            // October's report is long enough to need more than one page, so a page break falls inside it.
            let october = try printer.print(portal, "hours/2026-10.html", showing: "October 2026")
            #expect(october.pdf.pages > 1)
        }
    }

    /// The failing example of the cut-row check: each entry of October's report stretched 25 mm taller, so
    /// that every day card with two entries or more is taller than the gap a page break may fall into. With
    /// the print rules the cards move whole to the next page; with them undone (every `break-inside` back to
    /// `auto`) cards are cut across pages, and the check names them.
    @Test("the cut-row check catches a report printed without its rules")
    func cutRowsCaught() throws {
        try Printer.built(try DemoFiguresTests.demo()) { printer, report in
            let portal = try #require(report.portals.first { $0.slug == "northwind-dental" })
            let stretched = ".entry { padding-bottom: 25mm; }"
            let kept = try printer.print(portal, "hours/2026-10.html", showing: "October 2026", rules: [stretched])
            #expect(kept.pdf.pages > 3)  // three pages unstretched
            #expect(kept.cutRows.isEmpty, "rows cut between pages: \(kept.cutRows)")
            let cut = try printer.print(
                portal, "hours/2026-10.html", showing: "October 2026",
                rules: [stretched, "* { break-inside: auto !important; }"])
            #expect(!cut.cutRows.isEmpty)
        }
    }

    /// The numbers of a demo client's sent invoices, from its records in the repository's `content/` (which
    /// the demo site copies).
    static func sentInvoices(slug: String) throws -> [String] {
        let folder = TemporarySite.repository.appendingPathComponent("content/clients/\(slug)/invoices")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.sorted().filter { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return text.contains("\nstatus: sent\n")
        }.map { String($0.dropLast(3)) }
    }
}

/// A site with one client and one sent invoice of many lines: work, travel and `expenses` expenses of £12.50,
/// under the demo's business (VAT at 20%, bank details and late-payment terms, so every part of an invoice
/// is there).
enum LongInvoice {
    static let items = [
        "Parking at the venue", "Printed name badges (120)", "Courier: signed contracts to the caterer",
        "Train ticket York–Whitby (return)", "Postage for speaker packs", "Lanyards",
        "Table plan printing, A1 foam board", "Taxi from the station", "Stationery for the registration desk",
        "Gift for the keynote speaker",
    ]

    static func site(expenses: Int, total: String) throws -> TemporarySite {
        let business = try String(
            contentsOf: TemporarySite.repository.appendingPathComponent("content/business.md"), encoding: .utf8)
        var timesheet = "## 2026-11-02\n- 09:00-11:15 Supplier calls and venue shortlist\n- travel 30m To the venue\n"
        // Each description its own (a receipt number), so that a row's text is found only where it is printed.
        for index in 0..<expenses {
            timesheet += "- expense 12.50 \(items[index % items.count]), receipt \(index + 1)\n"
        }
        return try TemporarySite(files: [
            "content/business.md": business,
            "content/clients/harbour-finch/client.md":
                "---\nname: Harbour & Finch Events Ltd\ncontact: Jo Finch\nemail: jo@harbourfinch.example\naddress: \"4 Quay Street\\nWhitby YO21 3PT\"\nrate: 30.00\n---\n",
            "content/clients/harbour-finch/terms/1.md":
                "---\nversion: 1\ntitle: Event support agreement\neffective: 2026-10-01\nstatus: agreed\nagreed_on: 2026-09-25\nagreed_by: Jo Finch\n---\nEvent logistics and supplier liaison.\n",
            "content/clients/harbour-finch/timesheets/2026-11.md": timesheet,
            "content/clients/harbour-finch/invoices/INV-0001.md":
                "---\nnumber: INV-0001\nissued: 2026-11-28\nperiod: 2026-11\nstatus: sent\ntotal: GBP \(total)\ndue: 2026-12-12\npayments:\n  - { date: 2026-11-29, amount: 100.00 }\n---\n",
        ])
    }
}

/// A built site's `public/` served on 127.0.0.1 and open in Chromium, to print its pages.
struct Printer {
    let base: String
    let browser: WebDriver

    /// What printing one page gave.
    struct Page {
        let pdf: PrintedPDF
        /// The rows (table rows and day cards) as printed, each as its cells' text.
        let rowCells: [[String]]
        /// The text of the page's menu, as on screen (nil when the page has none).
        let menu: String?
        /// The invoice lines in the page's table of lines.
        let lines: Int
        /// The "Ask about …" email links shown on screen (none may be printed).
        let askLinksOnScreen: Int

        var rows: Int { rowCells.count }

        /// The rows no single printed page holds whole.
        var cutRows: [[String]] {
            rowCells.filter { cells in !pdf.text.contains { page in cells.allSatisfy { page.contains($0) } } }
        }
    }

    /// Builds `site` (which must build), serves its `public/` and opens Chromium; removes the site after.
    static func built(_ site: TemporarySite, _ body: (Printer, Builder.Report) throws -> Void) throws {
        defer { site.remove() }
        let report = site.build()
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let server = try StaticServer(root: site.root.appendingPathComponent("public"))
        defer { server.stop() }
        let browser = try WebDriver()
        defer { browser.quit() }
        try body(Printer(base: "http://127.0.0.1:\(server.port)", browser: browser), report)
    }

    /// Opens a portal page by its readable name (through its key in an encrypted portal), waits for `text`,
    /// adds the CSS `rules` at the end of its style sheet, and prints it.
    func print(_ portal: Portal, _ file: String, showing text: String, rules: [String] = []) throws -> Page {
        var address = "\(base)/\(portal.token)/\(file)"
        if let keyText = portal.linkKey {
            let key = try #require(PortalEncryption.data(base64URL: keyText))
            address =
                "\(base)/\(portal.token)/\(PortalEncryption.link(key: key, business: "").pageNames.name(of: file))"
            address += "#k=\(keyText)"
        }
        // From a blank page, so that the wait below cannot see the page printed before, at the same address.
        try browser.go("about:blank")
        try browser.go(address)
        let quoted = String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self)
        try browser.wait(until: "document.body.innerText.includes(\(quoted)[0])")
        if !rules.isEmpty {
            // Through the style sheet's object model: the portal's Content-Security-Policy refuses a new
            // `<style>` element, as it should.
            let json = String(decoding: try JSONSerialization.data(withJSONObject: rules), as: UTF8.self)
            _ = try browser.script(
                "var s = document.styleSheets[0]; \(json).forEach(function (r) { s.insertRule(r, s.cssRules.length); });"
            )
        }
        let menu = try browser.script(
            "var n = document.querySelector('nav'); return n ? n.innerText.replace(/\\s+/g, ' ').trim() : null;")
        let askLinks = try browser.script(
            "return Array.from(document.querySelectorAll('a.ask')).filter(function (a) { return a.getClientRects().length > 0; }).length;"
        )
        try browser.emulateMedia("print")
        let cells = try browser.script(
            """
            return Array.from(document.querySelectorAll('tr, .day')).filter(function (e) {
              return e.getClientRects().length > 0;
            }).map(function (e) {
              return e.innerText.split(/[\\n\\t]+/).map(function (s) { return s.replace(/\\s+/g, ' ').trim(); })
                .filter(function (s) { return s.length > 0; });
            });
            """)
        let lines = try browser.script("return document.querySelectorAll('table.lines tbody tr').length;")
        try browser.emulateMedia(nil)
        let pdf = try PrintedPDF.read(try browser.printPDF())
        return Page(
            pdf: pdf, rowCells: (cells as? [[String]]) ?? [], menu: menu as? String, lines: lines as? Int ?? 0,
            askLinksOnScreen: askLinks as? Int ?? 0)
    }
}

/// A printed PDF as poppler-utils reads it: its page count and size (`pdfinfo`) and each page's text
/// (`pdftotext -raw`, in the order it was laid out), white space collapsed to single spaces.
struct PrintedPDF {
    static let pdfinfo = "/usr/bin/pdfinfo"
    static let pdftotext = "/usr/bin/pdftotext"
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: pdfinfo) && FileManager.default.isExecutableFile(atPath: pdftotext)
    }

    let pages: Int
    /// As `pdfinfo` gives it, e.g. `594.96 x 841.92 pts (A4)`.
    let pageSize: String
    let text: [String]

    var isA4: Bool { pageSize.hasSuffix("(A4)") }

    static func read(_ data: Data) throws -> PrintedPDF {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "docket-print-\(UUID().uuidString).pdf")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let info = try run(pdfinfo, [file.path])
        func field(_ name: String) -> String {
            let line = info.split(separator: "\n").first { $0.hasPrefix("\(name):") } ?? ""
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        let pages = Int(field("Pages")) ?? 0
        let text = try (1...max(pages, 1)).map { page in
            let raw = try run(pdftotext, ["-raw", "-f", "\(page)", "-l", "\(page)", file.path, "-"])
            return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return PrintedPDF(pages: pages, pageSize: field("Page size"), text: text)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw WebDriverError.message("\(tool) failed with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
