extension BillingChecks {
    /// Checks a sent invoice against its seal, and its payments against its total.
    ///
    /// - A sealed invoice whose records now give another total — or, when the seal's comment lists the
    ///   lines as sent, other lines — is one error at its `total` line, naming the total as sent, the total
    ///   now, the lines that differ and the ways out: a sent invoice must not change.
    /// - A sent invoice without `total` is a warning naming `docket invoice --seal`.
    /// - Payments above the total are a warning naming the credit in the client's favour.
    static func checkSeal(
        _ invoice: Invoice, content: ClientContent, currency: Currency, today: CalendarDate,
        diagnostics: inout Diagnostics
    ) {
        let record = invoice.record
        guard record.status == .sent else { return }
        func money(_ amount: MinorUnits) -> String { MoneyFormat.format(amount, currency: currency) }
        if let sealed = record.sealed {
            guard InvoiceSeal.holds(sealed, invoice: invoice, currency: currency) else {
                // Payments are not weighed against a total the records should not give.
                diagnostics.error(
                    record.path, line: sealed.line, column: sealed.column,
                    sealBroken(invoice, sealed: sealed, content: content, currency: currency, today: today))
                return
            }
        } else {
            diagnostics.warning(
                record.path, line: record.numberLine, column: 0,
                "\(record.number) is sent but its total (\(money(invoice.total))) is not sealed: a later edit to its records would change it without notice; run `docket invoice --seal \(record.number)` (or `docket invoice --seal-all`) to record it"
            )
        }
        if invoice.paid > invoice.total {
            diagnostics.warning(
                record.path, line: record.numberLine, column: 0,
                "\(record.number) is overpaid: payments of \(money(invoice.paid)) against a total of \(money(invoice.total)) leave \(money(invoice.paid - invoice.total)) in the client's favour; refund it, or take it off the next invoice with a line like `- { description: Credit from \(record.number), amount: -\(MoneyFormat.plain(invoice.paid - invoice.total, currency: currency)) }`"
            )
        }
    }

    /// The message for a sealed invoice whose records now give another total.
    static func sealBroken(
        _ invoice: Invoice, sealed: SealedTotal, content: ClientContent, currency: Currency,
        today: CalendarDate
    ) -> String {
        let record = invoice.record
        func money(_ amount: MinorUnits) -> String { MoneyFormat.format(amount, currency: currency) }
        var message =
            sealed.amount == invoice.total
            ? "\(record.number) was sent with a total of \(money(sealed.amount)), and its records still give that total, but not the same lines"
            : "\(record.number) was sent with a total of \(money(sealed.amount)), but its records now give \(money(invoice.total))"
        var cause = SealBreak.unknown
        if let sent = sealed.asSent(currency: currency) {
            let now = InvoiceSeal.items(of: invoice)
            let changes = InvoiceSeal.differences(sent: sent, now: now, currency: currency)
            message += changes.isEmpty ? "" : ": " + changes.joined(separator: "; ")
            cause = InvoiceSeal.cause(sent: sent, now: now)
        } else {
            message += " (the lines as sent are not recorded beside `total`, so which lines changed cannot be said)"
        }
        let current = "\(content.folder)/timesheets/\(today.yearMonth).md"
        let reissue = "docket invoice \(content.client.slug)" + (record.period.map { " --period \($0)" } ?? "")
        let entries = "put the late entry in this month's timesheet (\(current)) instead, or mark it #unbilled"
        let figures =
            "keep the old figure for the months already invoiced and put the new one in a terms version that takes effect on the first day of the first month not yet invoiced"
        switch cause {
        case .entries: message += ". A sent invoice must not change: \(entries), or void"
        case .figures:
            message +=
                ". A sent invoice must not change: a rate, fee or other billing figure it used has changed; \(figures), or void"
        case .vatRate:
            message +=
                ". A sent invoice must not change: the VAT rate in content/business.md has changed; a sent invoice keeps the rate it was sent with, so restore `vat_rate`, or void"
        case .unknown:
            message +=
                ". A sent invoice must not change: if an entry was added or edited, \(entries); if a billing figure changed, \(figures); or void"
        }
        message += " this invoice (`status: void`) and issue a new one with `\(reissue)`"
        return message
    }
}

/// Why a sealed total no longer matches, as far as the lines as sent tell.
enum SealBreak {
    /// Quantities changed: entries were added, edited or removed.
    case entries
    /// Only prices changed, every quantity as sent: a billing figure changed.
    case figures
    /// Only the VAT rate changed.
    case vatRate
    /// The lines as sent are not recorded.
    case unknown
}
