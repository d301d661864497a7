/// The checks `docket check` (and every build) makes on invoices: what an invoice must carry, unique
/// numbers, numbering gaps, every month billed once, and work left uninvoiced.
enum BillingChecks {
    /// Invoice numbers are unique across the whole business (an error naming both files), and a gap in a
    /// numeric sequence (`INV-2026-041`, `INV-2026-043`) is a warning.
    static func checkNumbers(_ records: [InvoiceRecord], diagnostics: inout Diagnostics) {
        checkNumbers(
            records.map { InvoiceNumber(number: $0.number, path: $0.path, line: $0.numberLine) },
            diagnostics: &diagnostics)
    }

    /// The same checks on invoice numbers kept from each client (`ClientFacts`).
    static func checkNumbers(_ records: [InvoiceNumber], diagnostics: inout Diagnostics) {
        // Numbers that differ only in case are the same number: on a case-insensitive file system their
        // invoice pages are one file.
        var seen: [String: InvoiceNumber] = [:]
        let inOrder = zip(records, records.dropFirst()).allSatisfy { $0.path < $1.path }
        for record in inOrder ? records : records.sorted(by: { $0.path < $1.path }) {
            if let first = seen[record.number.lowercased()] {
                diagnostics.error(
                    record.path, line: record.line, column: 0,
                    "the invoice number \(record.number) is already used by \(first.path); expected a number unique across the business"
                )
            } else {
                seen[record.number.lowercased()] = record
            }
        }
        // The file names of invoice records with errors: their numbers were not read.
        let unreadable = Set(
            diagnostics.errors.compactMap { error -> String? in
                guard error.path.contains("/invoices/") else { return nil }
                return error.path.split(separator: "/").last.map(String.init)
            })
        var sequences: [String: [(value: Int, width: Int, record: InvoiceNumber)]] = [:]
        for record in seen.values {
            let digits = String(
                decoding: record.number.utf8.reversed().prefix { $0 >= 48 && $0 <= 57 }.reversed(), as: UTF8.self)
            guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else { continue }
            let prefix = String(record.number.dropLast(digits.count))
            sequences[prefix, default: []].append((value, digits.count, record))
        }
        for (prefix, members) in sequences {
            let sorted = members.sorted { $0.value < $1.value }
            for (previous, next) in zip(sorted, sorted.dropFirst()) where next.value - previous.value > 1 {
                let missing = (previous.value + 1)..<next.value
                let first = prefix + pad(missing.lowerBound, previous.width)
                // A record that is there but could not be read (an error already says why) is not missing.
                if missing.count <= 100,
                    missing.contains(where: { value in
                        unreadable.contains("\(prefix)\(pad(value, previous.width)).md")
                    })
                {
                    continue
                }
                let text =
                    missing.count == 1
                    ? "\(first) is" : "\(first) to \(prefix + pad(missing.upperBound - 1, previous.width)) are"
                diagnostics.warning(
                    next.record.path, line: next.record.line, column: 0,
                    "\(text) missing between \(previous.record.number) and \(next.record.number); keep a cancelled invoice as `status: void` rather than deleting it"
                )
            }
        }
    }

    /// Checks one client's computed invoices.
    static func checkClient(
        _ content: ClientContent, invoices: [Invoice], business: Business,
        figures: ClientFigures, today: CalendarDate, diagnostics: inout Diagnostics
    ) {
        let client = content.client
        var billedPeriods: [YearMonth: Invoice] = [:]
        var billedUsage: [YearMonth: Invoice] = [:]
        for invoice in invoices.sorted(by: { $0.record.path < $1.record.path }) where invoice.isPublished {
            let record = invoice.record
            let fileName = String(record.path.split(separator: "/").last ?? "")
            if fileName != "\(record.number).md" {
                diagnostics.warning(
                    record.path, line: record.numberLine, column: 0,
                    "the file name does not match the invoice number; expected \(record.number).md")
            }
            if let period = record.period {
                if let other = billedPeriods[period] {
                    diagnostics.error(
                        record.path, line: 0, column: 0,
                        "\(other.record.path) already bills \(period.longDescription); every month is billed by one invoice only (void one of them)"
                    )
                } else {
                    billedPeriods[period] = invoice
                    if let usage = invoice.usageMonth {
                        if let other = billedUsage[usage] {
                            diagnostics.error(
                                record.path, line: 0, column: 0,
                                "the work of \(usage.longDescription) is billed by both \(other.number) (period \(other.record.period?.description ?? "")) and \(record.number) (period \(period)): the retainer's billing changes between arrears and advance here; every month is billed by one invoice only, so settle the change-over month by hand (extra `lines`, or no `period` on one of them)"
                            )
                        } else {
                            billedUsage[usage] = invoice
                        }
                    }
                }
                let retainer = content.timeline.figures(for: period).retainer
                if let usage = invoice.usageMonth, !content.timesheets.contains(where: { $0.month == usage }),
                    !(retainer?.billing == .advance && usage < (retainer?.start ?? usage.next))
                {
                    diagnostics.warning(
                        record.path, line: 0, column: 0,
                        "there is no timesheet for \(usage.longDescription), the month this invoice bills")
                }
            }
            checkMustCarry(invoice, client: client, business: business, diagnostics: &diagnostics)
            checkSeal(
                invoice, content: content, currency: content.client.currency, today: today,
                diagnostics: &diagnostics)
        }
        warnNoTerms(content, figures: figures, diagnostics: &diagnostics)
        warnUninvoiced(
            content, billed: Set(billedPeriods.values.compactMap(\.usageMonth)), figures: figures,
            today: today, diagnostics: &diagnostics)
    }

    /// A sent invoice must carry everything an invoice needs; each missing item is an error naming it.
    static func checkMustCarry(_ invoice: Invoice, client: Client, business: Business, diagnostics: inout Diagnostics) {
        let path = invoice.record.path
        let clientFile = "content/clients/\(client.slug)/client.md"
        func missing(_ what: String) {
            diagnostics.error(path, line: 0, column: 0, "a sent invoice must carry \(what)")
        }
        if invoice.lines.isEmpty {
            missing("at least one line: nothing is billed (no `period` with billable entries and no `lines`)")
        }
        if client.address == nil { missing("the client's address: add `address` to \(clientFile)") }
        let bank = business.bank
        let hasBank = (bank?.sortCode != nil && bank?.account != nil) || bank?.iban != nil
        if !hasBank {
            missing("how to pay: add `bank` with `sort_code` and `account`, or `iban`, to content/business.md")
        }
        if business.latePayment == nil { missing("the late-payment terms: add `late_payment` to content/business.md") }
        if invoice.terms.isEmpty {
            let when =
                invoice.record.period.map { "during \($0.longDescription)" }
                ?? "on \(invoice.record.supplied ?? invoice.record.issued)"
            missing(
                "the terms version in force \(when): no agreed terms in content/clients/\(client.slug)/terms/ cover it")
        }
        if invoice.total < 0 { missing("a total that is not negative: the lines come to \(invoice.total) minor units") }
    }

    /// Months with logged work and no agreed terms in force: "no contract, no work".
    static func monthsWithoutTerms(_ content: ClientContent, figures: ClientFigures) -> [YearMonth] {
        figures.months.filter { $0.loggedMinutes + $0.travelMinutes > 0 || $0.expenseCount > 0 }
            .map(\.month).filter { Terms.inForce(during: $0, in: content.terms).isEmpty }
    }

    static func warnNoTerms(_ content: ClientContent, figures: ClientFigures, diagnostics: inout Diagnostics) {
        guard content.client.status == .active else { return }
        let months = monthsWithoutTerms(content, figures: figures)
        guard !months.isEmpty else { return }
        let list = months.map(\.longDescription).joined(separator: ", ")
        diagnostics.warning(
            "\(content.folder)/client.md", line: 0, column: 0,
            "work is logged with no agreed terms in force (\(list)): no contract, no work — add \(content.folder)/terms/1.md with `status: agreed`, `agreed_on` and `agreed_by`"
        )
    }

    /// Work older than the current month that no published invoice bills is a warning.
    static func warnUninvoiced(
        _ content: ClientContent, billed: Set<YearMonth>, figures: ClientFigures,
        today: CalendarDate, diagnostics: inout Diagnostics
    ) {
        for month in figures.months where month.month < today.yearMonth && !billed.contains(month.month) {
            var parts: [String] = []
            if month.billableMinutes > 0 { parts.append("\(Formatting.duration(month.billableMinutes)) of work") }
            if month.travelMinutes > 0 { parts.append("\(Formatting.duration(month.travelMinutes)) of travel") }
            if month.distance > .zero { parts.append("mileage") }
            if month.expenseCount > 0 {
                parts.append("\(month.expenseCount) expense\(month.expenseCount == 1 ? "" : "s")")
            }
            guard !parts.isEmpty else { continue }
            let path = content.timesheets.first { $0.month == month.month }?.path ?? content.folder
            diagnostics.warning(
                path, line: 0, column: 0,
                "\(month.month.longDescription): \(parts.joined(separator: ", ")) not invoiced (no sent invoice bills this month)"
            )
        }
    }
}
