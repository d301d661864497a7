import Foundation

/// `docket invoice --send`, `--seal` and `--seal-all`: marking a draft sent and sealing its total, or sealing
/// the total of invoices sent before. Each edits the front matter in place (`FrontMatterEdit`), reads the
/// edited record back to make sure nothing else changed, and checks the whole site with it as `docket check`
/// would; any problem refuses the change.
public enum InvoiceSending {
    /// Marks a draft `status: sent`, writes `issued` when given, and seals its total (`total:` after the
    /// `status` line). Nil, with errors in `diagnostics`, when the site has content errors, the number is
    /// unknown, the record is not a draft, or the invoice as sent would not pass the checks.
    public static func send(
        number: String, issued: CalendarDate?, root: URL, today: CalendarDate,
        diagnostics: inout Diagnostics
    ) -> InvoiceRecordChange? {
        guard let (checked, invoice, client) = find(number, root: root, today: today, diagnostics: &diagnostics) else {
            return nil
        }
        let record = invoice.record
        switch record.status {
        case .draft: break
        case .sent:
            diagnostics.error(
                record.path, line: record.numberLine, column: 0,
                "\(number) is already sent; a sent invoice is not sent again (to replace it, void it with `status: void` and draft a new one with `docket invoice \(client.client.slug)`)"
            )
            return nil
        case .void:
            diagnostics.error(
                record.path, line: record.numberLine, column: 0,
                "\(number) is void and cannot be sent; draft a new invoice with `docket invoice \(client.client.slug)`")
            return nil
        }
        if let early = InvoiceDraft.tooEarly(invoice, issued: issued ?? record.issued) {
            diagnostics.error(record.path, line: record.numberLine, column: 0, early)
            return nil
        }
        guard
            let edited = edit(
                invoice, client: client, checked: checked, root: root, markSent: true, issued: issued,
                diagnostics: &diagnostics)
        else { return nil }
        return verified([edited], client: client, checked: checked, diagnostics: &diagnostics)?.first
    }

    /// Seals a sent invoice that has no `total` with the total its records give now.
    public static func seal(
        number: String, root: URL, today: CalendarDate,
        diagnostics: inout Diagnostics
    ) -> InvoiceRecordChange? {
        guard let (checked, invoice, client) = find(number, root: root, today: today, diagnostics: &diagnostics) else {
            return nil
        }
        if let refusal = sealRefusal(invoice, currency: client.client.currency) {
            diagnostics.append(refusal)
            return nil
        }
        guard
            let edited = edit(
                invoice, client: client, checked: checked, root: root, markSent: false, issued: nil,
                diagnostics: &diagnostics)
        else { return nil }
        return verified([edited], client: client, checked: checked, diagnostics: &diagnostics)?.first
    }

    /// Seals every sent invoice that has no `total`. `skipped` gets one line for each draft and void
    /// invoice (never sealed). Nil, with errors in `diagnostics`, when anything fails: then nothing is to be
    /// written.
    public static func sealAll(
        root: URL, today: CalendarDate, diagnostics: inout Diagnostics,
        skipped: inout [String]
    ) -> [InvoiceRecordChange]? {
        guard let checked = checkedSite(root: root, today: today, diagnostics: &diagnostics) else { return nil }
        var changes: [InvoiceRecordChange] = []
        for client in checked.clients {
            var edits: [Edited] = []
            for invoice in client.invoices.sorted(by: { $0.record.path < $1.record.path }) {
                switch invoice.record.status {
                case .draft:
                    skipped.append(
                        "\(invoice.number): a draft, not sealed (it is sealed when sent with `docket invoice --send \(invoice.number)`)"
                    )
                case .void:
                    skipped.append("\(invoice.number): void, not sealed")
                case .sent:
                    guard invoice.record.sealed == nil else { continue }
                    guard
                        let edited = edit(
                            invoice, client: client, checked: checked, root: root, markSent: false,
                            issued: nil, diagnostics: &diagnostics)
                    else { return nil }
                    edits.append(edited)
                }
            }
            guard !edits.isEmpty else { continue }
            guard let verified = verified(edits, client: client, checked: checked, diagnostics: &diagnostics) else {
                return nil
            }
            changes += verified
        }
        return changes
    }

    /// Writes changes, each file replaced in one step.
    public static func write(_ changes: [InvoiceRecordChange], root: URL) throws {
        for change in changes {
            try change.data.write(to: root.appendingPathComponent(change.path), options: .atomic)
        }
    }

    /// Why an invoice may not be sealed: it is a draft, void, or sealed already.
    static func sealRefusal(_ invoice: Invoice, currency: Currency) -> Diagnostic? {
        let record = invoice.record
        let number = record.number
        func refuse(_ message: String) -> Diagnostic {
            Diagnostic(.error, path: record.path, line: record.numberLine, message)
        }
        switch record.status {
        case .draft:
            return refuse(
                "\(number) is a draft: its total is sealed when it is sent, with `docket invoice --send \(number)`")
        case .void:
            return refuse("\(number) is void: a void invoice bills nothing and is not sealed")
        case .sent:
            guard let sealed = record.sealed else { return nil }
            return Diagnostic(
                .error, path: record.path, line: sealed.line, column: sealed.column,
                "\(number) is sealed already (`total: \(currency.code) \(MoneyFormat.plain(sealed.amount, currency: currency))`)"
            )
        }
    }

    /// The site, checked; nil with its errors when it has any.
    private static func checkedSite(root: URL, today: CalendarDate, diagnostics: inout Diagnostics) -> CheckedSite? {
        guard let checked = CheckedSite.load(root: root, today: today, diagnostics: &diagnostics) else { return nil }
        guard !checked.diagnostics.hasErrors else {
            for error in checked.diagnostics.errors { diagnostics.append(error) }
            return nil
        }
        return checked
    }

    /// The checked site and the invoice with a number; nil with errors when the site has errors or no
    /// invoice has that number.
    private static func find(
        _ number: String, root: URL, today: CalendarDate,
        diagnostics: inout Diagnostics
    ) -> (CheckedSite, Invoice, ComputedClient)? {
        guard let checked = checkedSite(root: root, today: today, diagnostics: &diagnostics) else { return nil }
        guard let (invoice, client) = checked.invoice(numbered: number) else {
            diagnostics.error(
                "content/clients",
                "there is no invoice numbered `\(number)`; expected the `number` of a record in content/clients/<client>/invoices/"
            )
            return nil
        }
        return (checked, invoice, client)
    }

    /// An invoice record edited in memory: the record read back from the new bytes.
    private struct Edited {
        var record: InvoiceRecord
        var data: Data
    }

    /// Edits an invoice's file: `status: sent` (when `markSent`), `issued` (when given), and the `total:`
    /// line with the total the records give once so edited; then reads it back and makes sure that nothing
    /// else changed.
    private static func edit(
        _ invoice: Invoice, client: ComputedClient, checked: CheckedSite, root: URL,
        markSent: Bool, issued: CalendarDate?, diagnostics: inout Diagnostics
    ) -> Edited? {
        let original = invoice.record
        let path = original.path
        let currency = client.client.currency
        guard let bytes = SourceFile.readFile(root.path + "/" + path) else {
            diagnostics.error(path, "cannot read the file: \(String(cString: strerror(errno)))")
            return nil
        }
        var edit = FrontMatterEdit(bytes)
        var own = Diagnostics()
        var dueAsSent = invoice.due
        do {
            var computed = invoice
            if markSent || issued != nil {
                if markSent {
                    if try edit.has("status") {
                        try edit.replaceValue(of: "status", with: "sent")
                    } else {
                        try edit.setLine(of: "status", to: "status: sent", after: "period")
                    }
                }
                if let issued { try edit.replaceValue(of: "issued", with: issued.description) }
                // The invoice as the edited record computes (its issue date may change its due date, never
                // its lines; the record is read back all the same).
                guard let edited = read(edit.data, path: path, currency: currency, diagnostics: &own),
                    let sent = checked.with([edited], forClient: client.client.slug)
                        .invoice(numbered: original.number)?.invoice
                else {
                    for error in own.errors { diagnostics.append(error) }
                    return nil
                }
                computed = sent
            }
            try edit.setLine(of: "total", to: InvoiceSeal.totalLine(computed, currency: currency), after: "status")
            // The due date as sent, so that later payment terms never move it.
            if try !edit.has("due") { try edit.setLine(of: "due", to: "due: \(computed.due)", after: "total") }
            dueAsSent = computed.due
        } catch FrontMatterEdit.Failure.notOnOneLine(let key) {
            diagnostics.error(
                path, line: original.numberLine, column: 0,
                "cannot change `\(key)` in place: expected it written on one line as `\(key): value`; write it so, or make the change by hand"
            )
            return nil
        } catch {
            diagnostics.error(
                path, line: 1, column: 1,
                "cannot change the front matter in place: expected it between `---` lines at the top")
            return nil
        }
        guard let record = read(edit.data, path: path, currency: currency, diagnostics: &own) else {
            for error in own.errors { diagnostics.append(error) }
            return nil
        }
        guard record.status == .sent, record.issued == (issued ?? original.issued), record.sealed != nil,
            record.due == (original.due ?? dueAsSent), sameApartFromSending(record, original)
        else {
            diagnostics.error(
                path, line: 1, column: 1,
                "changing the front matter in place would change more than `status`, `issued`, `total` and `due`; make the change by hand"
            )
            return nil
        }
        return Edited(record: record, data: edit.data)
    }

    /// Checks one client's edited records together, as `docket check` would: nil with the errors when the
    /// site then has any, or when an edited invoice's total is not the total it is sealed with.
    private static func verified(
        _ edits: [Edited], client: ComputedClient, checked: CheckedSite,
        diagnostics: inout Diagnostics
    ) -> [InvoiceRecordChange]? {
        let after = checked.with(edits.map(\.record), forClient: client.client.slug)
        guard !after.diagnostics.hasErrors else {
            for error in after.diagnostics.errors { diagnostics.append(error) }
            return nil
        }
        let currency = client.client.currency
        // The warnings about the changed records (a month without a timesheet, an overpayment), to print.
        let paths = Set(edits.map(\.record.path))
        for warning in after.diagnostics.warnings where paths.contains(warning.path) { diagnostics.append(warning) }
        var changes: [InvoiceRecordChange] = []
        for edit in edits {
            guard let invoice = after.invoice(numbered: edit.record.number)?.invoice,
                edit.record.sealed?.amount == invoice.total
            else {
                diagnostics.error(
                    edit.record.path, line: 1, column: 1,
                    "the total written does not read back as the invoice's total, so nothing was written; check the record's front matter (one field a line, `status` written) and seal it by hand: add `total: <the invoice's total>` after `status`"
                )
                return nil
            }
            changes.append(
                InvoiceRecordChange(
                    path: edit.record.path, data: edit.data, invoice: invoice,
                    currency: currency, clientName: client.client.name))
        }
        return changes
    }

    /// Reads an edited record back; nil with its errors when it does not parse.
    private static func read(_ data: Data, path: String, currency: Currency, diagnostics: inout Diagnostics)
        -> InvoiceRecord?
    {
        var own = Diagnostics()
        guard let file = SourceFile.decode(path: path, data: data, diagnostics: &own),
            let record = InvoiceRecord.parse(file, currency: currency, diagnostics: &own), !own.hasErrors
        else {
            diagnostics.append(contentsOf: own)
            return nil
        }
        return record
    }

    /// Whether two records say the same apart from what sending changes (status, issue date, total, and a
    /// due date written where there was none).
    private static func sameApartFromSending(_ a: InvoiceRecord, _ b: InvoiceRecord) -> Bool {
        a.number == b.number && a.period == b.period && a.supplied == b.supplied && (b.due == nil || a.due == b.due)
            && a.po == b.po
            && a.payments == b.payments && a.extraLines == b.extraLines && a.noteHTML == b.noteHTML
    }
}
