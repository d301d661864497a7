import Foundation

/// A JSON value, written by Docket itself so that numbers are exact: money and minutes are integers, and
/// decimal quantities are written from their exact decimal text (never through floating point).
public indirect enum JSONValue: Sendable, Equatable {
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
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(into: &output, indent: indent)
        return String(decoding: output, as: UTF8.self)
    }

    /// The value as a UTF-8 JSON document ending in a newline.
    public func serializedData() -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(32 * 1024)
        write(into: &output, indent: 0)
        output.append(10)
        return Data(output)
    }

    /// Appends the value as JSON text, two spaces per level, to a byte buffer (byte by byte: no array or
    /// string is made for a separator, a number or `null`).
    func write(into output: inout [UInt8], indent: Int) {
        func newline(_ level: Int) {
            output.append(10)
            output.append(contentsOf: repeatElement(32, count: level * 2))
        }
        // An object's or array's items, one per line, between its brackets (`{}` / `[]` when empty).
        func container<Items: Collection>(_ items: Items, _ open: UInt8, _ close: UInt8,
                                          _ item: (Items.Element, inout [UInt8]) -> Void) {
            output.append(open)
            guard !items.isEmpty else {
                output.append(close)
                return
            }
            var first = true
            for element in items {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                newline(indent + 1)
                item(element, &output)
            }
            newline(indent)
            output.append(close)
        }
        switch self {
        case .object(let pairs):
            container(pairs, UInt8(ascii: "{"), UInt8(ascii: "}")) { pair, output in
                JSONValue.quote(pair.0, into: &output)
                output.append(UInt8(ascii: ":"))
                output.append(32)
                pair.1.write(into: &output, indent: indent + 1)
            }
        case .array(let values):
            container(values, UInt8(ascii: "["), UInt8(ascii: "]")) { value, output in
                value.write(into: &output, indent: indent + 1)
            }
        case .string(let text): JSONValue.quote(text, into: &output)
        case .int(let value): JSONValue.appendDecimal(value, into: &output)
        case .decimal(let text): output.append(contentsOf: text.utf8)
        case .null:
            for byte in "null".utf8 { output.append(byte) }
        }
    }

    /// Appends a whole number in decimal, digit by digit.
    static func appendDecimal(_ number: Int, into output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        forEachDecimalDigit(of: number.magnitude) { output.append($0) }
    }

    /// A JSON string literal. `<`, `>` and `&` are escaped too, so the text is safe inside HTML as well.
    static func quote(_ text: String) -> String {
        var output: [UInt8] = []
        quote(text, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends a JSON string literal to a byte buffer.
    static func quote(_ text: String, into output: inout [UInt8]) {
        func escape(_ value: UInt32, into output: inout [UInt8]) {
            output.append(UInt8(ascii: "\\"))
            output.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8((value >> UInt32(shift)) & 0xF)
                output.append(digit < 10 ? 48 + digit : 87 + digit)
            }
        }
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0  // the first byte not yet copied: bytes that need no escape are copied in runs
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
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
                if index > start { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                if replacement != 0 {
                    output.append(UInt8(ascii: "\\"))
                    output.append(replacement)
                } else if length == 3 {
                    escape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, into: &output)
                } else {
                    escape(UInt32(byte), into: &output)
                }
                index += length
                start = index
            }
            if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
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
