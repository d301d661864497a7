import Testing

@testable import DocketCore

/// The next invoice number: the highest number's prefix and digit width, plus one.
@Suite("Invoice numbering")
struct InvoiceNumberingTests {
    @Test(
        "the next number keeps the highest number's prefix and width, and grows when the digits run out",
        arguments: [
            (["INV-2026-037", "INV-2026-038"], "INV-2026-039"),
            (["INV-0009"], "INV-0010"),
            ([], "INV-0001"),
            (["INV-0999", "INV-0998"], "INV-1000"),
            (["INV-9999"], "INV-10000"),
            (["7"], "8"),
            (["2026-099"], "2026-100"),
        ])
    func next(numbers: [String], expected: String) {
        #expect(InvoiceNumbering.next(after: numbers) == expected)
    }

    @Test(
        "highest is natural order: text by its characters, digits by their value, whatever the order given",
        arguments: [
            (["INV-2026-001", "INV-2025-120"], "INV-2026-002"),  // the year's run decides before the count
            (["INV-1000", "INV-999"], "INV-1001"),  // 1000 is after 999 although "9" > "1"
            (["A-7", "B-2"], "B-3"),  // another prefix: compared as text
            (["INV-10-2", "INV-9-5"], "INV-10-3"),  // 10 after 9 in the middle too
        ])
    func naturalOrder(numbers: [String], expected: String) {
        #expect(InvoiceNumbering.next(after: numbers) == expected)
    }

    @Test("numbers with the same value are ordered by their text, so the order is total")
    func sameValue() {
        // "INV-0042" and "INV-42" have the same runs' values; their texts decide: "0" (48) before "4" (52).
        #expect(InvoiceNumbering.precedes("INV-0042", "INV-42"))
        #expect(!InvoiceNumbering.precedes("INV-42", "INV-0042"))
        #expect(InvoiceNumbering.next(after: ["INV-0042", "INV-42"]) == "INV-43")
        #expect(!InvoiceNumbering.precedes("INV-7", "INV-7"))
    }

    @Test("numbers that do not end in digits are passed over; with none to continue the sequence starts at INV-0001")
    func withoutDigits() {
        #expect(InvoiceNumbering.next(after: ["SETUP-FEE", "INV-0003", "INV-0004a"]) == "INV-0004")
        #expect(InvoiceNumbering.next(after: ["SETUP-FEE", "DEPOSIT"]) == "INV-0001")
    }

    @Test("a next number longer than 64 characters is refused; one of exactly 64 is fine")
    func tooLong() {
        let prefix = String(repeating: "A", count: 60)
        #expect(InvoiceNumbering.next(after: [prefix + "9998"]) == prefix + "9999")
        #expect(InvoiceNumbering.next(after: [prefix + "9999"]) == nil)
    }

    @Test(
        "digits are continued exactly however many there are",
        arguments: [
            ("0", "1"), ("9", "10"), ("0999", "1000"), ("12345678901234567890", "12345678901234567891"),
            ("99999999999999999999", "100000000000000000000"),
        ])
    func increment(digits: String, expected: String) {
        #expect(InvoiceNumbering.increment(digits) == expected)
    }
}
