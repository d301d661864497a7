import Foundation
import Testing

@testable import DocketCore

@Suite("Front matter, fields and files")
struct FrontMatterTests {
    func parseClient(_ text: String) -> (Client?, Diagnostics) {
        var diagnostics = Diagnostics()
        let client = Client.parse(
            source(text, path: "content/clients/acme/client.md"), slug: "acme",
            business: testBusiness(), diagnostics: &diagnostics)
        return (client, diagnostics)
    }

    @Test("a value of the wrong type is an error at its line and column; an unknown key is a warning with a suggestion")
    func wrongTypeAndUnknownKey() {
        let (client, diagnostics) = parseClient(
            """
            ---
            name: Acme Widgets Ltd
            contact: Sam Patel
            email: sam@acme.example
            rate: thirty
            retainr:
              hours: 20
            ---
            Private notes.
            """)
        #expect(client == nil)
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/clients/acme/client.md:5:7: error: `rate` must be an amount like `30.00` in GBP with at most 2 decimals, found `thirty`"
            ])
        #expect(
            diagnostics.warnings.map(\.description) == [
                "content/clients/acme/client.md:6:1: warning: unknown field `retainr`; it is ignored (did you mean `retainer`?)"
            ])
    }

    @Test("an amount may start with the currency's symbol or code, in any case, with or without a space")
    func amountsWithMarkers() {
        for (written, minor) in [
            ("30", 3000), ("30.50", 3050), ("£30.50", 3050), ("£ 30", 3000), ("GBP 12", 1200),
            ("gbp12.5", 1250), ("1,234.00", 123_400), ("'£7.25'", 725),
        ] {
            let (client, diagnostics) = parseClient(
                "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: \(written)\n---\n")
            #expect(client?.figures.rate == minor, "\(written): \(diagnostics.errors)")
        }
        for written in ["$30", "EUR 30", "30 GBP", "£", "thirty"] {
            let (client, diagnostics) = parseClient(
                "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: \(written)\n---\n")
            #expect(client == nil && diagnostics.errors.count == 1, "\(written)")
        }
    }

    @Test("a missing required field is an error naming it")
    func missingField() {
        let (_, diagnostics) = parseClient(
            """
            ---
            name: Acme
            contact: Sam
            rate: 30
            ---
            """)
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/clients/acme/client.md:1:1: error: missing required field `email`; expected text"
            ])
    }

    @Test("a YAML syntax error is reported with its line in the file")
    func yamlSyntax() {
        let (_, diagnostics) = parseClient(
            """
            ---
            name: Acme
              contact: Sam
            email: sam@example.com
            ---
            """)
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.errors[0].line == 3)
        #expect(diagnostics.errors[0].column == 10)
        #expect(diagnostics.errors[0].message.hasPrefix("the front matter is not valid YAML"))
    }

    @Test("front matter that is never closed is one error, on its last field or else at line 1")
    func unclosed() {
        let (_, diagnostics) = parseClient("---\nname: Acme\n")
        #expect(
            diagnostics.all.map(\.description) == [
                "content/clients/acme/client.md:2:1: error: the front matter opened on line 1 is never closed; add a line `---` after this one"
            ])
        let (_, empty) = parseClient("---\nNotes about Acme.\n")
        #expect(
            empty.all.map(\.description) == [
                "content/clients/acme/client.md:1:1: error: the front matter opened here is never closed; expected a line `---` after the last field"
            ])
    }

    @Test("nested fields: retainer terms with defaults, and wrong types inside them")
    func retainer() {
        let (client, diagnostics) = parseClient(
            """
            ---
            name: Acme
            contact: Sam
            email: sam@example.com
            rate: 30.00
            increment: 15m
            core_hours: "Mon-Thu 09:00-15:00, Fri 09:00-12:00"
            retainer:
              hours: 7.5
              fee: 550
              rollover: 5
              start: 2026-09
            ---
            """)
        #expect(diagnostics.all.isEmpty)
        let resolved = client?.figures.resolved(defaultPaymentTerms: 14)
        #expect(
            resolved?.retainer
                == RetainerTerms(
                    includedMinutes: 450, fee: 55_000, rolloverMinutes: 300,
                    overageRate: 3000, billing: .arrears,
                    start: YearMonth(iso: "2026-09")))
        #expect(resolved?.increment == 15)
        #expect(resolved?.travelRate == 3000)
        #expect(resolved?.outOfHoursRate == 3000)
        #expect(resolved?.distanceUnit == .mi)

        let (_, bad) = parseClient(
            """
            ---
            name: Acme
            contact: Sam
            email: sam@example.com
            rate: 30.00
            increment: 15
            retainer:
              hours: lots
              fee: 550
              billing: monthly
            ---
            """)
        #expect(bad.errors.map { "\($0.line):\($0.column)" } == ["6:12", "8:10", "10:12"])
        #expect(bad.errors[1].message.contains("`retainer.hours`"))
    }

    @Test("core hours that do not parse are an error")
    func badCoreHours() {
        let (_, diagnostics) = parseClient(
            """
            ---
            name: Acme
            contact: Sam
            email: sam@example.com
            rate: 30
            core_hours: "Weekdays 9-5"
            ---
            """)
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.errors[0].line == 6)
    }

    @Test("a file that is not valid UTF-8 is an error at the first bad byte")
    func invalidUTF8() {
        var diagnostics = Diagnostics()
        let data = Data([0x61, 0x62, 0x0A, 0x63, 0xFF, 0x64])
        #expect(SourceFile.decode(path: "content/business.md", data: data, diagnostics: &diagnostics) == nil)
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/business.md:2:2: error: the file is not valid UTF-8 text; expected a plain text file saved as UTF-8"
            ])
    }

    @Test("CRLF line endings and a byte-order mark are accepted")
    func lineEndings() {
        let file = SourceFile(path: "x.md", text: "\u{FEFF}---\r\nname: A\r\n---\r\nbody")
        #expect(file.lines == ["---", "name: A", "---", "body"])
    }

    @Test("lines split at every newline, with non-ASCII text, empty lines and no final newline")
    func lineSplitting() {
        #expect(SourceFile(path: "x.md", text: "").lines == [""])
        #expect(SourceFile(path: "x.md", text: "\n").lines == ["", ""])
        #expect(SourceFile(path: "x.md", text: "Café ☕\n\n- 1h Été\nend").lines == ["Café ☕", "", "- 1h Été", "end"])
        #expect(SourceFile(path: "x.md", text: "a\nb\n").lines == ["a", "b", ""])
        #expect(SourceFile(path: "x.md", text: "a\rb\r\nc").lines == ["a", "b", "c"])
        #expect(SourceFile(path: "x.md", text: "\u{FEFF}x\ny").text == "x\ny")
        #expect(SourceFile(path: "x.md", text: "x\u{FEFF}").text == "x\u{FEFF}")
    }

    @Test("a file is read whole from disk; a missing file or a folder is an error naming the file")
    func readingFiles() throws {
        let site = try TemporarySite(files: [:], templates: false)
        let text = String(repeating: "- 1h Inbox triage Café\n", count: 2_000)
        try site.write("content/big.md", text)
        var diagnostics = Diagnostics()
        let file = SourceFile.read(site: site.root, path: "content/big.md", diagnostics: &diagnostics)
        #expect(file?.text == text)
        #expect(file?.lines.count == 2_001)
        #expect(SourceFile.read(site: site.root, path: "content/none.md", diagnostics: &diagnostics) == nil)
        #expect(SourceFile.read(site: site.root, path: "content", diagnostics: &diagnostics) == nil)
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/none.md: error: cannot read the file: No such file or directory",
                "content: error: cannot read the file: Is a directory",
            ])
    }

    @Test("weekday names and punctuation around them are read as Foundation would")
    func weekdayNames() {
        #expect(Weekday(name: "Monday") == .monday)
        #expect(Weekday(name: "tue") == .tuesday)
        #expect(Weekday(name: "SUNDAY") == .sunday)
        #expect(Weekday(name: "Mo") == nil)
        #expect(Weekday(name: "Wednesdays") == nil)
        for word in ["(Friday),", "Friday", "«Friday»", "—", "", "...Fri!", "Fri-day", "#Sat"] {
            #expect(word.trimmingPunctuation() == word.trimmingCharacters(in: .punctuationCharacters), "\(word)")
        }
    }

    @Test("business.md: VAT rate defaults to 20 when a VAT number is set; currency must be known")
    func business() {
        var diagnostics = Diagnostics()
        let business = Business.parse(
            source(
                """
                ---
                name: Jo
                address: York
                email: jo@example.com
                vat_number: GB123456789
                base_url: https://portal.example.com/
                ---
                """), diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(business?.vatRate == FixedDecimal(digits: 20, scale: 0, negative: false))
        #expect(business?.baseURL == "https://portal.example.com")
        #expect(business?.paymentTerms == 30)

        var bad = Diagnostics()
        _ = Business.parse(
            source("---\nname: Jo\naddress: York\nemail: jo@example.com\ncurrency: QQQ\n---\n"), diagnostics: &bad)
        #expect(bad.errors.map { "\($0.line):\($0.column)" } == ["5:11"])
    }
}
