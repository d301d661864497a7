import Foundation

/// An invoice as the VA wrote it (`invoices/<number>.md`), before any figure is computed.
struct InvoiceRecord: Sendable {
    /// The invoice number, unique across the business.
    var number: String
    /// The issue date.
    var issued: CalendarDate
    /// The month it bills (nil: extra lines only).
    var period: YearMonth?
    /// The date of supply for an invoice with no period (default: the issue date).
    var supplied: CalendarDate?
    /// The due date as written (nil: issued + payment terms).
    var due: CalendarDate?
    /// Draft, sent or void, as written.
    var status: InvoiceRecordStatus
    /// The client's purchase order reference.
    var po: String?
    /// Payments received.
    var payments: [Payment]
    /// Extra lines as written.
    var extraLines: [ExtraLine]
    /// The note printed on the invoice, rendered by cmark in safe mode ("" when none).
    var noteHTML: String
    /// The file, relative to the site.
    var path: String
    /// The line of the `number` field, for messages about the number.
    var numberLine: Int
    /// The total as sent (`total:`), which seals a sent invoice; nil when not written.
    var sealed: SealedTotal? = nil
}

/// The status of an invoice as written. `paid` and `overdue` are derived, never written.
enum InvoiceRecordStatus: String, Sendable, CaseIterable {
    /// Not yet sent: never published.
    case draft
    /// Sent to the client.
    case sent
    /// Cancelled: never published; its number stays used.
    case void
}

extension InvoiceRecordStatus {
    /// What to write instead of a status people use but Docket works out (`paid`, `overdue`) or names
    /// otherwise (`cancelled`, `unpaid`); nil for any other text.
    static func advice(for written: String) -> String? {
        switch written.trimmingWhitespace().lowercased() {
        case "paid", "part paid", "part-paid", "partly paid", "partially paid":
            return
                "a paid invoice stays `status: sent`: record each payment under `payments:` with the day it arrived and the amount, like `- { date: 2026-12-10, amount: 400.00 }`, and Docket shows the invoice as paid once its payments cover the total"
        case "overdue", "late":
            return
                "an overdue invoice stays `status: sent`: Docket shows it as overdue once its due date has passed with money still owed"
        case "unpaid", "outstanding", "issued":
            return "an invoice sent and not yet paid is `status: sent`: write `status: sent`"
        case "cancelled", "canceled":
            return "a cancelled invoice is `status: void`: write `status: void` (its number stays used)"
        default:
            return nil
        }
    }
}

/// A payment received against an invoice.
struct Payment: Sendable, Equatable {
    /// The date it arrived.
    var date: CalendarDate
    /// The amount, in minor units.
    var amount: MinorUnits
}

/// A line written on the invoice by hand (`lines:`).
struct ExtraLine: Sendable, Equatable {
    /// What it is for.
    var description: String
    /// The amount in minor units; negative for a discount or credit.
    var amount: MinorUnits
}

extension InvoiceRecord {
    /// Whether an invoice number is safe as a file and page name: letters, digits, `-`, `_`, `.`.
    static func isValidNumber(_ number: String) -> Bool {
        (1...64).contains(number.count) && !number.hasPrefix(".")
            && number.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || $0 == "-" || $0 == "_" || $0 == "."
            }
    }

    /// Parses an invoice record.
    static func parse(_ file: SourceFile, currency: Currency, diagnostics: inout Diagnostics) -> InvoiceRecord? {
        let frontMatter = FrontMatter.split(file, diagnostics: &diagnostics)
        let fields = FieldReader.parse(frontMatter, path: file.path)
        defer { diagnostics.append(contentsOf: fields.diagnostics) }
        var number = fields.string("number", required: true)
        if let written = number, !isValidNumber(written) {
            fields.error(
                field: "number",
                "`number` must be 1–64 letters, digits, `-`, `_` or `.` (it names the invoice's page), found `\(written)`"
            )
            number = nil
        }
        let numberLine = fields.node("number").map { fields.position(of: $0).0 } ?? 1
        let issued = fields.date("issued", required: true)
        let period = fields.month("period")
        let supplied = fields.date("supplied")
        let due = fields.date("due")
        let status: InvoiceRecordStatus
        var statusUnread = false
        if let node = fields.node("status"), let written = node.scalar?.string,
            let advice = InvoiceRecordStatus.advice(for: written)
        {
            fields.error(at: node, advice)
            status = .draft
            statusUnread = true
        } else {
            status = fields.choice("status", InvoiceRecordStatus.self) ?? .draft
        }
        if !fields.has("status") {
            fields.warning(
                field: "status",
                "no `status`: the invoice is treated as a draft and not published; expected `status: sent` once it is sent"
            )
        }
        let po = fields.string("po")
        var payments: [Payment] = []
        for group in fields.groups("payments") {
            let date = group.date("date", required: true)
            let amount = group.money("amount", currency: currency, required: true)
            if amount == 0 { group.error(field: "amount", "a payment of zero; expected the amount received") }
            group.finish()
            fields.adopt(group)
            if let date, let amount, amount > 0 { payments.append(Payment(date: date, amount: amount)) }
        }
        var lines: [ExtraLine] = []
        for group in fields.groups("lines") {
            let description = group.string("description", required: true)
            let amount = signedMoney(group, "amount", currency: currency)
            group.finish()
            fields.adopt(group)
            if let description, let amount { lines.append(ExtraLine(description: description, amount: amount)) }
        }
        let sealed = InvoiceSeal.read(fields, file: file, currency: currency)
        if sealed != nil, status == .draft, !statusUnread {
            fields.warning(
                field: "total", "a draft has no total as sent; it is ignored (`docket invoice --send` writes it)")
        }
        if let issued, let due, due < issued {
            fields.error(field: "due", "the due date \(due) is before the issue date \(issued)")
        }
        fields.finish()
        guard let number, let issued, !fields.diagnostics.hasErrors else { return nil }
        return InvoiceRecord(
            number: number, issued: issued, period: period, supplied: supplied, due: due,
            status: status, po: po, payments: payments, extraLines: lines,
            noteHTML: Markdown.html(frontMatter.body), path: file.path, numberLine: numberLine,
            sealed: status == .draft ? nil : sealed)
    }

    /// An amount that may be negative (a discount), like `-20.00`.
    private static func signedMoney(_ fields: FieldReader, _ key: String, currency: Currency) -> MinorUnits? {
        guard let node = fields.node(key), var text = node.scalar?.string.trimmingWhitespace(),
            text.hasPrefix("-")
        else {
            return fields.money(key, currency: currency, required: true)
        }
        text.removeFirst()
        guard let amount = MoneyFormat.parse(text, currency: currency) else {
            fields.error(at: node, "`\(key)` must be an amount like `50.00` or `-20.00` (a discount), found `-\(text)`")
            return nil
        }
        return -amount
    }
}
