import Testing

@testable import DocketCore

/// The demo generator's deterministic SplitMix64, so generated months are the same every run.
typealias SeededGenerator = DemoGenerator.Random

/// Properties that hold for any content: checked over generated clients and months.
@Suite("Billing properties over generated months")
struct BillingPropertyTests {
    static func generatedMonth(_ month: YearMonth, using rng: inout SeededGenerator) -> String {
        var text = "# \(month.longDescription)\n"
        let days = (1...month.numberOfDays).shuffled(using: &rng).prefix(Int.random(in: 0...6, using: &rng)).sorted()
        for day in days {
            text += "\n## \(month)-\(pad(day, 2))\n"
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                let tag = ["", " #admin", " #marketing", " #unbilled"].randomElement(using: &rng)!
                switch Int.random(in: 0..<10, using: &rng) {
                case 0..<4:
                    let start = Int.random(in: 0..<(24 * 60), using: &rng)
                    let end = (start + Int.random(in: 1...300, using: &rng)) % 1440
                    guard end != start else { continue }
                    text += "- \(EntryParser.clockText(start))-\(EntryParser.clockText(end)) Task\(tag)\n"
                case 4..<6:
                    text += "- \(Int.random(in: 1...240, using: &rng))m Task\(tag)\n"
                case 6:
                    text += "- travel \(Int.random(in: 1...120, using: &rng))m Drive\(tag)\n"
                case 7:
                    let unit = Bool.random(using: &rng) ? "mi" : "km"
                    text +=
                        "- mileage \(Int.random(in: 1...900, using: &rng)).\(Int.random(in: 0...9, using: &rng))\(unit) Trip\(tag)\n"
                default:
                    text +=
                        "- expense \(Int.random(in: 1...90, using: &rng)).\(pad(Int.random(in: 0...99, using: &rng), 2)) Supplies\(tag)\n"
                }
            }
        }
        return text
    }

    @Test(
        "lines sum to the subtotal, total = subtotal + VAT, balance = total − paid, and every billable minute is billed exactly once",
        arguments: 1...60)
    func properties(seed: Int) throws {
        var rng = SeededGenerator(state: UInt64(seed))
        let first = YearMonth(iso: "2026-01")!
        let months = first.through(YearMonth(iso: "2026-06")!)
        var client = testClient(
            rate: Int.random(in: 1000...5000, using: &rng),
            increment: [1, 6, 15, 30].randomElement(using: &rng)!,
            coreHours: [nil, "Mon-Fri 09:00-17:00", "Mon-Thu 09:00-15:00, Fri 09:00-12:00"].randomElement(using: &rng)!,
            unit: Bool.random(using: &rng) ? .mi : .km)
        client.outOfHoursRate = Int.random(in: 1000...9000, using: &rng)
        client.travelRate = Int.random(in: 500...4000, using: &rng)
        client.mileageRate = Int.random(in: 10...60, using: &rng)
        if Bool.random(using: &rng) {
            client.retainer = RetainerTerms(
                includedMinutes: 60 * Int.random(in: 1...20, using: &rng),
                fee: Int.random(in: 10_000...90_000, using: &rng),
                rolloverMinutes: 60 * Int.random(in: 0...5, using: &rng),
                overageRate: Int.random(in: 1000...6000, using: &rng),
                billing: Bool.random(using: &rng) ? .arrears : .advance, start: first)
        }
        var business = testBusiness()
        if Bool.random(using: &rng) {
            business.vatNumber = "GB1"
            business.vatRate = FixedDecimal(
                digits: [200, 175, 50, 125].randomElement(using: &rng)!, scale: 1, negative: false)
        }
        var timesheets: [Timesheet] = []
        for month in months where Int.random(in: 0..<10, using: &rng) < 8 {
            let (sheet, diagnostics) = parseTimesheet(Self.generatedMonth(month, using: &rng), month: month.description)
            try #require(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
            timesheets.append(sheet)
        }
        let today = CalendarDate(iso: "2026-08-15")!
        let figures = MonthCalculator.figures(client: client, timesheets: timesheets, today: today)
        var byMonth = Dictionary(uniqueKeysWithValues: figures.months.map { ($0.month, $0) })
        if let current = figures.current { byMonth[current.month] = byMonth[current.month] ?? current }
        let context = InvoiceCalculator.Context(
            client: client, business: business, months: byMonth,
            timesheets: Dictionary(uniqueKeysWithValues: timesheets.map { ($0.month, $0) }),
            terms: [])
        // One invoice per month, and one more for an advance retainer (it bills June's usage in July).
        let periods = first.through(
            client.retainer?.billing == .advance ? YearMonth(iso: "2026-07")! : YearMonth(iso: "2026-06")!)
        let invoices = periods.map { period -> Invoice in
            let payments = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                Payment(date: period.next.firstDay, amount: Int.random(in: 1...50_000, using: &rng))
            }
            let record = InvoiceRecord(
                number: "INV-\(period)", issued: period.next.firstDay, period: period, supplied: nil,
                due: nil, status: .sent, po: nil, payments: payments, extraLines: [],
                noteHTML: "", path: "x", numberLine: 1)
            return InvoiceCalculator.invoice(record, context: context, today: today)
        }

        for invoice in invoices {
            #expect(invoice.lines.reduce(0) { $0 + $1.amount } == invoice.subtotal)
            #expect(invoice.total == invoice.subtotal + invoice.vat)
            #expect(invoice.balance == invoice.total - invoice.paid)
            #expect(invoice.lines.allSatisfy { $0.amount >= 0 })
            if let rate = invoice.vatRate {
                // VAT is within half a minor unit of the exact product.
                let exact = Rational(invoice.subtotal * rate.digits, 100 * (rate.scale == 0 ? 1 : 10))
                #expect(
                    abs(Rational(invoice.vat).numerator * exact.denominator - exact.numerator) * 2 <= exact.denominator)
            }
        }

        // Every billable minute is billed exactly once: per month, the minutes on all invoices' lines equal
        // the month's figures, and each month's fee is billed once.
        func billed(_ kind: InvoiceLine.Kind, _ month: YearMonth) -> Int {
            invoices.flatMap(\.lines).filter { $0.kind == kind && $0.month == month }.reduce(0) { total, line in
                if case .minutes(let minutes) = line.quantity { return total + minutes }
                return total
            }
        }
        for month in figures.months {
            if let retainer = month.retainer {
                #expect(billed(.overage, month.month) == retainer.overageMinutes)
                #expect(billed(.work, month.month) == 0)
                #expect(
                    invoices.flatMap(\.lines).filter { $0.kind == .retainerFee && $0.month == month.month }.count == 1)
                #expect(retainer.usedMinutes - retainer.overageMinutes <= retainer.availableMinutes)
            } else {
                #expect(billed(.work, month.month) == month.inHoursMinutes)
            }
            #expect(billed(.outOfHours, month.month) == month.outOfHoursMinutes)
            #expect(billed(.travel, month.month) == month.travelMinutes)
            #expect(
                invoices.flatMap(\.lines).filter { $0.kind == .expense && $0.month == month.month }
                    .reduce(0) { $0 + $1.amount } == month.expenses)
            let usageInvoices = invoices.filter { invoice in
                invoice.lines.contains { $0.month == month.month && $0.kind != .retainerFee }
            }
            #expect(usageInvoices.count <= 1)
        }
        // Nothing is billed twice in total either: the sum of every line's minutes is the sum of the months'.
        let billedMinutes = invoices.flatMap(\.lines).reduce(0) { total, line in
            if case .minutes(let minutes) = line.quantity { return total + minutes }
            return total
        }
        let expected = figures.months.reduce(0) { total, month in
            total + month.outOfHoursMinutes + month.travelMinutes
                + (month.retainer?.overageMinutes ?? month.inHoursMinutes)
        }
        #expect(billedMinutes == expected)
    }
}
