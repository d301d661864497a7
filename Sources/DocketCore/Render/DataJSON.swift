import DocketTemplates
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

/// Writes JSON straight into bytes, in `JSONValue`'s layout (two spaces per level, one item per line), with
/// no tree of values in between: for `data.json`, the largest file of a portal.
struct JSONWriter {
    /// Where the text goes (not retained at every call: whoever makes the writer keeps the buffer alive
    /// while it writes).
    unowned(unsafe) let output: ByteBuffer
    /// How many containers are open.
    private var depth = 0
    /// Whether the innermost open container has no item yet.
    private var empty = true

    init(output: ByteBuffer) {
        self.output = output
    }

    /// Opens an object (`{`) or an array (`[`).
    mutating func begin(_ bracket: UInt8) {
        output.append(bracket)
        depth += 1
        empty = true
    }

    /// Closes the innermost container with `}` or `]` (on its own line unless the container is empty).
    mutating func end(_ bracket: UInt8) {
        depth -= 1
        if !empty { newline() }
        output.append(bracket)
        empty = false
    }

    /// Starts the next item of the innermost container: a comma after the one before, a new line.
    mutating func next() {
        if !empty { output.append(UInt8(ascii: ",")) }
        empty = false
        newline()
    }

    /// Starts the next member of the innermost object: its key (plain ASCII, needing no escape) and `: `,
    /// after a comma, a new line and the indentation, written in one go.
    mutating func key(_ name: StaticString) {
        guard name.hasPointerRepresentation else {
            // A one-character literal is kept as a scalar, not as bytes.
            next()
            JSONValue.quote(name.description, into: output)
            output.append(UInt8(ascii: ":"))
            output.append(32)
            return
        }
        let comma = !empty
        empty = false
        let indent = depth * 2
        let length = name.utf8CodeUnitCount
        let start = name.utf8Start
        output.appendInPlace(maximum: indent + length + 6) { bytes in
            var at = 0
            if comma {
                bytes[0] = UInt8(ascii: ",")
                at = 1
            }
            bytes[at] = 10
            (bytes + at + 1).initialize(repeating: 32, count: indent)
            at += 1 + indent
            bytes[at] = UInt8(ascii: "\"")
            (bytes + at + 1).initialize(from: start, count: length)
            at += 1 + length
            bytes[at] = UInt8(ascii: "\"")
            bytes[at + 1] = UInt8(ascii: ":")
            bytes[at + 2] = 32
            return at + 3
        }
    }

    /// A string value, escaped.
    func string(_ text: String) { JSONValue.quote(text, into: output) }
    /// A whole number.
    func int(_ value: Int) { JSONValue.appendDecimal(value, into: output) }
    /// A decimal number written exactly as this text.
    func decimal(_ text: String) { output.append(text) }
    /// `null`.
    func null() { output.append("null") }

    private func newline() {
        output.append(10)
        output.append(32, count: depth * 2)
    }
}

/// `public/<token>/data.json`: the portal's figures for machines, in the shape of the format contract.
public enum DataJSON {
    /// The document for one client as UTF-8 text ending in a newline, in `JSONValue`'s layout, written
    /// directly (a test holds it to the same document built as a `JSONValue` tree). Every amount is in the
    /// client's currency, which `currency` names.
    public static func data(_ computed: ComputedClient) -> Data {
        let client = computed.client
        let output = ByteBuffer(capacity: 64 * 1024)
        defer { withExtendedLifetime(output) {} }
        var json = JSONWriter(output: output)
        json.begin(UInt8(ascii: "{"))
        json.key("client")
        json.begin(UInt8(ascii: "{"))
        json.key("slug")
        json.string(client.slug)
        json.key("name")
        json.string(client.name)
        json.end(UInt8(ascii: "}"))
        json.key("currency")
        json.string(client.currency.code)
        json.key("months")
        json.begin(UInt8(ascii: "["))
        for figures in computed.figures.months {
            json.next()
            month(figures, into: &json)
        }
        json.end(UInt8(ascii: "]"))
        json.key("invoices")
        json.begin(UInt8(ascii: "["))
        for invoice in computed.publishedInvoices {
            json.next()
            Self.invoice(invoice, into: &json)
        }
        json.end(UInt8(ascii: "]"))
        json.end(UInt8(ascii: "}"))
        output.append(10)
        return output.takeData()
    }

    static func month(_ figures: MonthFigures, into json: inout JSONWriter) {
        json.begin(UInt8(ascii: "{"))
        json.key("month")
        json.string(figures.month.description)
        json.key("logged_minutes")
        json.int(figures.loggedMinutes)
        json.key("unbilled_minutes")
        json.int(figures.unbilledMinutes)
        json.key("billable_minutes")
        json.int(figures.billableMinutes)
        json.key("out_of_hours_minutes")
        json.int(figures.outOfHoursMinutes)
        json.key("travel_minutes")
        json.int(figures.travelMinutes)
        json.key("distance")
        json.decimal(figures.distance.formatted(decimals: 1))
        json.key("expenses")
        json.int(figures.expenses)
        json.key("retainer")
        if let position = figures.retainer {
            json.begin(UInt8(ascii: "{"))
            json.key("included_minutes")
            json.int(position.includedMinutes)
            json.key("rollover_in_minutes")
            json.int(position.rolloverInMinutes)
            json.key("available_minutes")
            json.int(position.availableMinutes)
            json.key("used_minutes")
            json.int(position.usedMinutes)
            json.key("remaining_minutes")
            json.int(position.remainingMinutes)
            json.key("overage_minutes")
            json.int(position.overageMinutes)
            json.end(UInt8(ascii: "}"))
        } else {
            json.null()
        }
        json.end(UInt8(ascii: "}"))
    }

    static func invoice(_ invoice: Invoice, into json: inout JSONWriter) {
        json.begin(UInt8(ascii: "{"))
        json.key("number")
        json.string(invoice.number)
        json.key("issued")
        json.string(invoice.record.issued.description)
        json.key("due")
        json.string(invoice.due.description)
        json.key("period")
        if let period = invoice.record.period { json.string(period.description) } else { json.null() }
        json.key("status")
        json.string(invoice.status.rawValue)
        json.key("lines")
        json.begin(UInt8(ascii: "["))
        for line in invoice.lines {
            json.next()
            json.begin(UInt8(ascii: "{"))
            json.key("description")
            json.string(line.description)
            json.key("quantity")
            json.decimal(trimmed(line.quantityText, keepOneDecimal: line.unit == "mi" || line.unit == "km"))
            json.key("unit")
            json.string(line.unit)
            json.key("unit_price")
            json.int(line.unitPrice)
            json.key("amount")
            json.int(line.amount)
            json.end(UInt8(ascii: "}"))
        }
        json.end(UInt8(ascii: "]"))
        json.key("subtotal")
        json.int(invoice.subtotal)
        json.key("vat_treatment")
        json.string(vatTreatmentName(invoice.vatTreatment))
        json.key("vat")
        json.int(invoice.vat)
        json.key("total")
        json.int(invoice.total)
        json.key("paid")
        json.int(invoice.paid)
        json.key("balance")
        json.int(invoice.balance)
        json.end(UInt8(ascii: "}"))
    }

    /// An invoice's `vat_treatment`: client.md's `vat` word, or `none` when the business is not VAT registered.
    static func vatTreatmentName(_ treatment: VATTreatment?) -> String {
        treatment?.rawValue ?? "none"
    }

    /// `12.50` → `12.5`, `1.00` → `1`; distances keep one decimal (`46.0`).
    static func trimmed(_ text: String, keepOneDecimal: Bool) -> String {
        // Bytes, not Foundation's `contains(_:)` on strings (a search with locale rules for one ASCII byte).
        guard !keepOneDecimal, text.utf8.contains(UInt8(ascii: ".")) else { return text }
        var bytes = Array(text.utf8)
        while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
