import Foundation
import Testing

@testable import DocketCore

/// The JSON of the build record: what `RecordJSON` writes, read back by `RecordFactsDecoding.swift`'s
/// `Decodable` conformances through Foundation's decoder, and laid out byte for byte as before.
@Suite("Build record JSON")
struct RecordJSONTests {
    static let euro = Currency(code: "EUR")!

    /// A dashboard part with every optional present.
    static let fullPart = Dashboard.ClientPart(
        client: "Acme", currency: euro,
        chase: [
            Dashboard.Chase(client: "Acme", number: "INV-1", daysOverdue: 12, balance: 12_345, currency: euro),
            Dashboard.Chase(client: "Acme", number: "INV-2", daysOverdue: 3, balance: 5, currency: euro),
        ],
        balance: Dashboard.ClientMoney(client: "Acme", balance: 20_000, overdue: 12_350, currency: euro),
        burn: Dashboard.Burn(
            client: "Acme", used: 1_300, available: 1_200, overage: 100, overageAmount: 5_333, currency: euro),
        unbilled: Dashboard.ClientMinutes(client: "Acme", thisMonth: 30, total: 90),
        outOfHours: Dashboard.ClientMinutes(client: "Acme", thisMonth: 0, total: 45),
        tagMinutes: ["admin": 120, "untagged": 15], tagEntries: ["admin": 2, "untagged": 1],
        noTermsMonths: ["2026-09", "2026-10"],
        proposals: [Dashboard.Proposal(client: "Acme", version: 2, effective: CalendarDate(iso: "2026-12-01")!)],
        soFar: 98_765,
        events: [
            CalendarEvent(
                date: CalendarDate(iso: "2026-12-10")!, uid: "u1@docket", summary: "Due: Brochure", description: "")
        ],
        mail: ClientMail(
            slug: "acme", contact: "Sam", email: "sam@acme.example",
            reminders: [
                ClientMail.Reminder(
                    number: "INV-1", total: 20_000, balance: 12_345, due: CalendarDate(iso: "2026-11-18")!,
                    daysOverdue: 12, page: "invoices/INV-1.html")
            ],
            report: ClientMail.MonthReport(
                month: YearMonth(iso: "2026-10")!, workedMinutes: 1_345, retainerUsed: 1_300, retainerAvailable: 1_200,
                outOfHoursMinutes: 45, invoice: "INV-2", invoiceTotal: 5, invoiceDue: CalendarDate(iso: "2026-11-27")!,
                page: "3fa9c1.html")))

    /// A dashboard part with every optional absent and every list empty.
    static let barePart = Dashboard.ClientPart(
        client: "Bare", currency: .gbp, chase: [], balance: nil, burn: nil,
        unbilled: Dashboard.ClientMinutes(client: "Bare", thisMonth: 0, total: 0),
        outOfHours: Dashboard.ClientMinutes(client: "Bare", thisMonth: 0, total: 0),
        tagMinutes: [:], tagEntries: [:], noTermsMonths: [], proposals: [])

    /// Facts with every optional present.
    static var fullFacts: ClientFacts {
        var facts = ClientFacts(slug: "acme")
        facts.storedToken = "abc"
        facts.invoiceNumbers = [
            InvoiceNumber(number: "INV-1", path: "content/clients/acme/invoices/INV-1.md", line: 2),
            InvoiceNumber(number: "INV-2", path: "content/clients/acme/invoices/INV-2.md", line: 3),
        ]
        facts.dashboard = fullPart
        facts.diagnostics = [
            Diagnostic(.warning, path: "content/clients/acme/client.md", line: 3, column: 1, "a \"quoted\"\ttab"),
            Diagnostic(.error, path: "content/clients/acme/timesheets/2026-11.md", "whole file"),
        ]
        facts.portal = Portal(
            slug: "acme", name: "Acme", token: "abc", isNewToken: false, encryption: .link)
        facts.secretFingerprints = ["portal-salt.txt": "5a17", "portal-key.txt": "6b3e"]
        return facts
    }

    static func read(_ bytes: [UInt8]) throws -> ClientFacts {
        try JSONDecoder().decode(ClientFacts.self, from: Data(bytes))
    }

    @Test("facts read back equal to what was written: every optional present, every optional absent, and in between")
    func roundTrip() throws {
        var noDashboardOptionals = Self.fullFacts
        noDashboardOptionals.dashboard = Self.barePart
        noDashboardOptionals.portal = Portal(slug: "acme", name: "Acme", token: "abc", isNewToken: true)
        var passphrasePortal = Self.fullFacts
        passphrasePortal.portal?.encryption = .passphrase
        passphrasePortal.storedToken = nil
        let awkward = "<a href=\"x\">&amp;</a> \\ / é 😀 \u{2028}\u{0}\u{1F}\r\n\t'"
        var awkwardText = ClientFacts(slug: awkward)
        awkwardText.dashboard = Dashboard.ClientPart(
            client: awkward, currency: .gbp, chase: [], balance: nil, burn: nil,
            unbilled: Dashboard.ClientMinutes(client: awkward, thisMonth: 0, total: 0),
            outOfHours: Dashboard.ClientMinutes(client: awkward, thisMonth: -5, total: Int.max),
            tagMinutes: [awkward: Int.min], tagEntries: [awkward: 1, "b": 2, "a": 3], noTermsMonths: [], proposals: [],
            mail: ClientMail(
                slug: awkward, contact: awkward, email: awkward, reminders: [],
                report: ClientMail.MonthReport(
                    month: YearMonth(iso: "2026-01")!, workedMinutes: 0, retainerUsed: nil, retainerAvailable: nil,
                    outOfHoursMinutes: 0, invoice: nil, invoiceTotal: nil, invoiceDue: nil, page: awkward)))
        awkwardText.diagnostics = [Diagnostic(.error, path: awkward, line: 0, column: 0, awkward)]
        let cases = [Self.fullFacts, ClientFacts(slug: "b"), noDashboardOptionals, passphrasePortal, awkwardText]
        for facts in cases {
            let read = try Self.read(RecordJSON.facts(facts))
            #expect(read == facts, "\(facts.slug.debugDescription)")
        }
        // The comparison would see a lost optional: the bare facts differ from the full ones in each.
        let bare = try Self.read(RecordJSON.facts(ClientFacts(slug: "acme")))
        #expect(
            bare.dashboard == nil && bare.portal == nil && bare.storedToken == nil && bare.secretFingerprints.isEmpty)
        #expect(bare.diagnostics.isEmpty && bare.invoiceNumbers.isEmpty)
    }

    @Test("facts are laid out as before: compact, keys in alphabetical order, the dashboard part as one flat array")
    func layout() throws {
        let text = String(decoding: RecordJSON.facts(Self.fullFacts), as: UTF8.self)
        let expected: JSONValue = .object([
            (
                "dashboard",
                .array([
                    .string("Acme"), .string("EUR"),
                    .array([
                        .string("INV-1"), .string("12"), .string("12345"), .string("INV-2"), .string("3"), .string("5"),
                    ]),
                    .array([.int(20_000), .int(12_350)]),
                    .array([.int(1_300), .int(1_200), .int(100), .int(5_333)]),
                    .array([.int(30), .int(90), .int(0), .int(45)]),
                    .object([("admin", .int(120)), ("untagged", .int(15))]),
                    .object([("admin", .int(2)), ("untagged", .int(1))]),
                    .array([.string("2026-09"), .string("2026-10")]),
                    .array([.string("2"), .string("2026-12-01")]),
                    .array([.int(98_765)]),
                    .array([.string("2026-12-10"), .string("u1@docket"), .string("Due: Brochure"), .string("")]),
                    .array(
                        [
                            "acme", "Sam", "sam@acme.example", "1", "INV-1", "20000", "12345", "2026-11-18", "12",
                            "invoices/INV-1.html", "2026-10", "1345", "1300", "1200", "45", "INV-2", "5", "2026-11-27",
                            "3fa9c1.html",
                        ].map(JSONValue.string)),
                ])
            ),
            (
                "diagnostics",
                .array([
                    .object([
                        ("column", .int(1)), ("line", .int(3)), ("message", .string("a \"quoted\"\ttab")),
                        ("path", .string("content/clients/acme/client.md")), ("severity", .string("warning")),
                    ]),
                    .object([
                        ("column", .int(0)), ("line", .int(0)), ("message", .string("whole file")),
                        ("path", .string("content/clients/acme/timesheets/2026-11.md")), ("severity", .string("error")),
                    ]),
                ])
            ),
            (
                "invoiceNumbers",
                .array([
                    .array([.string("INV-1"), .string("content/clients/acme/invoices/INV-1.md"), .int(2)]),
                    .array([.string("INV-2"), .string("content/clients/acme/invoices/INV-2.md"), .int(3)]),
                ])
            ),
            (
                "portal",
                .object([
                    ("encryption", .string("link")), ("isNewToken", .bool(false)),
                    ("name", .string("Acme")), ("slug", .string("acme")), ("token", .string("abc")),
                ])
            ),
            ("secrets", .object([("portal-key.txt", .string("6b3e")), ("portal-salt.txt", .string("5a17"))])),
            ("slug", .string("acme")),
            ("storedToken", .string("abc")),
        ])
        #expect(text == expected.serialized(.compact))
        #expect(
            String(decoding: RecordJSON.facts(ClientFacts(slug: "b")), as: UTF8.self)
                == #"{"diagnostics":[],"invoiceNumbers":[],"slug":"b"}"#)
        #expect(
            String(decoding: RecordJSON.facts(ClientFacts(slug: "b", dashboard: Self.barePart)), as: UTF8.self)
                == #"{"dashboard":["Bare","GBP",[],[],[],[0,0,0,0],{},{},[],[],[],[],[]],"diagnostics":[],"invoiceNumbers":[],"slug":"b"}"#
        )
    }

    @Test("a portal of each kind is written compactly and read back by its own Decodable; a link key is never written")
    func portals() throws {
        let keyless = Portal(slug: "a", name: "A", token: "t", isNewToken: false, encryption: .link)
        var keyed = keyless
        keyed.linkKey = "k-_"
        let portals = [
            (
                Portal(slug: "a", name: "A \"Ltd\" <x>", token: "t", isNewToken: true),
                #"{"isNewToken":true,"name":"A \"Ltd\" \u003cx\u003e","slug":"a","token":"t"}"#
            ),
            (
                Portal(slug: "a", name: "A", token: "t", isNewToken: false, encryption: .passphrase),
                #"{"encryption":"passphrase","isNewToken":false,"name":"A","slug":"a","token":"t"}"#
            ),
            (keyless, #"{"encryption":"link","isNewToken":false,"name":"A","slug":"a","token":"t"}"#),
            (keyed, #"{"encryption":"link","isNewToken":false,"name":"A","slug":"a","token":"t"}"#),
        ]
        for (portal, text) in portals {
            let bytes = RecordJSON.portal(portal)
            #expect(String(decoding: bytes, as: UTF8.self) == text)
            var read = portal
            read.linkKey = nil
            #expect(try JSONDecoder().decode(Portal.self, from: Data(bytes)) == read)
        }
        // Not even a key some older record held is read back.
        let old = #"{"encryption":"link","isNewToken":false,"linkKey":"k-_","name":"A","slug":"a","token":"t"}"#
        #expect(try JSONDecoder().decode(Portal.self, from: Data(old.utf8)) == keyless)
    }

    @Test(
        "a damaged dashboard part is not read: a chase or proposal list of the wrong length, an unknown currency, missing minutes"
    )
    func damagedParts() throws {
        let good =
            #"{"dashboard":["A","GBP",["INV-1","3","5"],[],[],[0,0,0,0],{},{},[],["2","2026-12-01"],[],["2026-12-10","u","s",""],["a","Al","al@x","1","INV-1","10","5","2026-11-01","3","invoices/INV-1.html"]],"diagnostics":[],"invoiceNumbers":[],"slug":"a"}"#
        #expect(try Self.read(Array(good.utf8)).dashboard?.chase.first?.daysOverdue == 3)
        #expect(try Self.read(Array(good.utf8)).dashboard?.mail?.reminders.first?.balance == 5)
        #expect(try Self.read(Array(good.utf8)).dashboard?.events.first?.summary == "s")
        let damaged = [
            good.replacingOccurrences(of: #"["INV-1","3","5"]"#, with: #"["INV-1","3"]"#),
            good.replacingOccurrences(of: #"["INV-1","3","5"]"#, with: #"["INV-1","three","5"]"#),
            good.replacingOccurrences(of: "GBP", with: "XXX"),
            good.replacingOccurrences(of: "[0,0,0,0]", with: "[0,0,0]"),
            good.replacingOccurrences(of: #"["2","2026-12-01"]"#, with: #"["2"]"#),
            good.replacingOccurrences(of: #"["2","2026-12-01"]"#, with: #"["2","2026-13-01"]"#),
            good.replacingOccurrences(of: #",["2026-12-10","u","s",""],"#, with: #","#),
            good.replacingOccurrences(of: #""al@x","1""#, with: #""al@x","2""#),
            good.replacingOccurrences(of: #""2026-11-01""#, with: #""1 November""#),
            good.replacingOccurrences(of: #""invoices/INV-1.html"]"#, with: #""invoices/INV-1.html","2026-10"]"#),
            good.replacingOccurrences(of: #",["a","Al","#, with: #",[1,"Al","#),
            good.replacingOccurrences(of: #"["2026-12-10","u","s",""]"#, with: #"["2026-12-10","u","s"]"#),
            good.replacingOccurrences(of: #"["2026-12-10","u","s",""]"#, with: #"["10 December","u","s",""]"#),
        ]
        for text in damaged {
            #expect(text != good)
            #expect(throws: (any Error).self, "\(text)") { try Self.read(Array(text.utf8)) }
        }
    }

    @Test("awkward text, extreme numbers and bare facts read back; every portal kind too")
    func recordJSONWriter() throws {
        // Nothing optional: no dashboard, portal or token.
        let bare = try JSONDecoder().decode(ClientFacts.self, from: Data(RecordJSON.facts(ClientFacts(slug: "b"))))
        #expect(bare.slug == "b" && bare.dashboard == nil && bare.portal == nil && bare.storedToken == nil)
        #expect(bare.diagnostics.isEmpty && bare.invoiceNumbers.isEmpty)
        let awkward = "<a href=\"x\">&amp;</a> \\ / é 😀 \u{2028}\u{0}\u{1F}\r\n\t'"
        let part = Dashboard.ClientPart(
            client: awkward, currency: .gbp, chase: [], balance: nil, burn: nil,
            unbilled: Dashboard.ClientMinutes(client: awkward, thisMonth: 0, total: 0),
            outOfHours: Dashboard.ClientMinutes(client: awkward, thisMonth: -5, total: Int.max),
            tagMinutes: [:], tagEntries: [awkward: 1, "b": 2, "a": 3], noTermsMonths: [], proposals: [])
        var facts = ClientFacts(slug: awkward)
        facts.dashboard = part
        facts.diagnostics = [Diagnostic(.error, path: awkward, line: 0, column: 0, awkward)]
        let decoded = try JSONDecoder().decode(ClientFacts.self, from: Data(RecordJSON.facts(facts)))
        #expect(decoded.slug == awkward)
        #expect(decoded.dashboard == part)
        #expect(decoded.diagnostics == facts.diagnostics)
        for portal in [
            Portal(slug: "a", name: awkward, token: "t", isNewToken: true),
            Portal(slug: "a", name: "A", token: "t", isNewToken: false, encryption: .passphrase),
            Portal(slug: "a", name: "A", token: "t", isNewToken: false, encryption: .link),
        ] {
            #expect(try JSONDecoder().decode(Portal.self, from: Data(RecordJSON.portal(portal))) == portal)
        }
    }
}
