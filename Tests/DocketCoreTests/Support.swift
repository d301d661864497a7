import Foundation

@testable import DocketCore

/// A temporary site folder for end-to-end tests, with the repository's default templates.
struct TemporarySite {
    let root: URL

    /// The repository's top folder, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(files: [String: String], templates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("docket-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if templates {
            try FileManager.default.copyItem(
                at: TemporarySite.repository.appendingPathComponent("templates"),
                to: root.appendingPathComponent("templates"))
        }
        for (path, text) in files { try write(path, Self.sealed(path, text)) }
    }

    /// A terms file of a test site as the VA who ran `docket terms seal` has it: an agreed version (written
    /// `status: agreed`, or with no status) gets its fingerprint as the last line of its front matter, so that
    /// tests about other things see no "not sealed" warning. A file written later with `write`, and a file
    /// whose front matter names a fingerprint or is not plain `\n` text, is left as it is.
    static func sealed(_ path: String, _ text: String) -> String {
        guard path.contains("/terms/"), path.hasSuffix(".md"), text.hasPrefix("---\n"), !text.contains("\r"),
            let close = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
        else { return text }
        let front = text[..<close.lowerBound]
        guard !front.contains("\nfingerprint:"), !front.contains("\nstatus: proposed") else { return text }
        return text[..<close.lowerBound] + "\nfingerprint: \(TermsFingerprint.of(text))" + text[close.lowerBound...]
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Every file under a folder of the site, by relative path, with its bytes.
    func snapshot(_ folder: String) -> [String: Data] {
        TemporarySite.files(under: root.appendingPathComponent(folder))
    }

    /// Every file under a folder, by path relative to it, with its bytes.
    static func files(under base: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            return result
        }
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
                result[relative] = FileManager.default.contents(atPath: url.path)
            }
        }
        return result
    }

    func build(
        today: String = "2026-11-29", mode: Builder.Mode = .build,
        environment: [String: String] = [:]
    ) -> Builder.Report {
        Builder.run(.init(root: root, today: CalendarDate(iso: today)!, mode: mode, environment: environment))
    }
}

/// A minimal valid business.md.
let businessMD = """
    ---
    name: Jo Bloggs Virtual Assistance
    address: "4 Mill Lane\\nYork YO1 7AA"
    email: jo@example.com
    base_url: https://portal.example.com
    ---
    """

/// A business.md with everything a sent invoice needs (bank details, late-payment terms, 14 days to pay).
let billingBusinessMD = """
    ---
    name: Jo Bloggs VA
    address: "4 Mill Lane\\nYork YO1 7AA"
    email: jo@example.com
    bank: { account_name: Jo Bloggs, sort_code: "12-34-56", account: "12345678" }
    late_payment: "Interest at 8% over base rate."
    payment_terms: 14
    ---
    """

/// A source file from text.
func source(_ text: String, path: String = "content/test.md") -> SourceFile {
    SourceFile(path: path, text: text)
}

/// A business for parsing tests.
func testBusiness(currency: String = "GBP") -> Business {
    Business(
        name: "Jo", address: "York", email: "jo@example.com", phone: nil, companyNumber: nil, vatNumber: nil,
        vatRate: nil, currency: Currency(code: currency)!, paymentTerms: 14, bank: nil, latePayment: nil,
        baseURL: nil)
}

/// Billing figures for calculation tests (a client's figures that never change).
func testClient(
    rate: MinorUnits = 3000, increment: Int = 1, coreHours: String? = nil,
    retainer: RetainerTerms? = nil, unit: DistanceUnit = .mi
) -> BillingFigures {
    BillingFigures(
        rate: rate, travelRate: rate, mileageRate: 45, distanceUnit: unit, increment: increment,
        coreHours: coreHours.map { try! CoreHours.parse($0).get() }, outOfHoursRate: rate,
        paymentTerms: 14, retainer: retainer)
}

/// A client whose client.md writes exactly these figures.
func testClientRecord(_ figures: BillingFigures) -> Client {
    Client(
        slug: "acme", name: "Acme", contact: "Sam", email: "sam@example.com", address: "Leeds", currency: .gbp,
        figures: FiguresTimeline(figures: figures).base, status: .active, portalPassphraseEnv: nil)
}

extension FiguresTimeline {
    /// A timeline with no terms: client.md's figures for every month.
    init(figures: BillingFigures) {
        var retainer: RetainerSetting?
        if let terms = figures.retainer { retainer = .terms(terms, overageRateWritten: true) }
        let written = WrittenFigures(
            rate: figures.rate, travelRate: figures.travelRate, mileageRate: figures.mileageRate,
            distanceUnit: figures.distanceUnit, increment: figures.increment,
            coreHours: figures.coreHours, outOfHoursRate: figures.outOfHoursRate,
            paymentTerms: figures.paymentTerms, retainer: retainer)
        self.init(base: written, terms: [], defaultPaymentTerms: figures.paymentTerms)
    }
}

extension Client {
    /// Parses a client.md. Problems go to `diagnostics`; nil when the client cannot be used.
    static func parse(_ file: SourceFile, slug: String, business: Business, diagnostics: inout Diagnostics) -> Client? {
        read(file, slug: slug, business: business, diagnostics: &diagnostics).client
    }
}

extension RetainerCalculator {
    /// The retainer months for terms that never change, from `terms.start` (or `first`) through `last`.
    static func months(
        terms: RetainerTerms, used: [YearMonth: Int], first: YearMonth,
        last: YearMonth
    ) -> [YearMonth: RetainerMonth] {
        months(used: used, first: min(first, terms.start ?? first), last: last) { _ in terms }
    }
}

extension MonthCalculator {
    /// Month figures for a client whose figures never change.
    static func figures(client figures: BillingFigures, timesheets: [Timesheet], today: CalendarDate) -> ClientFigures {
        self.figures(
            client: testClientRecord(figures), timeline: FiguresTimeline(figures: figures),
            timesheets: timesheets, today: today)
    }
}

extension InvoiceCalculator.Context {
    /// A context for a client whose figures never change.
    init(
        client figures: BillingFigures, business: Business, months: [YearMonth: MonthFigures],
        timesheets: [YearMonth: Timesheet], terms: [Terms]
    ) {
        self.init(
            client: testClientRecord(figures), business: business, months: months, timesheets: timesheets,
            terms: terms, timeline: FiguresTimeline(figures: figures))
    }
}

/// Parses a timesheet text for a month, returning it with the diagnostics.
func parseTimesheet(_ text: String, month: String = "2026-11", currency: String = "GBP") -> (Timesheet, Diagnostics) {
    var diagnostics = Diagnostics()
    let file = SourceFile(path: "content/clients/acme/timesheets/\(month).md", text: text)
    let sheet = TimesheetParser.parse(
        file, month: YearMonth(iso: month)!, currency: Currency(code: currency)!,
        diagnostics: &diagnostics)
    return (sheet, diagnostics)
}
