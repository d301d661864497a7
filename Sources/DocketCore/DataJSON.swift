import Foundation

/// A JSON value, written by Docket itself so that numbers are exact: money and minutes are integers, and
/// decimal quantities are written from their exact decimal text (never through floating point).
///
/// Not `indirect`: objects and arrays already hold their items in arrays, so a number or a string needs no
/// box of its own (boxing every value cost an allocation and a release per number of `data.json`).
public enum JSONValue: Sendable, Equatable {
    /// An object with keys in the order given.
    case object([(String, JSONValue)])
    /// An array.
    case array([JSONValue])
    /// A string (escaped when written).
    case string(String)
    /// An integer.
    case int(Int)
    /// A decimal number written exactly as this text (`12.5`, `46.0`).
    case decimal(String)
    /// `null`.
    case null

    /// Compares values (objects compare keys in order).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// The value as JSON text, indented by two spaces per level, with a final newline at the top level.
    public func serialized(indent: Int = 0) -> String {
        let output = ByteBuffer(capacity: 4096)
        write(into: output, indent: indent)
        return String(decoding: UnsafeBufferPointer(start: output.baseAddress, count: output.count), as: UTF8.self)
    }

    /// The value as a UTF-8 JSON document ending in a newline.
    public func serializedData() -> Data {
        let output = ByteBuffer(capacity: 64 * 1024)
        write(into: output, indent: 0)
        output.append(10)
        return output.takeData()
    }

    /// Appends the value as JSON text, two spaces per level, to a byte buffer (byte by byte: no array or
    /// string is made for a separator, a number or `null`).
    func write(into output: ByteBuffer, indent: Int) {
        switch self {
        case .object(let pairs):
            output.append(UInt8(ascii: "{"))
            guard !pairs.isEmpty else {
                output.append(UInt8(ascii: "}"))
                return
            }
            var first = true
            for pair in pairs {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                Self.newline(indent + 1, into: output)
                Self.quote(pair.0, into: output)
                output.append(UInt8(ascii: ":"))
                output.append(32)
                pair.1.write(into: output, indent: indent + 1)
            }
            Self.newline(indent, into: output)
            output.append(UInt8(ascii: "}"))
        case .array(let values):
            output.append(UInt8(ascii: "["))
            guard !values.isEmpty else {
                output.append(UInt8(ascii: "]"))
                return
            }
            var first = true
            for value in values {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                Self.newline(indent + 1, into: output)
                value.write(into: output, indent: indent + 1)
            }
            Self.newline(indent, into: output)
            output.append(UInt8(ascii: "]"))
        case .string(let text): Self.quote(text, into: output)
        case .int(let value): Self.appendDecimal(value, into: output)
        case .decimal(let text): output.append(text)
        case .null: output.append("null")
        }
    }

    /// A line break and two spaces per level.
    private static func newline(_ level: Int, into output: ByteBuffer) {
        output.append(10)
        output.append(32, count: level * 2)
    }

    /// Appends a whole number in decimal, digit by digit.
    static func appendDecimal(_ number: Int, into output: ByteBuffer) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        forEachDecimalDigit(of: number.magnitude) { output.append($0) }
    }

    /// A JSON string literal. `<`, `>` and `&` are escaped too, so the text is safe inside HTML as well.
    static func quote(_ text: String) -> String {
        let output = ByteBuffer(capacity: 64)
        quote(text, into: output)
        return String(decoding: UnsafeBufferPointer(start: output.baseAddress, count: output.count), as: UTF8.self)
    }

    /// Appends a JSON string literal to a byte buffer.
    static func quote(_ text: String, into output: ByteBuffer) {
        func escape(_ value: UInt32) {
            output.append(UInt8(ascii: "\\"))
            output.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8((value >> UInt32(shift)) & 0xF)
                output.append(digit < 10 ? 48 + digit : 87 + digit)
            }
        }
        output.append(UInt8(ascii: "\""))
        text.withUTF8Bytes { bytes in
            var start = 0  // the first byte not yet copied: bytes that need no escape are copied in runs
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Bytes from `?` up need no escape except the backslash and the first byte of U+2028 and U+2029.
                if byte >= UInt8(ascii: "?") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                    index += 1
                    continue
                }
                let replacement: UInt8?  // the letter after a backslash, or 0 for a \u escape
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
                case 10: replacement = UInt8(ascii: "n")
                case 13: replacement = UInt8(ascii: "r")
                case 9: replacement = UInt8(ascii: "t")
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20: replacement = 0
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript.
                    replacement = 0
                    length = 3
                default: replacement = nil
                }
                guard let replacement else {
                    index += 1
                    continue
                }
                if index > start { output.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                if replacement != 0 {
                    output.append(UInt8(ascii: "\\"))
                    output.append(replacement)
                } else if length == 3 {
                    escape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                } else {
                    escape(UInt32(byte))
                }
                index += length
                start = index
            }
            if start < bytes.count { output.append(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// `public/<token>/data.json`: the portal's figures for machines, in the shape of the format contract.
public enum DataJSON {
    /// The document for one client.
    public static func document(_ computed: ComputedClient, business: Business) -> JSONValue {
        let client = computed.client
        return .object([
            ("client", .object([("slug", .string(client.slug)), ("name", .string(client.name))])),
            ("currency", .string(business.currency.code)),
            ("months", .array(computed.figures.months.map(month))),
            ("invoices", .array(computed.publishedInvoices.map(invoice))),
        ])
    }

    static func month(_ figures: MonthFigures) -> JSONValue {
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

    static func invoice(_ invoice: Invoice) -> JSONValue {
        .object([
            ("number", .string(invoice.number)),
            ("issued", .string(invoice.record.issued.description)),
            ("due", .string(invoice.due.description)),
            ("period", invoice.record.period.map { .string($0.description) } ?? .null),
            ("status", .string(invoice.status.rawValue)),
            ("lines", .array(invoice.lines.map { line in
                .object([
                    ("description", .string(line.description)),
                    ("quantity", .decimal(trimmed(line.quantityText, keepOneDecimal: line.unit == "mi" || line.unit == "km"))),
                    ("unit", .string(line.unit)),
                    ("unit_price", .int(line.unitPrice)),
                    ("amount", .int(line.amount)),
                ])
            })),
            ("subtotal", .int(invoice.subtotal)),
            ("vat", .int(invoice.vat)),
            ("total", .int(invoice.total)),
            ("paid", .int(invoice.paid)),
            ("balance", .int(invoice.balance)),
        ])
    }

    /// `12.50` → `12.5`, `1.00` → `1`; distances keep one decimal (`46.0`).
    static func trimmed(_ text: String, keepOneDecimal: Bool) -> String {
        guard text.contains("."), !keepOneDecimal else { return text }
        var result = text
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return result
    }
}
