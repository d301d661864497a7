import Foundation
import Testing

@testable import DocketCore

/// Every invoice line checks out with a calculator: quantity shown × unit price, rounded half up, is the
/// amount shown. The products below are worked out by hand; the property test multiplies the printed
/// decimal by integer arithmetic of its own.
@Suite("Quantities that check out")
struct CheckableQuantityTests {
    /// The printed quantity × the unit price, rounded half up, by integer arithmetic on the text.
    static func product(_ text: String, _ unitPrice: MinorUnits) -> MinorUnits {
        let decimal = FixedDecimal.parse(text)!
        var scale = 1
        for _ in 0..<decimal.scale { scale *= 10 }
        let twice = 2 * decimal.digits * unitPrice
        return (twice + scale) / (2 * scale)
    }

    static func line(_ quantity: InvoiceLine.Quantity, _ unitPrice: MinorUnits, _ amount: MinorUnits) -> InvoiceLine {
        InvoiceLine(kind: .work, description: "x", quantity: quantity, unitPrice: unitPrice, amount: amount)
    }

    @Test("9h 22m at £28.00 is £262.27: shown as 9.3667 h, since 9.37 × 28 = 262.36 and 9.367 × 28 = 262.276")
    func oneMinuteIncrement() {
        // 562 × 2800 / 60 = 26,226.67 → 26,227.
        let amount = InvoiceCalculator.amount(minutes: 562, hourlyRate: 2800)
        #expect(amount == 26_227)
        #expect(Self.line(.minutes(562), 2800, amount).quantityText == "9.3667")
        // Hours that are a short decimal keep two decimals: 16h 15m at £30.00 = £487.50.
        #expect(Self.line(.minutes(975), 3000, 48_750).quantityText == "16.25")
    }

    @Test("10.25 mi at £0.45 is £4.61: shown as 10.25, not 10.3 (10.3 × 0.45 = 4.635)")
    func mileage() {
        #expect(Self.line(.distance(Rational(1025, 100), .mi), 45, 461).quantityText == "10.25")
        #expect(Self.line(.distance(Rational(46), .mi), 45, 2070).quantityText == "46.0")
    }

    @Test("46 mi billed per km: 74.029824 km × £0.25 = £18.507456 → £18.51, shown as 74.03 km")
    func kilometreConversion() {
        let distance = Distance(thousandths: 46_000, unit: .mi).exact(in: .km)
        #expect(distance == Rational(74_029_824, 1_000_000))
        let amount = (distance * Rational(25)).roundedHalfUp()
        #expect(amount == 1851)
        // 74.0 × 25 = 1,850 and 74.1 × 25 = 1,852.5: one decimal is not enough.
        #expect(Self.line(.distance(distance, .km), 25, amount).quantityText == "74.03")
    }

    @Test(
        "43 minutes at HUF 20,000.00 an hour is HUF 14,333.33: 0.716667 × 2,000,000 gives 14,333.34, so 0.7166667 is printed"
    )
    func largeRate() {
        // 43 × 2,000,000 / 60 = 1,433,333.33 → 1,433,333; 0.716667 × 2,000,000 = 1,433,334; 0.7166667 × 2,000,000 = 1,433,333.4.
        #expect(InvoiceCalculator.amount(minutes: 43, hourlyRate: 2_000_000) == 1_433_333)
        #expect(Self.line(.minutes(43), 2_000_000, 1_433_333).quantityText == "0.7166667")
    }

    @Test(
        "a product exactly on a half: 2 minutes at £0.15 an hour is 0.5p → 1p; every nearest decimal 0.03…3 falls short, so the decimal just above at two places, 0.04 (× 15 = 0.6 → 1)"
    )
    func halfBoundary() {
        #expect(InvoiceCalculator.amount(minutes: 2, hourlyRate: 15) == 1)
        #expect(Self.line(.minutes(2), 15, 1).quantityText == "0.04")
    }

    @Test(
        "for every minute count up to 10 hours and a spread of rates (HUF 20,000.00 an hour is 2,000,000 minor units), the printed hours give the amount",
        arguments: [15, 999, 2703, 2800, 3000, 3333, 4500, 12_345, 99_999, 150_009, 2_000_000])
    func everyMinute(rate: MinorUnits) {
        for minutes in 1...600 {
            let amount = InvoiceCalculator.amount(minutes: minutes, hourlyRate: rate)
            let text = Self.line(.minutes(minutes), rate, amount).quantityText
            #expect(Self.product(text, rate) == amount, "\(minutes) min at \(rate): \(text)")
        }
    }

    @Test("in data.json, every line of a 1-minute-increment invoice and a kilometre-converted mileage line checks out")
    func dataJSONLines() throws {
        let sheet = """
            ## 2026-11-02
            - 09:00-10:07 Inbox
            - 1h 13m Diary
            - travel 37m Drive
            - mileage 46mi Round trip
            ## 2026-11-03
            - 13:11-17:50 Board pack
            - mileage 12.345km Post office
            """
        let (result, diagnostics) = FiguresOverTimeTests.compute(
            client: "rate: 28.00\ntravel_rate: 17.35\nmileage_rate: 0.27\ndistance_unit: km\n",
            terms: [FiguresOverTimeTests.agreed(1, "2026-09-01")], sheets: [("2026-11", sheet)],
            invoices: [FiguresOverTimeTests.invoice(1, period: "2026-11", issued: "2026-12-01")], today: "2026-12-05")
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let computed = try #require(result)
        let invoice = try #require(computed.invoices.first)
        // Work 67 + 73 + 279 = 419 minutes × £28 / 60 = £195.5333 → £195.53; travel 37 × £17.35 / 60 = £10.699 → £10.70;
        // mileage 74.029824 + 12.345 = 86.374824 km × £0.27 = £23.3212 → £23.32.
        #expect(invoice.lines.map(\.amount) == [19_553, 1_070, 2_332])
        let json = String(decoding: DataJSON.data(computed), as: UTF8.self)
        let lines = json.split(separator: "\n").filter { $0.contains("\"quantity\"") }
        #expect(lines.count == 3)
        for (line, expected) in zip(invoice.lines, lines) {
            let text = expected.split(separator: ":")[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: ","))
            #expect(Self.product(text, line.unitPrice) == line.amount, "\(line.description): \(text)")
        }
    }
}
