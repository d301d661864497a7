import DocketTemplates
import Foundation

/// `public/<token>/data.json`: the portal's figures for machines, in the shape of the format contract.
enum DataJSON {
    /// The document for one client as UTF-8 text, indented by two spaces per level and ending in a newline
    /// (a test holds it to the same document built as a tree of JSON values). Every amount is in the
    /// client's currency, which `currency` names.
    static func data(_ computed: ComputedClient) -> Data {
        let output = JSONWriter.write(.indented, capacity: 64 * 1024) { json in document(computed, into: &json) }
        output.append(10)
        return output.takeData()
    }

    private static func document(_ computed: ComputedClient, into json: inout JSONWriter) {
        let client = computed.client
        json.beginObject()
        json.key("client")
        json.beginObject()
        json.key("slug")
        json.string(client.slug)
        json.key("name")
        json.string(client.name)
        json.endObject()
        json.key("currency")
        json.string(client.currency.code)
        json.key("months")
        json.beginArray()
        for figures in computed.figures.months {
            month(figures, into: &json)
        }
        json.endArray()
        json.key("invoices")
        json.beginArray()
        for invoice in computed.publishedInvoices {
            Self.invoice(invoice, into: &json)
        }
        json.endArray()
        json.endObject()
    }

    private static func month(_ figures: MonthFigures, into json: inout JSONWriter) {
        json.beginObject()
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
            json.beginObject()
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
            json.endObject()
        } else {
            json.null()
        }
        json.endObject()
    }

    private static func invoice(_ invoice: Invoice, into json: inout JSONWriter) {
        json.beginObject()
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
        json.beginArray()
        for line in invoice.lines {
            json.beginObject()
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
            json.endObject()
        }
        json.endArray()
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
        json.endObject()
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
