/// The next invoice number of the business: the highest number's prefix and digit width, plus one.
///
/// Only numbers that end in digits take part (`INV-2026-038`, `0041`); a number with no digits at its end
/// (`SETUP-FEE`, `INV-12a`) cannot be continued and is passed over. "Highest" is natural order: numbers are
/// compared as runs of text and runs of digits, text by its characters and digits by their value, so
/// `INV-2026-001` is after `INV-2025-120` and `INV-1000` after `INV-999`. With no number to continue, the
/// sequence starts at `INV-0001`.
enum InvoiceNumbering {
    /// The number a business with no invoices starts with.
    static let first = "INV-0001"

    /// The number after the highest of `numbers`, keeping its prefix and its digit width (the width grows
    /// when the digits run out: `INV-0999` → `INV-1000`, `INV-9999` → `INV-10000`). Nil when that number
    /// would not be a valid invoice number (longer than 64 characters).
    static func next(after numbers: [String]) -> String? {
        let continuable = numbers.filter { $0.last?.isASCIIDigit == true }
        guard let highest = continuable.max(by: precedes) else { return first }
        let digits = highest.reversed().prefix { $0.isASCIIDigit }.count
        let prefix = highest.dropLast(digits)
        let next = String(prefix) + increment(String(highest.suffix(digits)))
        return InvoiceRecord.isValidNumber(next) ? next : nil
    }

    /// Whether `a` comes before `b` in natural order: runs of digits compared by value, runs of other
    /// characters by their Unicode scalars, a run of digits before a run of text. Numbers with the same runs
    /// (`INV-09`, `INV-009`) are ordered by their text, so the order is total.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let x = runs(a)
        let y = runs(b)
        for (left, right) in zip(x, y) {
            switch (left.isDigits, right.isDigits) {
            case (true, true):
                let l = left.text.drop { $0 == "0" }
                let r = right.text.drop { $0 == "0" }
                if l.count != r.count { return l.count < r.count }
                if l != r { return l.unicodeScalars.lexicographicallyPrecedes(r.unicodeScalars) }
            case (false, false):
                if left.text != right.text {
                    return left.text.unicodeScalars.lexicographicallyPrecedes(right.text.unicodeScalars)
                }
            case (true, false): return true
            case (false, true): return false
            }
        }
        if x.count != y.count { return x.count < y.count }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// A number split into runs of ASCII digits and runs of anything else.
    private static func runs(_ text: String) -> [(text: Substring, isDigits: Bool)] {
        var result: [(text: Substring, isDigits: Bool)] = []
        var start = text.startIndex
        while start < text.endIndex {
            let isDigits = text[start].isASCIIDigit
            let end = text[start...].firstIndex { $0.isASCIIDigit != isDigits } ?? text.endIndex
            result.append((text[start..<end], isDigits))
            start = end
        }
        return result
    }

    /// A string of decimal digits plus one, as digits of at least the same width (`0999` → `1000`,
    /// `99` → `100`). Done on the text, so a number of any length is continued exactly.
    static func increment(_ digits: String) -> String {
        var bytes = Array(digits.utf8)
        var index = bytes.count - 1
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "9") {
                bytes[index] = UInt8(ascii: "0")
                index -= 1
            } else {
                bytes[index] += 1
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        return "1" + String(decoding: bytes, as: UTF8.self)
    }
}
