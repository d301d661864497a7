import Foundation

/// Writes a realistic synthetic site of any size, to the content format: a business, clients (hourly,
/// retainers billed in arrears and in advance, core hours, mileage in mi and km), agreed terms, a timesheet
/// and a sent, sealed invoice for every month, and deliverables. Every entry form appears. The same seed always gives
/// the same files, so benchmarks are repeatable.
public struct DemoGenerator {
    /// How many clients.
    var clients: Int
    /// How many months of records each client has, ending with `lastMonth`.
    var months: Int
    /// The seed of the pseudo-random choices.
    var seed: UInt64
    /// The last month generated.
    var lastMonth: YearMonth

    /// Creates a generator.
    public init(clients: Int, months: Int, seed: UInt64, lastMonth: YearMonth) {
        self.clients = clients
        self.months = months
        self.seed = seed
        self.lastMonth = lastMonth
    }

    /// A small deterministic generator (SplitMix64). Not for secrets: the demo's tokens are reproducible.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
        mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    }

    static let tasks = [
        ("Inbox triage and diary", "admin"), ("Invoices chased", "accounts"), ("Social posts scheduled", "marketing"),
        ("Newsletter drafted", "marketing"), ("Supplier statements checked", "accounts"),
        ("Meeting notes typed up", "meetings"),
        ("Travel booked for the team", "admin"), ("Quotes prepared", "quotes"), ("Website updates", "marketing"),
        ("Customer enquiries answered", "admin"), ("Month-end reconciliation", "accounts"), ("Rota updated", "admin"),
    ]
    static let firstWords = [
        "Acme", "Bright", "Cedar", "Delta", "Elm", "Fern", "Granite", "Harbour", "Iris", "Juniper",
        "Kestrel", "Linden", "Maple", "Northwind", "Oak", "Pioneer", "Quarry", "Riverside",
    ]
    static let secondWords = [
        "Landscapes", "Dental", "Coaching", "Bakery", "Consulting", "Studio", "Joinery", "Law",
        "Accountants", "Florists", "Physio", "Lettings", "Print", "Events",
    ]

    /// Writes the site under `root` (its `content/` folder; `templates/` are not written).
    public func write(to root: URL) throws {
        var random = Random(state: seed)
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try write(
            content.appendingPathComponent("business.md"),
            """
            ---
            name: Demo Virtual Assistance
            address: "1 Demo Street\\nYork YO1 1AA"
            email: va@demo.example
            currency: GBP
            payment_terms: 14
            bank: { account_name: Demo VA, sort_code: "11-22-33", account: "12345678" }
            late_payment: "Interest at 8% over base rate under the Late Payment of Commercial Debts Act."
            base_url: https://portal.demo.example
            ---
            """)
        let first = (0..<(months - 1)).reduce(lastMonth) { month, _ in month.previous }
        var invoiceNumber = 1
        for index in 0..<clients {
            let slug = String(format: "client-%05d", index + 1)
            let folder = content.appendingPathComponent("clients/\(slug)")
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("timesheets"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("invoices"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("terms"), withIntermediateDirectories: true)
            let name = "\(random.pick(Self.firstWords)) \(random.pick(Self.secondWords)) \(index + 1)"
            let kind = random.int(0...2)  // 0 hourly, 1 retainer in arrears, 2 retainer in advance
            let unit = random.chance(20) ? "km" : "mi"
            var client = """
                ---
                name: \(name)
                contact: Contact \(index + 1)
                email: contact\(index + 1)@client.example
                address: "\(index + 1) High Street\\nLeeds LS1 1AA"
                rate: \(random.int(25...40)).00
                travel_rate: 15.00
                mileage_rate: 0.45
                distance_unit: \(unit)
                increment: \(random.pick(["6m", "15m", "1m"]))
                core_hours: "\(random.pick(["Mon-Fri 09:00-17:00", "Mon-Thu 09:00-15:00, Fri 09:00-12:00", "Mon-Fri 09:30-16:30"]))"
                out_of_hours_rate: 45.00

                """
            if kind > 0 {
                client += """
                    retainer:
                      hours: \(random.pick([10, 15, 20, 30]))
                      fee: \(random.pick([300, 450, 550, 800])).00
                      rollover: \(random.pick([0, 2, 5]))
                      overage_rate: 35.00
                      billing: \(kind == 1 ? "arrears" : "advance")
                      start: \(first)

                    """
            }
            client += "---\nPrivate notes about \(name).\n"
            try write(folder.appendingPathComponent("client.md"), client)
            let token = (0..<16).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            // A share token is a secret: readable by the VA only (0600), as every build saves one.
            try ShareToken.save(PortalEncryption.base64URL(Data(token)), slug: slug, root: root)
            // Agreed and sealed, as `docket terms agree` leaves a version: its fingerprint on the last line of
            // the front matter.
            let terms = """
                ---
                version: 1
                title: Virtual assistance agreement
                effective: \(first.firstDay)
                agreed_on: \(first.firstDay.adding(days: -7))
                agreed_by: Contact \(index + 1)
                ---
                ## Services

                Administrative support as agreed.

                ## Fees

                Rates as set out in the portal. Invoices are due within 14 days.
                """
            try write(
                folder.appendingPathComponent("terms/1.md"),
                terms.replacingOccurrences(
                    of: "\n---\n## Services", with: "\nfingerprint: \(TermsFingerprint.of(terms))\n---\n## Services"))
            var tasks = "# Deliverables\n\n"
            for month in first.through(lastMonth) {
                try write(folder.appendingPathComponent("timesheets/\(month).md"), timesheet(month, random: &random))
                let issued = month.next.firstDay
                let number = String(format: "INV-%06d", invoiceNumber)
                invoiceNumber += 1
                let period = kind == 2 ? month.next : month
                var invoice = "---\nnumber: \(number)\nissued: \(issued)\nperiod: \(period)\nstatus: sent\n"
                if month < lastMonth.previous, random.chance(90) {
                    invoice += "payments:\n  - { date: \(issued.adding(days: random.int(3...20))), amount: 100.00 }\n"
                }
                invoice += "---\n"
                try write(folder.appendingPathComponent("invoices/\(number).md"), invoice)
                tasks +=
                    "- Monthly report for \(month.longDescription)\n  - due: \(month.next.firstDay.adding(days: 4))\n"
                if random.chance(50) {
                    tasks +=
                        "  - asked: \(month.next.firstDay) figures from the client\n  - received: \(month.next.firstDay.adding(days: random.int(0...6)))\n"
                }
                if month < lastMonth {
                    tasks += "  - delivered: \(month.next.firstDay.adding(days: random.int(2...7)))\n"
                }
            }
            try write(folder.appendingPathComponent("tasks.md"), tasks)
        }
        // Sent invoices are sealed, as `docket invoice --send` leaves them.
        var diagnostics = Diagnostics()
        var skipped: [String] = []
        guard
            let sealed = InvoiceSending.sealAll(
                root: root, today: lastMonth.next.firstDay, diagnostics: &diagnostics,
                skipped: &skipped)
        else {
            throw SealingFailed(diagnostics: diagnostics.errors)
        }
        try InvoiceSending.write(sealed, root: root)
    }

    /// The generated invoices could not be sealed (the generated site has errors).
    struct SealingFailed: Error {
        var diagnostics: [Diagnostic]
    }

    /// One month of entries, with every entry form.
    func timesheet(_ month: YearMonth, random: inout Random) -> String {
        var text = "# \(month.longDescription)\n"
        for day in 1...month.numberOfDays {
            let date = CalendarDate(year: month.year, month: month.month, day: day)!
            guard date.weekday < .saturday || random.chance(5), random.chance(45) else { continue }
            text += "\n## \(date) \(date.weekday.name)\n"
            var clock = 9 * 60
            var evening = false
            for _ in 0..<random.int(1...4) {
                let (task, tag) = random.pick(Self.tasks)
                let minutes = random.int(1...12) * 10 + random.int(0...9)
                switch random.int(0...9) {
                case 0...3:
                    let end = clock + minutes
                    text += "- \(EntryParser.clockText(clock))-\(EntryParser.clockText(end)) \(task) #\(tag)\n"
                    clock = end + 15
                case 4...5:
                    text +=
                        "- \(minutes / 60 > 0 ? "\(minutes / 60)h" : "")\(minutes % 60 > 0 ? "\(minutes % 60)m" : "") \(task) #\(tag)\n"
                    if random.chance(30) { text += "  - sent for approval\n" }
                case 6:
                    text +=
                        "- \(random.pick(["0.5h", "1.5h", "0.25h", "2h"])) \(task) #\(tag)\(random.chance(20) ? " #unbilled" : "")\n"
                case 7:
                    text += "- travel \(random.int(2...9) * 10)m Drive to the client's office\n"
                    text += "- mileage \(random.int(3...60))\(random.pick(["mi", "km", ".5mi"])) Return trip\n"
                case 8:
                    text += "- expense \(random.int(2...40)).\(String(format: "%02d", random.int(0...99))) Parking\n"
                default:
                    guard !evening else { continue }
                    evening = true
                    text += "- 20:30-21:15 Urgent request after hours #\(tag)\n"
                }
            }
            if random.chance(15) { text += "\nThe client called about next week's priorities.\n" }
        }
        return text
    }

    private func write(_ url: URL, _ text: String) throws {
        try Data(text.utf8).write(to: url)
    }
}
