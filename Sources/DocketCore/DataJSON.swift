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
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            let body = pairs.map { "\(inner)\(JSONValue.quote($0.0)): \($0.1.serialized(indent: indent + 1))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(pad)}"
        case .array(let values):
            if values.isEmpty { return "[]" }
            let body = values.map { inner + $0.serialized(indent: indent + 1) }
            return "[\n" + body.joined(separator: ",\n") + "\n\(pad)]"
        case .string(let text): return JSONValue.quote(text)
        case .int(let value): return String(value)
        case .decimal(let text): return text
        case .null: return "null"
        }
    }

    /// A JSON string literal. `<`, `>` and `&` are escaped too, so the text is safe inside HTML as well.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                result += "\\u" + pad(hex: Int(scalar.value))
            default:
                if scalar.value < 0x20 {
                    result += "\\u" + pad(hex: Int(scalar.value))
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func pad(hex value: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
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
